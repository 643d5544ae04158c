// Runs a bundled worker as a child process on the project's Node, and reports what it printed.
import { spawn, type ChildProcess } from 'node:child_process';

/** The exit code of a worker turned away because another process holds its data folder. */
export const REFUSED_EXIT_CODE = 3;

export interface WorkerLife {
  child: ChildProcess;
  /** Resolves when the worker prints `line` (true) or exits first (false). */
  printed(line: string): Promise<boolean>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

export function startWorker(script: string, configFile: string): WorkerLife {
  // process.execPath is the Node running Vitest: the project's Node 22, which better-sqlite3 needs.
  const child = spawn(process.execPath, [script, configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { line: string; resolve: (seen: boolean) => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) {
      if (out.split('\n').includes(w.line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(true);
      }
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    check();
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const w of waiters.splice(0)) w.resolve(false);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    exited,
    stderr: () => err,
    printed: (line) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(out.split('\n').includes(line));
        waiters.push({ line, resolve });
        check();
      }),
  };
}
