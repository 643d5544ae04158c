// Fetches open claims a chunk of clients at a time: the bar moves as answers come in, and Stop takes effect
// between chunks while what has arrived stays on screen. The main process still runs 5 calls at a time.
// The run is a mutation (its pending, error and answer are TanStack Query's); only what has arrived so far, which
// the screen shows before the run ends, is kept beside it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ClientClaims, OpenClaimsResult } from '../../../../shared/contract/claims';
import { call } from '../../api/client';

const CHUNK_SIZE = 25;

export type OpenClaimsState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; result: OpenClaimsResult | null }
  | { kind: 'finished'; result: OpenClaimsResult; stoppedAfter: number | null; total: number }
  | { kind: 'failed'; error: unknown; result: OpenClaimsResult | null };

interface Arrived {
  run: number;
  done: number;
  total: number;
  result: OpenClaimsResult | null;
  /** Set by Stop: the run ends at the next chunk, and what had arrived is the answer. */
  stopped: boolean;
}

export function useOpenClaims(): {
  state: OpenClaimsState;
  fetch(orgNumbers: string[], systemUserId?: string): Promise<void>;
  stop(): void;
} {
  // Each run has a number; a run that is no longer the current one stops at the next chunk.
  const currentRun = useRef(0);
  const [arrived, setArrived] = useState<Arrived | null>(null);
  useEffect(() => () => void currentRun.current++, []);

  const mutation = useMutation({
    mutationFn: async ({ run, orgNumbers, systemUserId }: { run: number; orgNumbers: string[]; systemUserId?: string }) => {
      const total = orgNumbers.length;
      let result: OpenClaimsResult | null = null;
      for (let start = 0; start < total; start += CHUNK_SIZE) {
        const chunk = await call('claims.fetchOpen', {
          orgNumbers: orgNumbers.slice(start, start + CHUNK_SIZE),
          ...(systemUserId ? { systemUserId } : {}),
        });
        if (run !== currentRun.current) return result;
        result = merge(result, chunk);
        const sofar = { run, done: Math.min(start + CHUNK_SIZE, total), total, result, stopped: false };
        setArrived(sofar);
      }
      return result;
    },
  });
  const { mutateAsync, reset } = mutation;

  const fetch = useCallback(
    async (orgNumbers: string[], systemUserId?: string) => {
      const run = ++currentRun.current;
      setArrived({ run, done: 0, total: orgNumbers.length, result: null, stopped: false });
      // The error is shown from the mutation's state; the caller has nothing to do with it.
      await mutateAsync({ run, orgNumbers, systemUserId }).catch(() => undefined);
    },
    [mutateAsync],
  );

  const stop = useCallback(() => {
    currentRun.current++;
    setArrived((a) => (a ? { ...a, stopped: true } : a));
    reset();
  }, [reset]);

  return { state: stateOf(mutation, arrived), fetch, stop };
}

interface RunState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: OpenClaimsResult | null | undefined;
  variables: { run: number } | undefined;
}

function stateOf(mutation: RunState, arrived: Arrived | null): OpenClaimsState {
  if (!arrived) return { kind: 'idle' };
  const { done, total, result, stopped } = arrived;
  if (stopped) return result ? { kind: 'finished', result, stoppedAfter: done, total } : { kind: 'idle' };
  // Until the mutation reports this run, what it says is about the one before.
  if (mutation.isPending || mutation.variables?.run !== arrived.run) return { kind: 'running', done, total, result };
  if (mutation.isError) return { kind: 'failed', error: mutation.error, result };
  if (mutation.data) return { kind: 'finished', result: mutation.data, stoppedAfter: null, total };
  return { kind: 'idle' };
}

function merge(sofar: OpenClaimsResult | null, next: OpenClaimsResult): OpenClaimsResult {
  const clients: ClientClaims[] = sofar ? [...sofar.clients, ...next.clients] : next.clients;
  return { asOf: next.asOf, clients };
}
