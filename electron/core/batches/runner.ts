// Sends the items of queued batches to Altinn, a bounded number at a time, so that a crash, a kill or a lost
// network at any moment leaves every item recoverable:
//   - an item is marked in flight (and its send recorded) in a transaction before the call leaves;
//   - its answer is recorded in a transaction when it arrives;
//   - items found in flight when a batch (re)starts are first checked against Altinn's list of delegated
//     clients, so an add that got through before the crash is not sent again, and one that did not is.
// The runner works on one batch at a time, in submit order: all batches share one concurrency allowance
// (the portal's five parallel calls by default), so running two at once would only split it and finish both later.
import type { BatchProgress } from '../../../shared/contract/batches';
import type { BatchState } from '../../../shared/domain/batch';
import { missingPackages as missingFromAndRule } from '../../../shared/domain/packages';
import type { EndUserAltinn } from '../app/ports';
import type { BatchStore, ClaimedItem, ItemResult } from './batch-store';
import { classifyError, type ErrorVerdict } from './classify-error';
import { ThroughputMeter } from './throughput';
import { WakeSignal } from './wake-signal';

/** Why the runner paused a batch by itself; it resumes such a batch on its own once the cause is gone. */
export type AutoPauseReason = 'offline' | 'signed_out';
const AUTO_PAUSE_REASONS: ReadonlySet<string> = new Set<AutoPauseReason>(['offline', 'signed_out']);
/** Paused by the runner, but only a person can resume: every item would fail the same way. */
export const NO_CLIENT_ADMIN_PAUSE = 'no_client_admin';

export interface RunnerOptions {
  store: BatchStore;
  /** The signed-in person's Altinn; throws (NOT_SIGNED_IN) when nobody is signed in. */
  altinn(): EndUserAltinn;
  isOnline(): boolean;
  isSignedIn(): boolean;
  /** Only batches planned for the environment the app is connected to are sent. */
  environment(): string;
  /** Read before every send, so a change in settings applies to the running batch. */
  concurrency(): number;
  /** Package codes the firm holds from a client, when the local client list knows them (for AUTH-00080 texts). */
  clientPackages?(orgNumber: string): string[] | null;
  /** The system user's packages as the local list last saw them; Altinn is asked when this has no answer. */
  systemUserPackages?(systemUserId: string): string[] | null;
  onProgress?(progress: BatchProgress): void;
  now?(): number;
  /** How often to look again while waiting for the network or a sign-in. */
  pollMs?: number;
  /** Back-off after a busy or unreachable service, doubled per consecutive failure up to `maxMs`. */
  backoff?: { baseMs: number; maxMs: number };
  /** Sends per item before a busy service (5xx, 429) counts as the item's failure. */
  maxAttemptsPerItem?: number;
  /** Progress events per batch are at most this often (state changes are always sent). */
  progressIntervalMs?: number;
}

export interface BatchRunner {
  /** Reconciles what a previous run left in flight, then works through the queue until stopped. */
  start(): void;
  /** Stops claiming items; waits a little for calls in flight (whatever is left is reconciled at next start). */
  stop(graceMs?: number): Promise<void>;
  /** Something changed (submit, resume, network, sign-in): look again now instead of at the next poll. */
  wake(): void;
  progress(batchId: string): BatchProgress;
  /** Resolves when no batch of this environment is queued or running (tests, the benchmark, a worker). */
  whenIdle(): Promise<void>;
}

const DEFAULTS = { pollMs: 1_000, backoff: { baseMs: 500, maxMs: 30_000 }, maxAttemptsPerItem: 8, progressIntervalMs: 250 };

export function createBatchRunner(options: RunnerOptions): BatchRunner {
  const { store } = options;
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? DEFAULTS.pollMs;
  const backoff = options.backoff ?? DEFAULTS.backoff;
  const maxAttempts = options.maxAttemptsPerItem ?? DEFAULTS.maxAttemptsPerItem;
  const progressIntervalMs = options.progressIntervalMs ?? DEFAULTS.progressIntervalMs;

  const signal = new WakeSignal();
  const meters = new Map<string, ThroughputMeter>();
  const lastProgressAt = new Map<string, number>();
  /** Item ids with a call in progress in this process: the guard against sending one item twice at once. */
  const sending = new Set<number>();
  let stopped = true;
  let loop: Promise<void> | null = null;
  /** No new send before this time (Retry-After or back-off). */
  let notBefore = 0;
  let consecutiveTrouble = 0;
  let idleWaiters: (() => void)[] = [];

  const meter = (batchId: string): ThroughputMeter => {
    let m = meters.get(batchId);
    if (!m) meters.set(batchId, (m = new ThroughputMeter()));
    return m;
  };

  const backoffMs = (): number => Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, consecutiveTrouble - 1));

  function progress(batchId: string): BatchProgress {
    const s = store.summary(batchId);
    const t = now();
    const remaining = s.counts.pending + s.counts.in_flight;
    return {
      batchId: s.id,
      name: s.name,
      state: s.state,
      pauseReason: s.pauseReason,
      counts: s.counts,
      throughputPerMinute: meter(batchId).perMinute(t),
      etaSeconds: s.state === 'running' || s.state === 'queued' ? meter(batchId).etaSeconds(remaining, t) : null,
      waitingUntil: notBefore > t && s.state === 'running' ? new Date(notBefore).toISOString() : null,
    };
  }

  function emit(batchId: string, force = false): void {
    if (!options.onProgress) return;
    const t = now();
    if (!force && t - (lastProgressAt.get(batchId) ?? 0) < progressIntervalMs) return;
    lastProgressAt.set(batchId, t);
    options.onProgress(progress(batchId));
  }

  function moveBatch(batchId: string, to: BatchState, reason: string | null = null): void {
    store.move(batchId, to, reason);
    emit(batchId, true);
  }

  /** What stops this environment's work right now, before any call is tried. */
  function blocker(): AutoPauseReason | null {
    if (!options.isOnline()) return 'offline';
    if (!options.isSignedIn()) return 'signed_out';
    return null;
  }

  function resumeAutoPaused(): void {
    if (blocker() !== null || now() < notBefore) return;
    for (const b of store.withStates(['paused'])) {
      if (b.environment === options.environment() && b.pauseReason !== null && AUTO_PAUSE_REASONS.has(b.pauseReason)) {
        moveBatch(b.id, 'running');
      }
    }
  }

  /** Asks Altinn which clients are delegated, and settles every item a previous run left in flight. */
  async function reconcile(batchId: string): Promise<ErrorVerdict | null> {
    const batch = store.summary(batchId);
    if (batch.counts.in_flight === 0) return null;
    try {
      const delegated = await options.altinn().listDelegatedClients(batch.systemUserId);
      store.reconcileInFlight(batchId, new Set(delegated.map((c) => c.partyUuid)), new Set(delegated.map((c) => c.orgNumber)));
      emit(batchId, true);
      return null;
    } catch (error) {
      return classifyError(error);
    }
  }

  async function send(batchId: string, systemUserId: string, claimed: ClaimedItem): Promise<ErrorVerdict | null> {
    const { item, sendId } = claimed;
    let result: ItemResult;
    let verdict: ErrorVerdict | null = null;
    try {
      const altinn = options.altinn();
      const receipt =
        item.operation === 'add'
          ? await altinn.addClient(systemUserId, item.partyUuid)
          : await altinn.removeClient(systemUserId, item.partyUuid);
      result = { kind: 'done', correlationId: receipt.correlationId };
      consecutiveTrouble = 0;
    } catch (error) {
      verdict = classifyError(error);
      result = resultOf(verdict, item.orgNumber, item.attempts, systemUserId);
    }
    const finished = store.finish(item.id, sendId, result);
    if (finished.state === 'done' || finished.state === 'failed') meter(batchId).record(now());
    emit(batchId);
    return verdict;
  }

  function resultOf(verdict: ErrorVerdict, orgNumber: string, attempts: number, systemUserId: string): ItemResult {
    switch (verdict.kind) {
      case 'failed':
        return {
          kind: 'failed',
          code: verdict.code,
          message: verdict.message,
          correlationId: verdict.correlationId,
          missingPackages: verdict.code === 'AUTH-00080' ? andRuleGap(orgNumber, systemUserId) : undefined,
        };
      case 'forbidden':
        return { kind: 'failed', code: verdict.code, message: verdict.message, correlationId: verdict.correlationId };
      case 'busy':
        // A service that stays broken for this item through many rounds of back-off is the item's real outcome.
        return attempts >= maxAttempts
          ? {
              kind: 'failed',
              code: verdict.code,
              message: `Altinn was busy or unavailable on all ${attempts} tries.`,
              correlationId: verdict.correlationId,
            }
          : { kind: 'retry', code: verdict.code };
      default:
        return { kind: 'retry', code: verdict.code };
    }
  }

  const systemUserPackages = new Map<string, string[]>();
  function andRuleGap(orgNumber: string, systemUserId: string): string[] | undefined {
    const held = options.clientPackages?.(orgNumber);
    const required = systemUserPackages.get(systemUserId);
    return held && required ? missingFromAndRule(required, held) : undefined;
  }
  async function learnSystemUserPackages(systemUserId: string): Promise<void> {
    if (systemUserPackages.has(systemUserId) || !options.clientPackages) return;
    const local = options.systemUserPackages?.(systemUserId);
    if (local && local.length > 0) {
      systemUserPackages.set(systemUserId, local);
      return;
    }
    try {
      const su = (await options.altinn().listAgentSystemUsers()).find((s) => s.id === systemUserId);
      if (su) systemUserPackages.set(systemUserId, su.packages);
    } catch {
      // Only used to name the missing package; the code and Altinn's own message stand without it.
    }
  }

  /** Applies what an error means for the batch as a whole. Returns the reason to stop claiming, if any. */
  function react(batchId: string, verdict: ErrorVerdict): string | null {
    switch (verdict.kind) {
      case 'busy':
        consecutiveTrouble++;
        notBefore = Math.max(notBefore, now() + (verdict.retryAfterMs ?? backoffMs()));
        emit(batchId, true);
        return null;
      case 'offline':
      case 'signed_out':
        consecutiveTrouble++;
        // The port said the network or the login is gone even if isOnline() has not noticed yet; look again
        // only after a back-off, so a flapping network is not hammered.
        notBefore = Math.max(notBefore, now() + backoffMs());
        return verdict.kind;
      case 'forbidden':
        return NO_CLIENT_ADMIN_PAUSE;
      case 'failed':
        return null;
    }
  }

  async function runBatch(batchId: string, systemUserId: string): Promise<void> {
    const reconcileProblem = await reconcile(batchId);
    if (reconcileProblem) {
      const reason = react(batchId, reconcileProblem);
      // A refused list is not an item outcome: nothing may be resent until Altinn has answered it.
      pauseIfRunning(batchId, reason ?? 'offline');
      return;
    }
    await learnSystemUserPackages(systemUserId);

    const inFlight = new Map<number, Promise<void>>();
    let stopReason: string | null = null;
    // A failure to record an answer (or any other surprise) stops claiming; it is rethrown only after every
    // call of this round has finished, so nothing of ours is still in flight when the next round reconciles.
    let failure: unknown = null;
    try {
      while (!stopped && stopReason === null && failure === null) {
        if (store.stateOf(batchId) !== 'running') break;
        const wait = notBefore - now();
        if (wait > 0) {
          await Promise.race([signal.sleep(wait), ...inFlight.values()]);
          continue;
        }
        if (inFlight.size >= Math.max(1, options.concurrency())) {
          await Promise.race(inFlight.values());
          continue;
        }
        const claimed = store.claimNext(batchId);
        if (!claimed) {
          if (inFlight.size === 0) break;
          await Promise.race(inFlight.values());
          continue;
        }
        const id = claimed.item.id;
        if (sending.has(id)) throw new Error(`Item ${id} was claimed while a call for it was still running.`);
        sending.add(id);
        const task = send(batchId, systemUserId, claimed)
          .then(
            (verdict) => {
              if (verdict) stopReason ??= react(batchId, verdict);
            },
            (error: unknown) => {
              failure ??= error;
            },
          )
          .finally(() => {
            sending.delete(id);
            inFlight.delete(id);
          });
        inFlight.set(id, task);
      }
    } catch (error) {
      failure ??= error;
    }
    await Promise.all(inFlight.values());
    if (failure !== null) throw failure;
    if (stopReason !== null) pauseIfRunning(batchId, stopReason);
    else if (store.completeIfDone(batchId)) {
      emit(batchId, true);
      meters.delete(batchId);
    }
  }

  function pauseIfRunning(batchId: string, reason: string): void {
    const state = store.stateOf(batchId);
    if (state === 'running' || state === 'queued') moveBatch(batchId, 'paused', reason);
  }

  /** Settles in-flight items of batches that are not about to run (paused or cancelled when the app died). */
  async function reconcileAtStartup(): Promise<void> {
    if (blocker() !== null) return;
    for (const b of store.withStates(['paused', 'cancelled'])) {
      if (b.environment === options.environment() && b.counts.in_flight > 0) await reconcile(b.id);
    }
  }

  async function work(): Promise<void> {
    await reconcileAtStartup();
    while (!stopped) {
      resumeAutoPaused();
      const batch = store.nextRunnable(options.environment());
      if (!batch) {
        idleWaiters.forEach((resolve) => resolve());
        idleWaiters = [];
        await signal.sleep(pollMs);
        continue;
      }
      const reason = blocker();
      if (reason !== null) {
        pauseIfRunning(batch.id, reason);
        continue;
      }
      if (now() < notBefore) {
        await signal.sleep(Math.min(pollMs, notBefore - now()));
        continue;
      }
      try {
        if (batch.state === 'queued') moveBatch(batch.id, 'running');
        await runBatch(batch.id, batch.systemUserId);
      } catch (error) {
        // The store is the truth and every step is a transaction, so a failed step loses nothing; log it and
        // try again after a pause instead of letting one bad moment (a busy database) stop all batches.
        console.error('[batches] a runner step failed:', error instanceof Error ? error.message : error);
        consecutiveTrouble++;
        await signal.sleep(backoffMs());
      }
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      loop = work().catch((error: unknown) => {
        // Nothing is lost (the store is the truth), but the runner must not die silently.
        console.error('[batches] the runner stopped:', error instanceof Error ? error.message : error);
        stopped = true;
      });
    },
    async stop(graceMs = 5_000) {
      stopped = true;
      signal.wake();
      if (loop) await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, graceMs))]);
      idleWaiters.forEach((resolve) => resolve());
      idleWaiters = [];
    },
    wake() {
      signal.wake();
    },
    progress,
    whenIdle() {
      if (stopped) return Promise.resolve();
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        signal.wake();
      });
    },
  };
}
