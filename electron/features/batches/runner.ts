// Sends the items of queued batches to Altinn, a bounded number at a time, so that a crash, a kill or a lost
// answer at any moment leaves every item recoverable and applied at most once in effect:
//   - an item is marked in flight (and its send recorded, with this run's id) in a transaction before the call leaves;
//   - its answer is recorded in a transaction when it arrives, unless a later settlement superseded the send;
//   - a call that may have reached Altinn without an answer (timeout, dropped connection) makes the item
//     `unknown`; it, and anything a dead process left in flight, is settled only from Altinn's list of
//     delegated clients, whenever a session is available (start, sign-in, network back), in every batch;
//   - no item is sent for a (system user, client) pair while another operation on it is unsettled.
// The runner works on one batch at a time, in submit order: all batches share one concurrency allowance
// (the portal's five parallel calls by default), so running two at once would only split it and finish both later.
import type { BatchProgress } from '../../../shared/contract/batches';
import type { BatchState } from '../../../shared/domain/batch';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../platform/http/clock';
import { createPool } from '../../platform/http/pool';
import type { BatchStore, ClaimedItem, ItemResult } from './batch-store';
import { classifyError, type ErrorVerdict } from './classify-error';
import { SystemUserPackages } from './runner-packages';
import { settleRefusedRemoval } from './runner-settle';
import { RunnerPacing } from './runner-pacing';
import type { BatchRunner, RunnerOptions } from './runner-types';
import { AUTO_PAUSE_REASONS, pauseReasonFor, resultOf, type AutoPauseReason } from './runner-verdicts';
import { ThroughputMeter } from './throughput';
import { WakeSignal } from './wake-signal';

export type { BatchRunner, RunnerOptions } from './runner-types';

const DEFAULTS = { pollMs: 1_000, backoff: { baseMs: 500, maxMs: 30_000 }, maxAttemptsPerItem: 8, progressIntervalMs: 250 };

export function createBatchRunner(options: RunnerOptions): BatchRunner {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const now = options.now ?? (() => clock.now());
  const pollMs = options.pollMs ?? DEFAULTS.pollMs;
  const backoff = options.backoff ?? DEFAULTS.backoff;
  const maxAttempts = options.maxAttemptsPerItem ?? DEFAULTS.maxAttemptsPerItem;
  const progressIntervalMs = options.progressIntervalMs ?? DEFAULTS.progressIntervalMs;

  const signal = new WakeSignal(clock);
  const pacing = new RunnerPacing(now, backoff, options.random);
  /** The slots of the pool; an item is claimed only when one is free, so nothing claimed waits in its queue. */
  const pool = createPool(1);
  const packages = new SystemUserPackages(options);
  /** This process's run: every send it makes carries it, so a send of an earlier (dead) run is recognised. */
  let runId = randomUUID();
  /** Set when Altinn's list must be read before anything else (start, a session coming back, an unknown answer). */
  let needsReconcile = true;
  let lastBlocker: AutoPauseReason | null | undefined;
  const meters = new Map<string, ThroughputMeter>();
  const lastProgressAt = new Map<string, number>();
  /** Item ids with a call in progress in this process: the guard against sending one item twice at once. */
  const sending = new Set<number>();
  let stopped = true;
  let loop: Promise<void> | null = null;
  let idleWaiters: (() => void)[] = [];

  const meter = (batchId: string): ThroughputMeter => {
    let m = meters.get(batchId);
    if (!m) meters.set(batchId, (m = new ThroughputMeter()));
    return m;
  };

  function progress(batchId: string): BatchProgress {
    const s = store.summary(batchId);
    const t = now();
    const remaining = s.counts.pending + s.counts.in_flight + s.counts.unknown;
    const waitUntil = Math.max(pacing.notBefore, options.serviceWaitUntil?.() ?? 0);
    return {
      batchId: s.id,
      name: s.name,
      state: s.state,
      pauseReason: s.pauseReason,
      counts: s.counts,
      throughputPerMinute: meter(batchId).perMinute(t),
      etaSeconds: s.state === 'running' || s.state === 'queued' ? meter(batchId).etaSeconds(remaining, t) : null,
      waitingUntil: waitUntil > t && s.state === 'running' ? new Date(waitUntil).toISOString() : null,
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
    if (blocker() !== null || pacing.waitMs() > 0) return;
    for (const b of store.withStates(['paused'])) {
      if (b.environment === options.environment() && b.pauseReason !== null && AUTO_PAUSE_REASONS.has(b.pauseReason)) {
        moveBatch(b.id, 'running');
      }
    }
  }

  const isLive = (itemId: number, sendRun: string | null): boolean => sendRun === runId && sending.has(itemId);

  /** Reads Altinn's delegated clients for one system user and settles its open items in every batch. */
  async function reconcileSystemUser(systemUserId: string): Promise<ErrorVerdict | null> {
    try {
      const delegated = await options.altinn().listDelegatedClients(systemUserId);
      const settled = store.reconcile(
        options.environment(),
        systemUserId,
        { partyUuids: new Set(delegated.map((c) => c.partyUuid)), orgNumbers: new Set(delegated.map((c) => c.orgNumber)) },
        isLive,
      );
      if (settled.done + settled.requeued + settled.skipped > 0) {
        for (const b of store.withStates(['running', 'paused', 'cancelled', 'queued'])) emit(b.id, true);
      }
      return null;
    } catch (error) {
      return classifyError(error);
    }
  }

  /** Settles the open items of every batch of this environment; the problem when Altinn could not be asked. */
  async function reconcileAll(): Promise<ErrorVerdict | null> {
    for (const systemUserId of store.unsettledSystemUsers(options.environment())) {
      const problem = await reconcileSystemUser(systemUserId);
      if (problem) {
        react(null, problem);
        return problem;
      }
    }
    needsReconcile = false;
    return null;
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
      pacing.succeeded();
    } catch (error) {
      verdict = classifyError(error);
      result = resultOf(verdict, item.attempts, maxAttempts, () => packages.gap(item.orgNumber, systemUserId));
      result = await settleRefusedRemoval(options.altinn(), systemUserId, item, result);
      if (result.kind === 'already_done') verdict = null;
    }
    let finished: ReturnType<BatchStore['finish']>;
    try {
      finished = store.finish(item.id, sendId, result);
    } finally {
      // In the same synchronous step as the state change: once the item may be claimed again, it is no
      // longer "being sent", whatever order the promise callbacks below run in.
      sending.delete(item.id);
    }
    if (result.kind === 'unknown' && !finished.ignored) needsReconcile = true;
    if (!finished.ignored && (finished.item.state === 'done' || finished.item.state === 'failed')) meter(batchId).record(now());
    emit(batchId);
    return verdict;
  }

  /**
   * Org numbers the local client list did not know are looked up among the firm's clients in Altinn before
   * anything is sent; one Altinn does not list fails with that reason instead of a guessed partyUuid.
   */
  async function resolveParties(batchId: string): Promise<ErrorVerdict | null> {
    if (store.unresolved(batchId).length === 0) return null;
    try {
      const clients = await options.altinn().listFirmClients();
      const found = new Map(clients.filter((c) => c.partyUuid).map((c) => [c.orgNumber, { partyUuid: c.partyUuid, name: c.name }]));
      store.settleParties(
        batchId,
        found,
        (orgNumber) => `${orgNumber} is not among the firm's clients in Altinn, so Altinn has no party id for it. Nothing was sent.`,
      );
      emit(batchId, true);
      return null;
    } catch (error) {
      return classifyError(error);
    }
  }

  /** Applies what an error means for the batch as a whole. Returns the reason to stop claiming, if any. */
  function react(batchId: string | null, verdict: ErrorVerdict): string | null {
    const stop = pacing.react(verdict);
    if (verdict.kind === 'busy' && batchId) emit(batchId, true);
    return stop;
  }

  /** Works on one batch until it is done, paused, or left with only items that must wait for a settlement. */
  async function runBatch(batchId: string, systemUserId: string): Promise<'finished' | 'stopped' | 'blocked'> {
    const reconcileProblem = await reconcileSystemUser(systemUserId);
    if (reconcileProblem) {
      react(batchId, reconcileProblem);
      // A refused list is not an item outcome: nothing may be resent until Altinn has answered it.
      const reason = pauseReasonFor(reconcileProblem);
      if (reason) pauseIfRunning(batchId, reason);
      return reason ? 'stopped' : 'blocked';
    }
    const unresolvedProblem = await resolveParties(batchId);
    if (unresolvedProblem) {
      pauseIfRunning(batchId, react(batchId, unresolvedProblem) ?? 'offline');
      return 'stopped';
    }
    await packages.learn(systemUserId);

    const inFlight = new Map<number, Promise<void>>();
    let stopReason: string | null = null;
    // A failure to record an answer (or any other surprise) stops claiming; it is rethrown only after every
    // call of this round has finished, so nothing of ours is still in flight when the next round reconciles.
    let failure: unknown = null;
    try {
      while (!stopped && stopReason === null && failure === null) {
        if (store.stateOf(batchId) !== 'running') break;
        const wait = pacing.waitMs();
        if (wait > 0) {
          await Promise.race([signal.sleep(wait), ...inFlight.values()]);
          continue;
        }
        // Read before every claim, so a change in settings applies to the running batch.
        pool.concurrency = Math.max(1, options.concurrency());
        if (pool.activeCount + pool.pendingCount >= pool.concurrency) {
          await Promise.race(inFlight.values());
          continue;
        }
        const claimed = store.claimNext(batchId, runId);
        if (!claimed) {
          if (inFlight.size === 0) break;
          await Promise.race(inFlight.values());
          continue;
        }
        const id = claimed.item.id;
        if (sending.has(id)) throw new Error(`Item ${id} was claimed while a call for it was still running.`);
        sending.add(id);
        const task = pool(() => send(batchId, systemUserId, claimed))
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
    if (stopReason !== null) {
      pauseIfRunning(batchId, stopReason);
      return 'stopped';
    }
    if (store.completeIfDone(batchId)) {
      emit(batchId, true);
      meters.delete(batchId);
      return 'finished';
    }
    // Items are left that wait for an unknown outcome (here or in another batch) to be settled.
    return stopped || store.stateOf(batchId) !== 'running' ? 'stopped' : 'blocked';
  }

  function pauseIfRunning(batchId: string, reason: string): void {
    const state = store.stateOf(batchId);
    if (state === 'running' || state === 'queued') moveBatch(batchId, 'paused', reason);
  }

  async function work(): Promise<void> {
    while (!stopped) {
      const reason = blocker();
      // A session that becomes available (start, sign-in, network back) is the moment to settle what is open,
      // in every batch: paused and cancelled ones have nobody else to do it.
      if (reason === null && lastBlocker !== null) needsReconcile = true;
      lastBlocker = reason;
      if (reason === null && needsReconcile && pacing.waitMs() === 0) {
        const problem = await reconcileAll();
        if (problem) {
          // Nothing may be sent while Altinn cannot say what the open items did.
          const pauseReason = pauseReasonFor(problem);
          if (pauseReason) {
            for (const b of store.withStates(['running'])) if (b.environment === options.environment()) pauseIfRunning(b.id, pauseReason);
          }
          await signal.sleep(Math.max(1, Math.min(pollMs, pacing.waitMs())));
          continue;
        }
      }
      resumeAutoPaused();
      const batch = store.nextRunnable(options.environment());
      if (!batch) {
        idleWaiters.forEach((resolve) => resolve());
        idleWaiters = [];
        await signal.sleep(pollMs);
        continue;
      }
      // Asked again: the network or the sign-in may have gone while Altinn's list was being read.
      const blockedBy = blocker();
      if (blockedBy !== null) {
        pauseIfRunning(batch.id, blockedBy);
        continue;
      }
      if (pacing.waitMs() > 0) {
        await signal.sleep(Math.min(pollMs, pacing.waitMs()));
        continue;
      }
      try {
        if (batch.state === 'queued') moveBatch(batch.id, 'running');
        const outcome = await runBatch(batch.id, batch.systemUserId);
        if (outcome === 'blocked') {
          // What is left waits for an unknown outcome to be settled: read Altinn's list after the back-off.
          needsReconcile = true;
          await signal.sleep(Math.max(10, Math.min(pollMs, pacing.waitMs())));
        }
      } catch (error) {
        // The store is the truth and every step is a transaction, so a failed step loses nothing; log it and
        // try again after a pause instead of letting one bad moment (a busy database) stop all batches.
        console.error('[batches] a runner step failed:', error instanceof Error ? error.message : error);
        await signal.sleep(pacing.troubled());
      }
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      runId = randomUUID();
      needsReconcile = true;
      lastBlocker = undefined;
      loop = work().catch((error: unknown) => {
        // Nothing is lost (the store is the truth), but the runner must not die silently.
        console.error('[batches] the runner stopped:', error instanceof Error ? error.message : error);
        stopped = true;
      });
    },
    async stop(graceMs = 5_000) {
      stopped = true;
      signal.wake();
      if (loop) {
        const grace = new AbortController();
        await Promise.race([loop, clock.sleep(graceMs, grace.signal).catch(() => undefined)]);
        grace.abort();
      }
      idleWaiters.forEach((resolve) => resolve());
      idleWaiters = [];
    },
    wake() {
      signal.wake();
    },
    sessionAvailable() {
      needsReconcile = true;
      signal.wake();
    },
    runId: () => runId,
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
