// One process per data folder: a second taker is refused with a sentence naming the holder, and the lock
// goes with the process however it ends (here: SIGKILL), with nothing stale left behind.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FOLDER_IN_USE, lockDataFolder } from '../../../electron/platform/store/data-folder-lock';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const folder = (): string => {
  const d = temp.make('lock');
  dirs.push(d);
  return d;
};

describe('the data folder lock', () => {
  it('is released by the operating system when the holder is killed', async () => {
    const dir = folder();
    // Another Node process (the project's Node 22, which better-sqlite3 needs) takes the folder and waits. It keeps
    // the connection referenced: a collected connection is closed, and with it the lock, as in the app itself.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         const db = new Database(${JSON.stringify(join(dir, 'klientdesk.lock'))}, { timeout: 0 });
         db.pragma('journal_mode = DELETE'); db.pragma('locking_mode = EXCLUSIVE');
         db.exec('CREATE TABLE IF NOT EXISTS held (at TEXT NOT NULL)'); db.exec('BEGIN EXCLUSIVE');
         db.prepare('INSERT INTO held (at) VALUES (?)').run('x');
         globalThis.held = db; process.stdout.write('held\\n'); setInterval(() => {}, 1000);`,
      ],
      { cwd: resolve('.'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise((r) => child.on('exit', r));
    await new Promise<void>((r, reject) => {
      child.stdout!.on('data', (c: Buffer) => c.toString().includes('held') && r());
      child.on('exit', () => reject(new Error('the holder died before it held the lock')));
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(child.exitCode, `the holder ended early: ${stderr}`).toBeNull();
    expect(() => lockDataFolder(dir, 'the Klientdesk app')).toThrow(/already in use/);
    child.kill('SIGKILL');
    await exited;
    lockDataFolder(dir, 'the Klientdesk app').release();
  });

  it('refuses a second taker in plain words until the first lets go', () => {
    const dir = folder();
    const first = lockDataFolder(dir, 'the Klientdesk browser host');
    let refusal: unknown;
    try {
      lockDataFolder(dir, 'the Klientdesk app');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: DATA_FOLDER_IN_USE,
      message: expect.stringMatching(/already in use by the Klientdesk browser host \(process \d+, started .+\)\. Close it first/),
    });
    first.release();
    lockDataFolder(dir, 'the Klientdesk app').release();
  });
});
