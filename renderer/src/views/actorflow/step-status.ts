// One status per step or case, from its last result, for the list's icons and the details' chip.
import type { StepResult } from '../../../../shared/contract/actorflow';

export type StepStatus = 'idle' | 'running' | 'ok' | 'failed' | 'expected' | 'unexpected';

export function statusOf(result: StepResult | undefined, running: boolean): StepStatus {
  if (running) return 'running';
  if (!result) return 'idle';
  if (result.asExpected !== null) return result.asExpected ? 'expected' : 'unexpected';
  return result.ok ? 'ok' : 'failed';
}

export const statusColor = (s: StepStatus): 'default' | 'primary' | 'success' | 'error' | 'warning' =>
  s === 'ok' || s === 'expected' ? 'success' : s === 'failed' || s === 'unexpected' ? 'error' : s === 'running' ? 'primary' : 'default';
