// Owner-only permissions for the data folder on POSIX: the folder 0700, its files 0600. Set when a file is
// made, and checked (and put right) at every start, so a folder made by an older version, a copy or a
// restore does not stay readable by other local users. Windows keeps the profile's own ACLs.
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

const posix = (): boolean => process.platform !== 'win32';

/** Makes the folder if needed and tightens it and every file directly in it; returns the names it changed. */
export function secureDataFolder(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  if (!posix()) return [];
  const fixed: string[] = [];
  if ((lstatSync(dir).mode & 0o777) !== FOLDER_MODE) {
    chmodSync(dir, FOLDER_MODE);
    fixed.push('.');
  }
  for (const name of readdirSync(dir)) {
    const stat = lstatSync(join(dir, name));
    // Symbolic links are left alone: chmod would follow them out of the folder.
    if (!stat.isFile()) continue;
    if ((stat.mode & 0o777) !== FILE_MODE) {
      chmodSync(join(dir, name), FILE_MODE);
      fixed.push(name);
    }
  }
  return fixed;
}

/** Creates an empty file with owner-only permissions if it is not there yet, before anyone writes to it. */
export function createPrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', FILE_MODE));
  securePrivateFile(file);
}

export function securePrivateFile(file: string): void {
  if (posix() && existsSync(file)) chmodSync(file, FILE_MODE);
}
