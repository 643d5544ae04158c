// Planning on the train: a draft is made and edited while the world is down; submitted, it pauses as
// offline; when the world is back on the same address it resumes by itself and completes.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld, type DemoWorldOptions } from '../../../electron/demo/index';
import { availableClients, signInToWorld } from '../../helpers/world-altinn';
import { waitFor, worldBatches } from './world-batches';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';

// The file's, not the test's: the world writes its state file as it closes, in the afterAll below, and the
// folder must outlive that (hooks after a file run last-registered first, so the folder goes after the world).
const stateDir = temp.make('offline');

let world: DemoWorld | null = null;
afterAll(async () => {
  await world?.close();
});

describe('a batch planned offline', () => {
  it('is edited with the world down, pauses as offline on submit, and completes once the world is back', async () => {
    const options: DemoWorldOptions = {
      // Fixed ports (from a random base) so the world comes back where the app expects it.
      port: 20_000 + Math.floor(Math.random() * 20_000),
      stateFile: join(stateDir, 'world.json'),
      quiet: true,
      preset: 'ready',
    };
    world = await startDemoWorld(options);
    const urls = { idporten: world.urls.idporten, altinn: world.urls.altinn };
    const delegated = new Set(world.admin.delegatedClients(SU_A));
    const candidates = (await availableClients(urls, await signInToWorld(urls), SU_A)).filter((o) => !delegated.has(o)).slice(0, 21);
    await world.close();
    world = null;

    const t = worldBatches(urls);
    try {
      await waitFor(() => !t.isOnline(), 5_000, 'the probe to notice the world is down');
      t.service.runner.start();
      const draft = t.service.create({
        name: 'Tog',
        systemUserId: SU_A,
        items: candidates.slice(0, 20).map((orgNumber) => ({ orgNumber, operation: 'add' as const })),
        submit: false,
      });
      t.service.rename(draft.id, 'Planlagt på toget');
      t.service.editItems(draft.id, [{ orgNumber: candidates[20]!, operation: 'add' }], [candidates[0]!]);
      expect(t.service.get(draft.id, {}).batch).toMatchObject({
        name: 'Planlagt på toget',
        state: 'draft',
        counts: expect.objectContaining({ total: 20 }),
      });

      t.service.submit(draft.id);
      await waitFor(() => t.service.store.stateOf(draft.id) === 'paused', 5_000, 'the offline pause');
      expect(t.service.get(draft.id, {}).batch.pauseReason).toBe('offline');
      expect(t.service.get(draft.id, {}).batch.counts.pending).toBe(20);

      world = await startDemoWorld(options);
      await waitFor(() => t.service.store.stateOf(draft.id) === 'completed', 30_000, 'completion after the world is back');
      const now = new Set(world.admin.delegatedClients(SU_A));
      expect(candidates.slice(1).every((o) => now.has(o))).toBe(true);
      expect(now.has(candidates[0]!)).toBe(false);
    } finally {
      await t.close();
    }
  }, 60_000);
});
