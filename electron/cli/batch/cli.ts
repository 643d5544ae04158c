// `npm run -s batch`: delegation batches with nobody signed in, as the firm's client-administration system
// user. One JSON object on stdout, progress on stderr, an exit code a scheduler can act on (usage.ts).
import { createClientsQueryPort } from '../../features/clients/query-port';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { BatchSummary } from '../../../shared/contract/batches';
import type { EnvironmentId } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { createBatchService, type BatchService } from '../../features/batches/batch-service';
import { recordDelegationChange } from '../../features/clients/delegation-change';
import { resolveDataDir } from '../../platform/data-dir';
import { isServiceError } from '../../platform/errors';
import { createSettingsStore } from '../../platform/settings/settings-store';
import { DB_FILE_NAME, openDatabase } from '../../platform/store/database';
import { DATA_FOLDER_IN_USE, lockDataFolder } from '../../platform/store/data-folder-lock';
import { worldConnectionFromArgs, type WorldProvider } from '../../services/world/connection';
import { readBatchArgs, type BatchCliArgs } from './args';
import { connectUnattended, type UnattendedConnection } from './connect';
import { exitCodeOf, runToEnd } from './run-to-end';
import { EXIT, USAGE, type ExitCode } from './usage';
import { systemUserActor } from '../../../shared/domain/audit-actor';

export interface BatchCliDeps {
  env?: NodeJS.ProcessEnv;
  /** Starts a world in this process for Demo without `--world` or a saved address (the entry point supplies it). */
  embeddedWorld?: WorldProvider;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM); the entry point wires the signals. */
  stopSignal?: Promise<void>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

interface Output {
  ok: boolean;
  exitCode: ExitCode;
  [key: string]: unknown;
}

const RUNNABLE = ['queued', 'running', 'paused'] as const;

/** Runs the CLI and returns its exit code; writes exactly one JSON object to stdout. */
export async function runBatchCli(argv: readonly string[], deps: BatchCliDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const out = deps.stdout ?? ((t) => process.stdout.write(t));
  const err = deps.stderr ?? ((t) => process.stderr.write(t));
  const print = (o: Output): number => {
    out(`${JSON.stringify(o)}\n`);
    return o.exitCode;
  };
  const fail = (exitCode: ExitCode, code: string, message: string, extra: Record<string, unknown> = {}): number => {
    err(`batch: ${message}\n`);
    return print({ ok: false, exitCode, error: { code, message }, ...extra });
  };

  let args: BatchCliArgs;
  try {
    args = readBatchArgs(argv);
  } catch (error) {
    err(`${USAGE}\n`);
    return fail(EXIT.usage, 'USAGE', error instanceof Error ? error.message : String(error));
  }
  if (args.help || !args.command) {
    err(`${USAGE}\n`);
    return print({ ok: true, exitCode: EXIT.done, usage: USAGE });
  }

  const dataDir = resolveDataDir(argv, env);
  let lock: ReturnType<typeof lockDataFolder>;
  try {
    lock = lockDataFolder(dataDir, 'the Klientdesk batch CLI');
  } catch (error) {
    if (error instanceof AppError && error.code === DATA_FOLDER_IN_USE) return fail(EXIT.folderInUse, error.code, error.message);
    throw error;
  }
  const { db } = openDatabase({ file: join(dataDir, DB_FILE_NAME) });
  const settings = createSettingsStore(db);
  const environment: EnvironmentId = args.environment ?? settings.get().environment;
  let connection: UnattendedConnection | null = null;
  let service: BatchService | null = null;
  try {
    const command = args.command;
    if (command.name === 'list' || command.name === 'status') {
      service = offlineService(db, environment, settings.get().language);
      if (command.name === 'list') return print({ ok: true, exitCode: EXIT.done, environment, batches: service.list() });
      const batch = service.list().find((b) => b.id === command.id);
      if (!batch) return fail(EXIT.usage, 'UNKNOWN_BATCH', `There is no batch ${command.id} in ${dataDir}.`);
      return print({ ok: true, exitCode: statusExitCode(batch), batch });
    }

    let queuedBy = args.queuedBy;
    if (command.name === 'submit') queuedBy ??= await exporterOf(command.file);
    queuedBy ??= userInfo().username;

    try {
      connection = await connectUnattended({
        environment,
        dataDir,
        settings,
        env,
        standalone: worldConnectionFromArgs(argv, env),
        embedded: deps.embeddedWorld,
      });
    } catch (error) {
      return failConnecting(error, fail);
    }
    const { altinn } = connection;
    const createdBy = new Map<string, string>();
    service = createBatchService({
      db,
      clients: createClientsQueryPort(db),
      now: () => new Date(),
      actor: () => queuedBy,
      auditActor: (batchId) => {
        const person = batchId ? (createdBy.get(batchId) ?? service!.store.summary(batchId).createdBy) : queuedBy;
        if (batchId) createdBy.set(batchId, person);
        return systemUserActor(altinn.systemUserId() ?? connection!.externalRef, person);
      },
      environment: () => environment,
      language: () => settings.get().language,
      concurrency: () => settings.get().runner.concurrency,
      altinn: () => altinn,
      isOnline: () => true,
      isSignedIn: () => true,
      onProgress: (p) =>
        err(
          `batch ${p.batchId} ${p.state}: ${p.counts.done} done, ${p.counts.failed} failed, ${p.counts.unknown} unknown, ${p.counts.pending} pending\n`,
        ),
      onConfirmed: (change) => recordDelegationChange(db, change),
    });

    let ids: string[];
    if (command.name === 'submit') {
      const imported = await service.importFromPath(command.file);
      if (!imported.batch) {
        return fail(EXIT.usage, 'INVALID_BATCH_FILE', `${command.file} cannot be imported; nothing was changed.`, {
          errors: imported.errors,
        });
      }
      if (imported.batch.environment !== environment) {
        service.delete(imported.batch.id);
        return fail(
          EXIT.usage,
          'WRONG_ENVIRONMENT',
          `The batch is planned for ${imported.batch.environment}, not ${environment}; nothing was changed.`,
        );
      }
      ids = [service.submit(imported.batch.id).id];
    } else {
      ids = service.store
        .withStates(RUNNABLE)
        .filter((b) => b.environment === environment)
        .map((b) => b.id);
      // A batch the runner paused for a passing cause is resumed by it; one paused for Altinn's refusal is retried now.
      for (const b of service.list().filter((x) => ids.includes(x.id) && x.state === 'paused' && x.pauseReason !== 'user')) {
        service.resume(b.id);
      }
    }
    const timeout = args.timeoutMs
      ? new Promise<void>((resolve) => setTimeout(resolve, args.timeoutMs).unref())
      : new Promise<void>(() => {});
    const outcome = await runToEnd(service, ids, Promise.race([timeout, deps.stopSignal ?? new Promise<void>(() => {})]));
    return print({
      ok: outcome.exitCode === EXIT.done,
      exitCode: outcome.exitCode,
      end: outcome.end,
      environment,
      systemUserId: altinn.systemUserId(),
      ...(command.name === 'submit' ? { queuedBy } : {}),
      batches: outcome.batches,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(EXIT.interrupted, error instanceof AppError ? error.code : 'FAILED', message);
  } finally {
    await service?.runner.stop().catch(() => undefined);
    await connection?.close();
    db.close();
    lock.release();
  }
}

/** For `status`: what a scheduler would do next with this batch. */
function statusExitCode(batch: BatchSummary): ExitCode {
  if (batch.state === 'completed' || batch.state === 'completed_with_failures') return exitCodeOf('finished', [batch]);
  if (batch.state === 'paused' && batch.pauseReason !== 'offline' && batch.pauseReason !== 'signed_out') return EXIT.needsPerson;
  if (batch.state === 'cancelled') return EXIT.done;
  return EXIT.interrupted;
}

/** The colleague who exported the plan queued it, unless the command line says who did. */
async function exporterOf(file: string): Promise<string | undefined> {
  try {
    const header = JSON.parse(await readFile(file, 'utf8')) as { exportedBy?: unknown };
    return typeof header.exportedBy === 'string' && header.exportedBy.trim() ? header.exportedBy.trim().slice(0, 200) : undefined;
  } catch {
    return undefined; // the import says what is wrong with the file
  }
}

function failConnecting(error: unknown, fail: (c: ExitCode, code: string, m: string) => number): number {
  const message = error instanceof Error ? error.message : String(error);
  if (isServiceError(error)) {
    // Altinn or Maskinporten answered and refused: the system user, its rights or the key need a person.
    const refused = error.status !== undefined && error.status >= 400 && error.status < 500;
    return fail(refused ? EXIT.needsPerson : EXIT.interrupted, error.code, message);
  }
  if (error instanceof AppError) return fail(EXIT.needsPerson, error.code, message);
  return fail(EXIT.interrupted, 'UNREACHABLE', message);
}

/** list and status read the local store only; nothing is sent. */
function offlineService(db: ReturnType<typeof openDatabase>['db'], environment: string, language: 'nb' | 'en'): BatchService {
  const nobody = (): never => {
    throw new AppError('NOT_CONNECTED', 'list and status do not connect to Altinn.');
  };
  return createBatchService({
    db,
    clients: createClientsQueryPort(db),
    now: () => new Date(),
    actor: () => userInfo().username,
    environment: () => environment,
    language: () => language,
    concurrency: () => 1,
    altinn: nobody,
    isOnline: () => false,
    isSignedIn: () => false,
  });
}
