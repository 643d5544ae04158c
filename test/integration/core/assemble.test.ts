// The one assembly main and the host share: it serves every channel of the contract, and holds the data
// folder until it closes, so a second process on the same folder is refused and a later one is not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleApp } from '../../../electron/app/assemble';
import { passphraseProtector } from '../../../electron/platform/keys/protector';
import { DATA_FOLDER_IN_USE } from '../../../electron/platform/store/data-folder-lock';
import { channelNames } from '../../../shared/contract';
import { startTestCore, type TestCore } from '../../helpers/core';

const protector = passphraseProtector('test-passphrase-123', { N: 2 ** 10, r: 8, p: 1 });
// No world at all: Demo stays unconnected, which is enough to hold and let go of the folder.
const assemble = (dataDir: string) =>
  assembleApp({ holder: 'a test core', dataDir, mode: 'browser', version: 'test', protector, commandLine: { argv: [], env: {} } });

describe('assembleApp', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('serves every channel of the contract through its dispatcher', async () => {
    t = await startTestCore();
    expect(Object.keys(t.core.handlers).sort()).toEqual([...channelNames].sort());
    expect(await t.call('app.info', {})).toMatchObject({ name: 'Klientdesk', mode: 'browser', dataDir: t.dataDir });
  });

  it('holds the data folder until it closes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kd-assemble-'));
    try {
      const first = await assemble(dataDir);
      // Started without a world to connect to: not connected, and no longer connecting either.
      expect(first.core.status()).toMatchObject({ connected: false, connecting: false });
      await expect(assemble(dataDir)).rejects.toMatchObject({ code: DATA_FOLDER_IN_USE });
      await first.close();
      const later = await assemble(dataDir);
      await later.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
