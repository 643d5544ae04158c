// The actor flow's reads and commands that are not a step: the overview (steps, failure cases, clients), the
// world's reset to a preset, and the traffic export. The steps' own results live in the view's store, so a run
// survives leaving the view.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PresetId } from '../../../../shared/contract/actorflow';
import { call } from '../client';
import { queryKeys } from './keys';

export const useFlowOverview = () => useQuery({ queryKey: queryKeys.actorflow.steps, queryFn: () => call('actorflow.steps', {}) });

/** Resets the demo world to a preset; what steps can run changes with it, so the overview is asked again. */
export function useFlowReset(onReset: (preset: PresetId | null) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (preset: PresetId) => call('actorflow.reset', { preset }),
    onSuccess: (answer) => onReset(answer.preset),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.actorflow.steps }),
  });
}

export const useTrafficExport = (onExported: (file: { filename: string; content: string }) => void) =>
  useMutation({ mutationFn: () => call('actorflow.exportTraffic', {}), onSuccess: onExported });
