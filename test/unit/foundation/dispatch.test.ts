import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';

const trusted = { trusted: true };
const ctx = { transport: 'ipc' as const };

describe('the handler wrapper', () => {
  const dispatch = createDispatcher({
    'app.openExternal': ({ url }) => {
      if (url.includes('boom')) throw new Error('secret internals eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
      if (url.includes('fail')) throw new AppError('UNSAFE_URL', 'Only https links can be opened.', { correlationId: 'c-1' });
      return {};
    },
    'settings.get': () => ({ language: 'nb' }) as never,
  });

  it('returns the value of a handler', async () => {
    expect(await dispatch('app.openExternal', { url: 'https://example.no' }, trusted, ctx)).toEqual({ ok: true, value: {} });
  });

  it('rejects an unknown channel with a typed error', async () => {
    const r = await dispatch('fs.readFile', {}, trusted, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('rejects channels inherited from Object.prototype', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await dispatch(name, {}, trusted, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('rejects malformed input with the path and message of the problem', async () => {
    const r = await dispatch('app.openExternal', { url: 42 }, trusted, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_INPUT');
      expect(r.error.message).toContain('url');
    }
  });

  it('rejects unknown keys, including prototype-pollution keys', async () => {
    const polluted = JSON.parse('{"url":"https://example.no","__proto__":{"admin":true}}') as unknown;
    expect(await dispatch('app.openExternal', polluted, trusted, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses an untrusted sender before parsing anything', async () => {
    const r = await dispatch('app.openExternal', { url: 'https://example.no' }, { trusted: false, reason: 'not the top frame' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('passes typed errors through and hides internal ones', async () => {
    expect(await dispatch('app.openExternal', { url: 'https://fail' }, trusted, ctx)).toEqual({
      ok: false,
      error: { code: 'UNSAFE_URL', message: 'Only https links can be opened.', details: { correlationId: 'c-1' } },
    });
    const hidden = await dispatch('app.openExternal', { url: 'https://boom' }, trusted, ctx);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('eyJ');
  });

  it('refuses an output that does not match its schema', async () => {
    expect(await dispatch('settings.get', {}, trusted, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
  });

  it('says when a channel has no handler in this build', async () => {
    expect(await dispatch('app.status', {}, trusted, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });
});
