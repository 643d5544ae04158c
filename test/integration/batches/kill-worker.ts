// The process the kill test SIGKILLs: it takes the data folder, opens the batch database, signs in to the
// demo world, creates and submits the batch if this is the first life, and runs it. It prints `ready` once
// the runner works and `finished` when the batch is done; every life after a kill starts from whatever it
// finds. A second process on the same folder is refused by the folder lock and exits with code 3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBatchService } from '../../../electron/features/batches/batch-service';
import { createClientsQueryPort } from '../../../electron/features/clients/query-port';
import { lockDataFolder, DATA_FOLDER_IN_USE } from '../../../electron/platform/store/data-folder-lock';
import { DB_FILE_NAME, openDatabase } from '../../../electron/platform/store/database';
import { AppError } from '../../../shared/errors';
import { signInToWorld, worldAltinn, type WorldUrls } from '../../helpers/world-altinn';
import { REFUSED_EXIT_CODE } from './worker-process';

export interface KillWorkerConfig {
  dataDir: string;
  urls: WorldUrls;
  systemUserId: string;
  concurrency: number;
  plan: { orgNumber: string; partyUuid: string; operation: 'add' | 'remove' }[];
}

async function main(): Promise<void> {
  const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as KillWorkerConfig;
  try {
    lockDataFolder(config.dataDir, 'the kill-test worker');
  } catch (error) {
    if (error instanceof AppError && error.code === DATA_FOLDER_IN_USE) {
      process.stderr.write(`${error.message}\n`);
      process.exit(REFUSED_EXIT_CODE);
    }
    throw error;
  }
  const { db } = openDatabase({ file: join(config.dataDir, DB_FILE_NAME) });
  const token = await signInToWorld(config.urls);
  const altinn = worldAltinn(config.urls, token);
  const service = createBatchService({
    db,
    clients: createClientsQueryPort(db),
    now: () => new Date(),
    actor: () => 'Morten Lie',
    environment: () => 'demo',
    language: () => 'en',
    concurrency: () => config.concurrency,
    altinn: () => altinn,
    isOnline: () => true,
    isSignedIn: () => true,
    runner: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } },
  });

  const batch =
    service.list()[0] ?? service.create({ name: 'Kill test', systemUserId: config.systemUserId, items: config.plan, submit: false });
  if (service.store.stateOf(batch.id) === 'draft') service.submit(batch.id);
  service.runner.start();
  process.stdout.write('ready\n');

  const finished = (): boolean => ['completed', 'completed_with_failures'].includes(service.store.stateOf(batch.id));
  while (!finished()) await new Promise((resolve) => setTimeout(resolve, 20));
  await service.runner.stop();
  db.close();
  process.stdout.write('finished\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`kill-worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
