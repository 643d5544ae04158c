// What the batch runner is given and what it offers; the runner itself is in runner.ts.
import type { BatchProgress } from '../../../shared/contract/batches';
import type { EndUserAltinn } from '../../app/ports';
import type { BackoffPolicy } from '../../platform/http/backoff';
import type { Clock } from '../../platform/http/clock';
import type { BatchStore } from './batch-store';

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
  /** Time for every wait (poll, back-off, Retry-After, the stop's grace); tests inject a virtual one. `now` defaults to its `now`. */
  clock?: Clock;
  /** The back-off's jitter; tests inject a fixed one. */
  random?(): number;
  /** Until when the HTTP layer holds every call to Altinn back (the pool's shared Retry-After), if it does. */
  serviceWaitUntil?(): number | null;
  /** How often to look again while waiting for the network or a sign-in. */
  pollMs?: number;
  /** Back-off after a busy or unreachable service, on the HTTP layer's curve, per consecutive failure up to `maxMs`. */
  backoff?: BackoffPolicy;
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
