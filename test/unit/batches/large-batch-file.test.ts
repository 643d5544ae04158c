// A 100 000-item draft goes to a file and comes back identical, through the main process's streaming file
// code: no step holds the plan as one contract-sized string.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBatchFile } from '../../../electron/features/batches/batch-file';
import { batchesChannels } from '../../../shared/contract/batches';
import { harness, orgNumbers, SU_A } from './harness';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a batch of 100 000 items', () => {
  it('is exported to a file and imported back identical', async () => {
    const dir = temp.make('large');
    dirs.push(dir);
    const h = harness();
    const orgs = orgNumbers(100_000);
    const draft = h.service.create({
      name: 'Hele porteføljen',
      systemUserId: SU_A,
      items: orgs.map((orgNumber, i) => ({
        orgNumber,
        operation: i % 7 === 0 ? ('remove' as const) : ('add' as const),
        ...(i % 3 === 0 ? { partyUuid: h.altinn.partyOf(orgNumber) } : {}),
      })),
      submit: false,
    });
    const file = join(dir, 'plan.json');
    expect(await h.service.exportToPath(draft.id, file)).toEqual({ path: file, items: 100_000 });
    // Larger than the contract's text limit: this plan could not travel as content.
    expect(statSync(file).size).toBeGreaterThan(5_000_000);
    // The streamed file is the same document the in-memory writer would make, checksum included.
    expect(readBatchFile(readFileSync(file, 'utf8')).ok).toBe(true);

    const imported = await h.service.importFromPath(file);
    expect(imported.errors).toEqual([]);
    const plan = (id: string) => h.service.store.allItems(id).map((i) => [i.orgNumber, i.operation, i.partyUuid, i.name]);
    expect(plan(imported.batch!.id)).toEqual(plan(draft.id));
    expect(imported.batch).toMatchObject({ name: 'Hele porteføljen', systemUserId: SU_A, state: 'draft', counts: { total: 100_000 } });
  }, 120_000);

  it('refuses a file changed after export, and accepts only absolute .json paths through the contract', async () => {
    const dir = temp.make('large');
    dirs.push(dir);
    const h = harness();
    const draft = h.service.create({
      name: 'Liten',
      systemUserId: SU_A,
      items: orgNumbers(3).map((orgNumber) => ({ orgNumber, operation: 'add' as const })),
      submit: false,
    });
    const file = join(dir, 'plan.json');
    await h.service.exportToPath(draft.id, file);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"add"', '"remove"'));
    const result = await h.service.importFromPath(file);
    expect(result.batch).toBeNull();
    expect(result.errors[0]!.message).toMatch(/changed after it was exported/);

    const input = batchesChannels['batches.importFromPath'].input;
    expect(input.safeParse({ path: file }).success).toBe(true);
    expect(input.safeParse({ path: 'C:\\Users\\kari\\plan.json' }).success).toBe(true);
    expect(input.safeParse({ path: 'plan.json' }).success).toBe(false);
    expect(input.safeParse({ path: '/etc/passwd' }).success).toBe(false);
    expect(input.safeParse({ path: '/tmp/a\u0000.json' }).success).toBe(false);
  });
});
