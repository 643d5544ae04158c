// The renderer's own code never opens windows, never turns text into markup and never evaluates strings. The
// built bundle is checked the same way in test/e2e/security.spec.ts (it includes libraries, so fewer rules apply
// there); here every rule applies to every file we wrote, renderer/ and shared/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['renderer/src', 'shared'];

const RULES: readonly { what: string; re: RegExp; sample: string }[] = [
  { what: 'window.open', re: /\b(window|globalThis|self)\.open\s*\(/, sample: 'window.open(url)' },
  { what: 'target="_blank"', re: /_blank/, sample: '<a target="_blank">' },
  {
    what: 'markup from strings',
    re: /dangerouslySetInnerHTML|\.(inner|outer)HTML\b|insertAdjacentHTML|document\.write/,
    sample: 'el.innerHTML = name',
  },
  { what: 'code from strings', re: /\beval\s*\(|new Function\s*\(|setTimeout\s*\(\s*['"`]/, sample: "setTimeout('go()', 1)" },
  { what: 'javascript: URLs', re: /['"`]javascript:/i, sample: 'href="javascript:void(0)"' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

describe('the renderer’s own sources', () => {
  const files = ROOTS.flatMap((r) => sourceFiles(r));

  it('are all read', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith('ClientGrid.tsx'))).toBe(true);
  });

  it.each(RULES.map((r) => [r.what, r] as const))('never use %s', (_what, rule) => {
    // The rule itself must catch what it names, or a clean result proves nothing.
    expect(rule.sample).toMatch(rule.re);
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (rule.re.test(line) ? [`${relative('.', f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
