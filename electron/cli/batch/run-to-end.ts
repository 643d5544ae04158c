// Runs batches to the end with the existing runner and says how it ended, for an exit code. The runner resumes
// by itself what it paused for a passing cause (a dropped connection); what only a person can resume, or the
// time running out, ends the run instead.
import type { BatchSummary } from '../../../shared/contract/batches';
import type { BatchService } from '../../features/batches/batch-service';
import { EXIT, type ExitCode } from './usage';

const LOOK_EVERY_MS = 200;
/** Pauses the runner lifts by itself once the cause is gone; any other (no_client_admin, user) waits for a person. */
const PASSING_PAUSES = new Set(['offline', 'signed_out']);

export type RunEnd = 'finished' | 'needs_person' | 'interrupted';

export interface RunOutcome {
  end: RunEnd;
  batches: BatchSummary[];
  exitCode: ExitCode;
}

const isOver = (b: BatchSummary): boolean =>
  b.state === 'completed' || b.state === 'completed_with_failures' || b.state === 'cancelled' || b.state === 'draft';
const waitsForPerson = (b: BatchSummary): boolean => b.state === 'paused' && !PASSING_PAUSES.has(b.pauseReason ?? '');

export function exitCodeOf(end: RunEnd, batches: readonly BatchSummary[]): ExitCode {
  if (end === 'interrupted') return EXIT.interrupted;
  if (end === 'needs_person') return EXIT.needsPerson;
  return batches.some((b) => b.counts.failed > 0) ? EXIT.someFailed : EXIT.done;
}

/** `ids`: the batches to see to the end. `stop` resolves when the run must end early (signal, timeout). */
export async function runToEnd(service: BatchService, ids: readonly string[], stop: Promise<void>): Promise<RunOutcome> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  service.runner.start();
  const read = () => ids.map((id) => service.store.summary(id));
  let end: RunEnd;
  for (;;) {
    const batches = read();
    if (batches.every(isOver)) {
      end = 'finished';
      break;
    }
    if (batches.some(waitsForPerson) && batches.every((b) => isOver(b) || waitsForPerson(b))) {
      end = 'needs_person';
      break;
    }
    if (stopped) {
      end = 'interrupted';
      break;
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS)), stop]);
  }
  // Whatever is in flight is given its grace; anything left unanswered is settled from Altinn's list next run.
  await service.runner.stop();
  const batches = read();
  return { end, batches, exitCode: exitCodeOf(end, batches) };
}
