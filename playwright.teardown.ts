// Removes the data folder the run made for its browser host (not one the caller named).
import { rmSync } from 'node:fs';
import { OWN_DATA_DIR_ENV } from './playwright.shared';

export default function teardown(): void {
  const dir = process.env[OWN_DATA_DIR_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
