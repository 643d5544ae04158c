// Starts the demo world in-process for the core integration tests, or reports that it does not exist yet.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoWorld, DemoWorldOptions } from '../../../electron/demo/types';
import { KeyVault } from '../../../electron/core/keys/key-vault';
import { passphraseProtector } from '../../../electron/core/keys/protector';

const DEMO_INDEX = fileURLToPath(new URL('../../../electron/demo/index.ts', import.meta.url));
export const demoWorldExists = existsSync(DEMO_INDEX);

export async function startWorld(options: DemoWorldOptions = {}): Promise<DemoWorld> {
  const { startDemoWorld } = (await import(DEMO_INDEX)) as { startDemoWorld(o?: DemoWorldOptions): Promise<DemoWorld> };
  return startDemoWorld({ port: 0, preset: 'ready', quiet: true, clients: 40, ...options });
}

export async function tempVault(): Promise<{ vault: KeyVault; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kd-int-'));
  const vault = await KeyVault.open({
    file: join(dir, 'keys.json'),
    protector: passphraseProtector('integration-test-pass', { N: 2 ** 10, r: 8, p: 1 }),
  });
  return { vault, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
