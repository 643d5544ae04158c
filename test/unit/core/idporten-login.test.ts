import { describe, expect, it } from 'vitest';
import { loginWithSystemBrowser } from '../../../electron/services/altinn/idporten-login';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { FakeClock, json, scriptedFetch } from './helpers';

const endpoints = {
  issuer: 'https://idp.test',
  authorizationEndpoint: 'https://login.idp.test/authorize',
  tokenEndpoint: 'https://idp.test/token',
};
const client = { clientId: 'app', scopes: ['openid', 'altinn:clientdelegations.read'] };

describe('system-browser login', () => {
  it('opens the browser with PKCE, receives the code on a 127.0.0.1 loopback port and exchanges it', async () => {
    const tokenEndpoint = scriptedFetch(() => json(200, { access_token: 'idporten-at', expires_in: 3600, scope: 'openid' }));
    let opened = '';
    const tokens = await loginWithSystemBrowser({
      http: createHttpClient({ fetch: tokenEndpoint, clock: new FakeClock() }),
      endpoints,
      client,
      timeoutMs: 5000,
      // Plays the browser: ID-porten would redirect back to the loopback URI after the login.
      openExternal: async (url) => {
        opened = url;
        const u = new URL(url);
        const back = new URL(u.searchParams.get('redirect_uri')!);
        back.searchParams.set('code', 'the-code');
        back.searchParams.set('state', u.searchParams.get('state')!);
        const page = await fetch(back);
        expect(await page.text()).toMatch(/close this window/);
      },
    });
    expect(tokens.accessToken).toBe('idporten-at');
    const auth = new URL(opened);
    expect(auth.origin + auth.pathname).toBe(endpoints.authorizationEndpoint);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const form = new URLSearchParams(tokenEndpoint.seen[0]!.body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('the-code');
    expect(form.get('redirect_uri')).toBe(auth.searchParams.get('redirect_uri'));
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('fails cleanly when the browser never comes back', async () => {
    await expect(
      loginWithSystemBrowser({
        http: createHttpClient({ fetch: scriptedFetch(() => json(500, {})) }),
        endpoints,
        client,
        timeoutMs: 50,
        openExternal: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'LOGIN_CANCELLED' });
  });
});
