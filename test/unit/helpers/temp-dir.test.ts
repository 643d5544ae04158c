import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
let fromBeforeAll = '';
const fromTests: string[] = [];
const child = { process: null as ReturnType<typeof spawn> | null };

beforeAll(() => {
  fromBeforeAll = temp.make('fixture-all');
});
afterAll(() => {
  // Runs before the fixture's own afterAll (hooks run in reverse order): the file's folder is still there.
  expect(existsSync(fromBeforeAll)).toBe(true);
});

describe('the temp folder fixture', () => {
  it('makes kd- folders in the system temp folder', () => {
    const dir = temp.make('fixture-test');
    fromTests.push(dir);
    expect(dir).toMatch(/[\\/]kd-fixture-test-[^\\/]+$/);
    expect(existsSync(dir)).toBe(true);
    child.process = temp.track(spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }));
  });

  it("removed the previous test's folder and killed its process when that test ended", async () => {
    expect(existsSync(fromTests[0]!)).toBe(false);
    const p = child.process!;
    if (p.exitCode === null && p.signalCode === null) await new Promise((resolve) => p.once('exit', resolve));
    expect(p.signalCode).toBe('SIGKILL');
    expect(existsSync(fromBeforeAll)).toBe(true);
  });

  it.fails('(a test that fails on purpose, after making a folder)', () => {
    fromTests.push(temp.make('fixture-failed'));
    throw new Error('on purpose');
  });

  it('removed the folder of the failed test too', () => {
    expect(fromTests[1]).toMatch(/kd-fixture-failed-/);
    expect(existsSync(fromTests[1]!)).toBe(false);
  });
});
