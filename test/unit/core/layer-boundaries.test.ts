// The layer boundaries (issue 14): one file planted across each forbidden edge, a file or a package, is refused
// by ESLint's klientdesk/layers rule; a file of the same layer with only allowed imports passes, so the
// failure is the boundary and nothing else. The edges are written out here from the policy, not read from
// eslint/layers.js, so a mistake in the allow-list fails this test instead of being mirrored by it.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { exceptions, layers } from '../../../eslint/layers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULE = 'klientdesk/layers';
const planted: string[] = [];

// Only the layer rule runs, and without type information: the probes are not in any TypeScript program, and
// the rule needs none.
const NO_TYPES = { languageOptions: { parserOptions: { project: null, projectService: false } } };
const eslint = new ESLint({ cwd: ROOT, overrideConfig: NO_TYPES, ruleFilter: ({ ruleId }) => ruleId === RULE });

function plant(folder: string, source: string, extension = 'ts'): string {
  const file = join(ROOT, folder, `kd-lint-probe-${randomBytes(4).toString('hex')}.${extension}`);
  writeFileSync(file, source);
  planted.push(file);
  return file;
}

/** The specifier a file in `folder` uses for the repository path `target` (a package name stays as it is). */
function specifier(folder: string, target: string): string {
  if (!target.includes('/') || !/\.(ts|tsx)$/.test(target) || target.startsWith('@')) return target;
  const path = posix.relative(folder, target.replace(/\.(ts|tsx)$/, ''));
  return path.startsWith('.') ? path : `./${path}`;
}

async function layerMessages(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parser'}: ${m.message}`);
}

afterEach(() => {
  for (const file of planted.splice(0)) rmSync(file, { force: true });
});

// [the folder a probe is planted in, what it imports]: each one is a forbidden edge of the policy.
const FORBIDDEN: [string, string][] = [
  ['shared/domain', 'renderer/src/App.tsx'],
  ['shared/domain', 'electron/platform/errors.ts'],
  ['shared/domain', 'react'],
  ['shared/domain', 'jose'],
  ['shared/domain', 'better-sqlite3'],
  ['shared/domain', 'electron'],
  ['shared/domain', 'node:fs'],
  ['shared/domain', 'path'],
  ['renderer/src/state', 'electron/platform/errors.ts'],
  ['renderer/src/state', 'electron/app/event-bus.ts'],
  ['renderer/src/state', 'electron/preload/index.ts'],
  ['renderer/src/state', 'node:path'],
  ['renderer/src/state', 'fs/promises'],
  ['renderer/src/state', 'jose'],
  ['renderer/src/state', 'better-sqlite3'],
  ['renderer/src/state', 'electron'],
  ['electron/platform/http', 'electron/services/environment-services.ts'],
  ['electron/platform/http', 'electron/features/audit/log.ts'],
  ['electron/platform/http', 'electron/app/create-core.ts'],
  ['electron/platform/http', 'electron/demo/index.ts'],
  ['electron/platform/http', 'renderer/src/App.tsx'],
  ['electron/platform/settings', 'better-sqlite3'],
  ['electron/platform/http', 'electron'],
  ['electron/platform/http', 'react'],
  ['electron/services/altinn', 'electron/features/clients/sync.ts'],
  ['electron/services/altinn', 'electron/app/create-core.ts'],
  ['electron/services/altinn', 'electron/cli/flow/cli.ts'],
  ['electron/services/altinn', 'electron/host/server.ts'],
  ['electron/services/altinn', 'electron/main/menu.ts'],
  ['electron/services/altinn', 'electron/demo/index.ts'],
  ['electron/services/world', 'electron/demo/types.ts'],
  ['electron/services/altinn', 'better-sqlite3'],
  ['electron/services/altinn', 'electron'],
  ['electron/features/clients', 'electron/app/create-core.ts'],
  ['electron/features/clients', 'electron/cli/flow/cli.ts'],
  ['electron/features/clients', 'electron/host/server.ts'],
  ['electron/features/clients', 'electron/main/menu.ts'],
  ['electron/features/clients', 'electron/demo/index.ts'],
  ['electron/features/clients', 'renderer/src/App.tsx'],
  ['electron/features/claims', 'electron/features/clients/client-store.ts'],
  ['electron/features/clients', 'better-sqlite3'],
  ['electron/features/clients', 'electron'],
  ['electron/app', 'electron/cli/flow/cli.ts'],
  ['electron/app', 'electron/host/server.ts'],
  ['electron/app', 'electron/main/menu.ts'],
  ['electron/app', 'electron/demo/index.ts'],
  ['electron/app', 'renderer/src/App.tsx'],
  ['electron/app', 'electron'],
  ['electron/app', 'better-sqlite3'],
  ['electron/cli/flow', 'electron/host/server.ts'],
  ['electron/cli/flow', 'electron/main/menu.ts'],
  ['electron/cli/flow', 'electron/demo/index.ts'],
  ['electron/cli/flow', 'electron'],
  ['electron/host', 'electron/main/menu.ts'],
  ['electron/host', 'electron/cli/flow/cli.ts'],
  ['electron/host', 'electron/demo/index.ts'],
  ['electron/host', 'electron'],
  ['electron/main', 'electron/host/server.ts'],
  ['electron/main', 'electron/demo/index.ts'],
  ['electron/main', 'renderer/src/App.tsx'],
  ['electron/main', 'react'],
  ['electron/preload', 'shared/domain/orgnr.ts'],
  ['electron/preload', 'electron/platform/errors.ts'],
  ['electron/preload', 'electron/app/event-bus.ts'],
  ['electron/preload', 'node:fs'],
  ['electron/preload', 'zod'],
  ['electron/demo/altinn', 'electron/platform/errors.ts'],
  ['electron/demo/altinn', 'electron/services/environment-services.ts'],
  ['electron/demo/altinn', 'electron/features/clients/sync.ts'],
  ['electron/demo/altinn', 'electron/app/create-core.ts'],
  ['electron/demo/altinn', 'electron/host/server.ts'],
  ['electron/demo/altinn', 'electron/main/menu.ts'],
  ['electron/demo/altinn', 'renderer/src/App.tsx'],
  ['electron/demo/altinn', 'better-sqlite3'],
  ['electron/demo/altinn', 'electron'],
];

// One probe per layer with only what that layer may import, each edge kind included.
const ALLOWED: [string, string[]][] = [
  ['shared/domain', ['zod', 'papaparse', 'shared/contract/app.ts', 'shared/errors.ts']],
  ['renderer/src/state', ['react', '@mui/material', 'zustand', 'shared/contract/app.ts', 'renderer/src/App.tsx']],
  ['electron/platform/http', ['node:crypto', 'fs', 'zod', 'jose', 'shared/errors.ts', 'electron/platform/store/database.ts']],
  ['electron/platform/store', ['better-sqlite3', 'node:fs', 'electron/platform/errors.ts', 'shared/errors.ts']],
  ['electron/services/altinn', ['jose', 'node:http', 'electron/platform/errors.ts', 'shared/errors.ts']],
  ['electron/features/claims', ['jose', 'electron/services/environment-services.ts', 'electron/platform/errors.ts']],
  ['electron/app', ['electron/features/clients/feature.ts', 'electron/services/environment-services.ts', 'zod']],
  ['electron/cli/flow', ['electron/app/create-core.ts', 'jose', 'node:util']],
  ['electron/host', ['electron/app/create-core.ts', 'electron/features/batches/batch-file.ts', 'node:http']],
  ['electron/main', ['electron', 'electron/app/create-core.ts', 'electron/platform/errors.ts', 'node:path']],
  ['electron/preload', ['electron', 'shared/contract/bridge.ts']],
  ['electron/demo/altinn', ['jose', 'zod', 'node:http', 'shared/domain/orgnr.ts', 'electron/demo/types.ts']],
];

describe('the layer allow-list', () => {
  it.each(FORBIDDEN)('a file in %s may not import %s', async (folder, target) => {
    const file = plant(folder, `import * as probe from '${specifier(folder, target)}';\nexport const p = probe;\n`);
    const messages = await layerMessages(file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^${RULE}: .*(may not import|may reach|only with \`import type\`)`));
  });

  it.each(ALLOWED)('a file in %s with only allowed imports passes', async (folder, targets) => {
    const imports = targets.map((t, i) => `import * as p${i} from '${specifier(folder, t)}';`);
    const file = plant(folder, `${imports.join('\n')}\nexport const all = [${targets.map((_, i) => `p${i}`).join(', ')}];\n`);
    expect(await layerMessages(file)).toEqual([]);
  });

  it('every way of naming a module is checked: re-exports, import type, import(), require, vi.mock, import types', async () => {
    const demo = specifier('electron/app', 'electron/demo/index.ts');
    const file = plant(
      'electron/app',
      [
        `export { startDemoWorld } from '${demo}';`,
        `export * from '${demo}';`,
        `import type { DemoWorld } from '../demo/types';`,
        `export type W = DemoWorld | import('${demo}').DemoWorld;`,
        `export const later = () => import('${demo}');`,
        `export const now = () => require('electron');`,
        `declare const vi: { mock(path: string): void };`,
        `vi.mock('${demo}');`,
      ].join('\n'),
    );
    const messages = await layerMessages(file);
    expect(messages).toHaveLength(7);
    expect(messages.filter((m) => m.includes('electron/demo'))).toHaveLength(6);
    expect(messages.filter((m) => m.includes("'electron'"))).toHaveLength(1);
  });

  it('the type-only seams take only import type', async () => {
    const file = plant(
      'electron/features/clients',
      [
        `import type { Database } from 'better-sqlite3';`,
        `import type { Feature } from '../../app/feature';`,
        `import { clientsFeature } from './feature';`,
        `import Sqlite from 'better-sqlite3';`,
        `import * as seam from '../../app/feature';`,
        `export const all = [clientsFeature, Sqlite, seam] as unknown as [Database, Feature];`,
      ].join('\n'),
    );
    const messages = await layerMessages(file);
    expect(messages).toEqual([
      expect.stringMatching(/may import the package 'better-sqlite3' only with `import type`/),
      expect.stringMatching(/may import electron\/app\/feature\.ts only with `import type`/),
    ]);
  });

  it('a feature reaches another one through its port.ts, not its inside', async () => {
    // The clients feature's real port: a probe never writes over a file of the product.
    const file = plant('electron/features/claims', `export { readSyncInfo } from '../clients/port';\n`);
    expect(await layerMessages(file)).toEqual([]);
  });

  it('a file in no layer is an error, so a new folder cannot slip past the boundaries', async () => {
    const file = plant('docs', 'export const x = 1;\n');
    expect(await layerMessages(file)).toEqual([expect.stringMatching(/is in no layer/)]);
  });

  it('tests and bench may import anything', async () => {
    const file = plant('test/unit/core', "import { app } from 'electron';\nexport const a = app;\n");
    expect(await layerMessages(file)).toEqual([]);
  });
});

describe('raw ipcMain', () => {
  const restricted = new ESLint({ cwd: ROOT, overrideConfig: NO_TYPES, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

  it.each([
    ['ipcMain', 1],
    ['app', 0],
  ] as const)('a file in electron/main importing %s from electron gets %i refusal(s)', async (name, refusals) => {
    const file = plant('electron/main', `import { ${name} } from 'electron';\nexport const x = ${name};\n`);
    const [result] = await restricted.lintFiles([file]);
    expect(result?.messages.map((m) => m.message)).toEqual(
      Array(refusals).fill("'ipcMain' import from 'electron' is restricted. Register handlers through the dispatch wrapper."),
    );
  });
});

describe('the hook rules in the renderer', () => {
  const hooks = new ESLint({ cwd: ROOT, overrideConfig: NO_TYPES, ruleFilter: ({ ruleId }) => ruleId.startsWith('react-hooks/') });

  it('refuse a hook called conditionally and an effect that misses a dependency; pass the fixed component', async () => {
    const component = (body: string) =>
      `import { useEffect, useState } from 'react';\nexport function Probe({ on, id }: { on: boolean; id: string }) {\n${body}\n  return null;\n}\n`;
    const broken = plant(
      'renderer/src/state',
      component('  if (on) useState(0);\n  useEffect(() => {\n    document.title = id;\n  }, []);'),
      'tsx',
    );
    const fixed = plant(
      'renderer/src/state',
      component('  useState(on);\n  useEffect(() => {\n    document.title = id;\n  }, [id]);'),
      'tsx',
    );
    const results = await hooks.lintFiles([broken, fixed]);
    const brokenResult = results.find((r) => r.filePath === broken);
    const fixedResult = results.find((r) => r.filePath === fixed);
    expect(brokenResult?.messages.map((m) => m.ruleId).sort()).toEqual(['react-hooks/exhaustive-deps', 'react-hooks/rules-of-hooks']);
    expect(brokenResult?.messages.every((m) => m.severity === 2)).toBe(true);
    expect(fixedResult?.messages).toEqual([]);
  });
});

describe('the exceptions in eslint/layers.js', () => {
  // The same rule without its exceptions: each one must still be needed, so a fixed edge leaves the list.
  const strict = new ESLint({
    cwd: ROOT,
    overrideConfig: [NO_TYPES, { rules: { [RULE]: ['error', { root: ROOT, layers, exceptions: [] }] } }],
    ruleFilter: ({ ruleId }) => ruleId === RULE,
  });

  it.each(exceptions.map((e) => [e.from, e.to, e] as const))('%s → %s is still there and still needed', async (from, to, e) => {
    expect(Boolean(e.why) !== Boolean(e.todo)).toBe(true);
    const [result] = await strict.lintFiles([join(ROOT, from)]);
    const target = relative(ROOT, join(ROOT, to)).split('\\').join('/');
    expect(result?.messages.filter((m) => m.message.includes(target))).toHaveLength(1);
  });
});
