// The services never import the demo world (issue 12): a file planted inside the services' layers that does is
// refused by ESLint with the boundary's own message, and the same file without the import passes.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const planted: string[] = [];

function plant(folder: string, source: string): string {
  const file = join(ROOT, folder, `kd-lint-probe-${randomBytes(4).toString('hex')}.ts`);
  writeFileSync(file, source);
  planted.push(file);
  return file;
}

async function restrictedImports(file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

afterEach(() => {
  for (const file of planted.splice(0)) rmSync(file, { force: true });
});

describe('the services may not import the demo world', () => {
  it.each([
    ['a value import of the world', "import { startDemoWorld } from '../../demo';\nexport const start = startDemoWorld;\n"],
    ['a type-only import of its types', "import type { DemoWorld } from '../../demo/types';\nexport type W = DemoWorld;\n"],
  ])(
    'lint fails on %s from electron/app',
    async (_name, source) => {
      const messages = await restrictedImports(plant('electron/app', source));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/never import the demo world/);
    },
    60_000,
  );

  it('the same module without the import passes, so the failure is the boundary and nothing else', async () => {
    const file = plant(
      'electron/app',
      "import type { WorldConnection } from '../services/world/connection';\nexport type C = WorldConnection;\n",
    );
    expect(await restrictedImports(file)).toEqual([]);
  }, 60_000);
});
