// The one way a test makes a folder: `kd-` in the system temp folder, removed when the test that made it ends
// (pass or fail), or when its file ends for one made in a beforeAll. Child processes handed to `track` are
// killed first, so nothing is left holding the folder open. `.ci/test.mjs` fails a run that leaves any `kd-*`.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

export interface TempDirs {
  /** A new, empty folder `kd-<name>-XXXXXX`. */
  make(name: string): string;
  /** Kills `child` (if it still runs) before the folders of the same scope are removed. */
  track(child: ChildProcess): ChildProcess;
}

interface Scope {
  dirs: string[];
  children: ChildProcess[];
}

function cleanUp(scope: Scope): void {
  for (const child of scope.children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of scope.dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Call once at the top of a test file. */
export function useTempDirs(): TempDirs {
  const fileScope: Scope = { dirs: [], children: [] };
  afterAll(() => cleanUp(fileScope));

  /** The running test's own scope, or the file's when called from a beforeAll or at collection time. */
  const scope = (): Scope => {
    const testScope: Scope = { dirs: [], children: [] };
    try {
      onTestFinished(() => cleanUp(testScope));
      return testScope;
    } catch {
      return fileScope;
    }
  };

  return {
    make(name) {
      const dir = mkdtempSync(join(tmpdir(), `kd-${name}-`));
      scope().dirs.push(dir);
      return dir;
    },
    track(child) {
      scope().children.push(child);
      return child;
    },
  };
}
