// No product module over 400 lines (CONTRIBUTING: small modules, named for what they do). Every source file
// under electron/, renderer/src and shared/ counts except the ones named below, each with its reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['electron', 'renderer/src', 'shared'];
const MAX_LINES = 400;
const SOURCE = /\.(ts|tsx|js|mjs|cjs|css)$/;

/** Not product code: tests, and the demo world's seed data (names and the example's claims, read as data). */
const EXCLUDED: readonly { test: (path: string) => boolean; why: string }[] = [
  { test: (p) => /\.test\.(ts|tsx)$/.test(p), why: 'test files' },
  { test: (p) => p.startsWith('electron/demo/seed/'), why: 'demo seed data' },
];

/**
 * Known to be over the limit and being split by their owners in parallel branches. Each entry must still be
 * over the limit: once a split lands, this test fails until the entry is taken off the list.
 */
const PENDING_SPLIT: readonly string[] = [];

const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(e.name) ? [relative(root, path).replaceAll('\\', '/')] : [];
  });
}

/** Lines as an editor numbers them: a final newline does not start another line. */
function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function oversized(files: readonly { path: string; text: string }[], max = MAX_LINES): string[] {
  return files
    .filter((f) => !EXCLUDED.some((x) => x.test(f.path)))
    .filter((f) => lineCount(f.text) > max)
    .map((f) => `${f.path} (${lineCount(f.text)} lines)`);
}

describe('module size', () => {
  const files = ROOTS.flatMap((r) => sourceFiles(join(root, r))).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

  it('reads the product sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === 'electron/features/batches/batch-store.ts')).toBe(true);
  });

  it(`finds no product module over ${MAX_LINES} lines`, () => {
    const over = oversized(files).filter((entry) => !PENDING_SPLIT.some((p) => entry.startsWith(`${p} `)));
    expect(over).toEqual([]);
  });

  it('lists only files that are still over the limit as pending a split', () => {
    const stillOver = PENDING_SPLIT.filter((p) => oversized(files.filter((f) => f.path === p)).length === 1);
    expect(stillOver).toEqual(PENDING_SPLIT);
  });

  it('counts lines the way the limit means them, and skips tests and seed data', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    const long = 'x\n'.repeat(401);
    expect(oversized([{ path: 'electron/big.ts', text: long }])).toEqual(['electron/big.ts (401 lines)']);
    expect(oversized([{ path: 'electron/ok.ts', text: 'x\n'.repeat(400) }])).toEqual([]);
    expect(oversized([{ path: 'electron/big.test.ts', text: long }])).toEqual([]);
    expect(oversized([{ path: 'electron/demo/seed/names.ts', text: long }])).toEqual([]);
  });
});
