// The world as a separate process: started from the built bundle, described by its first JSON line,
// its admin API behind the printed secret, stopped and cleaned up.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorldProcess, type WorldProcess } from '../../helpers/world-process';

let w: WorldProcess;
beforeAll(async () => {
  w = await startWorldProcess({ clients: 25, maskinportenErrors: 'documented', state: true });
});
afterAll(() => w?.close());

describe('demo world in its own process', () => {
  it('prints its URLs on free ports and an admin secret, and answers /info only with the secret', async () => {
    expect(w.info.clientCount).toBe(25);
    for (const url of Object.values(w.info.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(w.info.urls.admin).port).not.toBe('7404');
    expect(w.adminSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(w.info).not.toHaveProperty('adminSecret');

    const info = await w.admin('/info');
    expect(info.status).toBe(200);
    expect(((await info.json()) as { urls: unknown }).urls).toEqual(w.info.urls);
    expect((await fetch(`${w.info.urls.admin}/info`)).status).toBe(401);
    expect(await (await w.admin('/settings')).json()).toEqual({ maskinportenErrors: 'documented', requestTimeoutDays: 180 });
  });

  it('keeps its state in the file it was given, and stops on close, removing its temp folder', async () => {
    const other = await startWorldProcess({ clients: 12, state: true });
    const file = other.stateFile!;
    expect((await other.admin('/reset', { method: 'POST', body: '{"preset":"start"}' })).status).toBe(200);
    await other.close();
    expect(existsSync(file)).toBe(false);
    await expect(fetch(`${other.info.urls.admin}/info`)).rejects.toThrow();
  });
});
