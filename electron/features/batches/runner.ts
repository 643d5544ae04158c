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
import { missingPackages as missingFromAndRule } from '../../../shared/domain/packages';
import type { EndUserAltinn } from '../../app/ports';
import type { BatchStore, ClaimedItem, ItemResult } from './batch-store';
import { classifyError, type ErrorVerdict } from './classify-error';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/http/clock';
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
  /** Time for waits (poll, back-off, Retry-After); tests inject a fast one. `now` defaults to its `now`. */
  clock?: Clock;
  /** Until when the HTTP layer holds every call to Altinn back (the pool's shared Retry-After), if it does. */
  serviceWaitUntil?(): number | null;
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
  /** A session became available (sign-in, resume, network back): settle every open item from Altinn's list. */
  sessionAvailable(): void;
  /** The id this process's sends carry. */
  runId(): string;
  progress(batchId: string): BatchProgress;
  /** Resolves when no batch of this environment is queued or running (tests, the benchmark, a worker). */
  whenIdle(): Promise<void>;
}

const DEFAULTS = { pollMs: 1_000, backoff: { baseMs: 500, maxMs: 30_000 }, maxAttemptsPerItem: 8, progressIntervalMs: 250 };

export function createBatchRunner(options: RunnerOptions): BatchRunner {
  const { store } = options;
  const now = options.now ?? (options.clock ? () => options.clock!.now() : Date.now);
  const pollMs = options.pollMs ?? DEFAULTS.pollMs;
  const backoff = options.backoff ?? DEFAULTS.backoff;
  const maxAttempts = options.maxAttemptsPerItem ?? DEFAULTS.maxAttemptsPerItem;
  const progressIntervalMs = options.progressIntervalMs ?? DEFAULTS.progressIntervalMs;

  const signal = new WakeSignal(options.clock);
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
    const remaining = s.counts.pending + s.counts.in_flight + s.counts.unknown;
    const waitUntil = Math.max(notBefore, options.serviceWaitUntil?.() ?? 0);
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
    if (blocker() !== null || now() < notBefore) return;
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
      consecutiveTrouble = 0;
    } catch (error) {
      verdict = classifyError(error);
      result = resultOf(verdict, item.orgNumber, item.attempts, systemUserId);
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

  function resultOf(verdict: ErrorVerdict, orgNumber: string, attempts: number, systemUserId: string): ItemResult {
    switch (verdict.kind) {
      case 'unknown':
        return { kind: 'unknown', code: verdict.code, message: verdict.message, correlationId: verdict.correlationId };
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
  function react(batchId: string | null, verdict: ErrorVerdict): string | null {
    switch (verdict.kind) {
      case 'busy':
        consecutiveTrouble++;
        // One wait for the whole pool: no slot claims anything before it ends.
        notBefore = Math.max(notBefore, now() + (verdict.retryAfterMs ?? backoffMs()));
        if (batchId) emit(batchId, true);
        return null;
      case 'unknown':
        // One lost answer is not a lost network; back off a little and settle it from Altinn's list.
        consecutiveTrouble++;
        notBefore = Math.max(notBefore, now() + backoffMs());
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
        const claimed = store.claimNext(batchId, runId);
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

  /** Why to pause when Altinn's list cannot be read; a busy service is only waited out. */
  function pauseReasonFor(problem: ErrorVerdict): string | null {
    switch (problem.kind) {
      case 'busy':
        return null;
      case 'forbidden':
        return NO_CLIENT_ADMIN_PAUSE;
      case 'signed_out':
        return 'signed_out';
      default:
        return 'offline';
    }
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
      if (reason === null && needsReconcile && now() >= notBefore) {
        const problem = await reconcileAll();
        if (problem) {
          // Nothing may be sent while Altinn cannot say what the open items did.
          const pauseReason = pauseReasonFor(problem);
          if (pauseReason) {
            for (const b of store.withStates(['running'])) if (b.environment === options.environment()) pauseIfRunning(b.id, pauseReason);
          }
          await signal.sleep(Math.max(1, Math.min(pollMs, notBefore - now())));
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
      if (now() < notBefore) {
        await signal.sleep(Math.min(pollMs, notBefore - now()));
        continue;
      }
      try {
        if (batch.state === 'queued') moveBatch(batch.id, 'running');
        const outcome = await runBatch(batch.id, batch.systemUserId);
        if (outcome === 'blocked') {
          // What is left waits for an unknown outcome to be settled: read Altinn's list after the back-off.
          needsReconcile = true;
          await signal.sleep(Math.max(10, Math.min(pollMs, notBefore - now())));
        }
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
      if (loop) await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, graceMs))]);
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
