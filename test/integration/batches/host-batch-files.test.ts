// The browser host's batch-file routes: a 100 000-item draft is downloaded as a file and uploaded back
// through HTTP, streamed on both sides; no request carries the plan through the contract's text limit.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/app/event-bus';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';
import { startHost, SECRET_HEADER, type Host } from '../../../electron/host/server';
import { BATCH_FILE_UPLOAD_PATH, batchFileDownloadUrl, batchFileUploadResult } from '../../../shared/contract/batch-file-routes';
import { harness, orgNumbers, SU_A } from '../../unit/batches/harness';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(host: Host, opts: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...opts.headers },
        // A fresh connection each time: Node's global agent keeps sockets alive, and one the host closes for
        // idleness just as it is reused resets the next request, which says nothing about the routes.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('batch files through the browser host', () => {
  let host: Host;
  const h = harness();
  const dirs: string[] = [];
  let fileDir: string;
  beforeAll(async () => {
    const webRoot = temp.make('web');
    fileDir = temp.make('transfers');
    dirs.push(webRoot, fileDir);
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Klientdesk</title>');
    const s = h.service;
    const dispatch = createDispatcher({
      'batches.get': ({ id, offset, limit }) => s.get(id, { offset, limit }),
      'batches.exportToPath': ({ id, path }) => s.exportToPath(id, path),
      'batches.importFromPath': ({ path }) => s.importFromPath(path),
    });
    host = await startHost({ dispatch, bus: createEventBus(), webRoot, fileDir, now: () => Date.parse('2026-03-04T10:00:00Z') });
  });
  afterAll(async () => {
    await host.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const auth = { [SECRET_HEADER]: '' };
  beforeAll(() => void (auth[SECRET_HEADER] = host.secret));

  it('downloads a 100 000-item draft and uploads it back identical', async () => {
    const draft = h.service.create({
      name: 'Hele porteføljen',
      systemUserId: SU_A,
      items: orgNumbers(100_000).map((orgNumber, i) => ({ orgNumber, operation: i % 5 === 0 ? ('remove' as const) : ('add' as const) })),
      submit: false,
    });
    const down = await send(host, { path: batchFileDownloadUrl(draft.id), headers: auth });
    expect(down.status, down.body.toString('utf8').slice(0, 300)).toBe(200);
    expect(down.headers['content-disposition']).toContain('filename="klientdesk-hele-portef');
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''klientdesk-hele-portef");
    // Larger than the contract's 5 000 000-character limit: it could not have travelled as content.
    expect(down.body.length).toBeGreaterThan(5_000_000);

    const up = await send(host, {
      path: BATCH_FILE_UPLOAD_PATH,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: down.body,
    });
    expect(up.status).toBe(200);
    const result = JSON.parse(up.body.toString('utf8')) as { ok: boolean; value: unknown };
    expect(result.ok).toBe(true);
    const imported = batchFileUploadResult.parse(result.value);
    expect(imported.errors).toEqual([]);
    const plan = (id: string) => h.service.store.allItems(id).map((i) => [i.orgNumber, i.operation, i.partyUuid, i.name]);
    expect(imported.batch!.id).not.toBe(draft.id);
    expect(plan(imported.batch!.id)).toEqual(plan(draft.id));
    expect(imported.batch).toMatchObject({ name: 'Hele porteføljen', state: 'draft', counts: { total: 100_000 } });
    // Every temporary file is gone once its request has ended.
    expect(readdirSync(fileDir)).toEqual([]);
  }, 120_000);

  it('refuses the routes without the secret or cookie, and uploads that are not JSON', async () => {
    const draft = h.service.create({
      name: 'Liten',
      systemUserId: SU_A,
      items: [{ orgNumber: orgNumbers(1)[0]!, operation: 'add' }],
      submit: false,
    });
    expect((await send(host, { path: batchFileDownloadUrl(draft.id) })).status).toBe(401);
    expect(
      (
        await send(host, {
          path: BATCH_FILE_UPLOAD_PATH,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from('{}'),
        })
      ).status,
    ).toBe(401);
    const form = await send(host, {
      path: BATCH_FILE_UPLOAD_PATH,
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: Buffer.from('{}'),
    });
    expect(form.status).toBe(415);
    expect((await send(host, { path: batchFileDownloadUrl('no-such-batch'), headers: auth })).status).toBe(404);
  });

  it('answers a broken file line by line and imports nothing', async () => {
    const before = h.service.list().length;
    const up = await send(host, {
      path: BATCH_FILE_UPLOAD_PATH,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: Buffer.from('{"format": "klientdesk-batch", "items": ['),
    });
    const result = JSON.parse(up.body.toString('utf8')) as { ok: boolean; value: { batch: unknown; errors: unknown[] } };
    expect(result.ok).toBe(true);
    expect(result.value.batch).toBeNull();
    expect(result.value.errors.length).toBeGreaterThan(0);
    expect(h.service.list().length).toBe(before);
    expect(readdirSync(fileDir)).toEqual([]);
  });
});
