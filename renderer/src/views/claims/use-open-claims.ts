// Fetches open claims a chunk of clients at a time: the bar moves as answers come in, and Stop takes effect
// between chunks while what has arrived stays on screen. The main process still runs 5 calls at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientClaims, OpenClaimsResult } from '../../../../shared/contract/claims';
import { call } from '../../api/client';

const CHUNK_SIZE = 25;

export type OpenClaimsState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; result: OpenClaimsResult | null }
  | { kind: 'finished'; result: OpenClaimsResult; stoppedAfter: number | null; total: number }
  | { kind: 'failed'; error: unknown; result: OpenClaimsResult | null };

export function useOpenClaims(): {
  state: OpenClaimsState;
  fetch(orgNumbers: string[], systemUserId?: string): Promise<void>;
  stop(): void;
} {
  const [state, setState] = useState<OpenClaimsState>({ kind: 'idle' });
  // Each run has a number; a run that is no longer the current one stops at the next chunk.
  const currentRun = useRef(0);
  const latest = useRef<{ result: OpenClaimsResult | null; done: number; total: number }>({ result: null, done: 0, total: 0 });

  useEffect(() => () => void currentRun.current++, []);

  const fetch = useCallback(async (orgNumbers: string[], systemUserId?: string) => {
    const run = ++currentRun.current;
    const total = orgNumbers.length;
    let result: OpenClaimsResult | null = null;
    latest.current = { result, done: 0, total };
    setState({ kind: 'running', done: 0, total, result });
    for (let start = 0; start < total; start += CHUNK_SIZE) {
      let chunk: OpenClaimsResult;
      try {
        chunk = await call('claims.fetchOpen', {
          orgNumbers: orgNumbers.slice(start, start + CHUNK_SIZE),
          ...(systemUserId ? { systemUserId } : {}),
        });
      } catch (error) {
        if (run === currentRun.current) setState({ kind: 'failed', error, result });
        return;
      }
      if (run !== currentRun.current) return;
      result = merge(result, chunk);
      const done = Math.min(start + CHUNK_SIZE, total);
      latest.current = { result, done, total };
      setState({ kind: 'running', done, total, result });
    }
    if (result) setState({ kind: 'finished', result, stoppedAfter: null, total });
  }, []);

  const stop = useCallback(() => {
    currentRun.current++;
    const { result, done, total } = latest.current;
    setState(result ? { kind: 'finished', result, stoppedAfter: done, total } : { kind: 'idle' });
  }, []);

  return { state, fetch, stop };
}

function merge(sofar: OpenClaimsResult | null, next: OpenClaimsResult): OpenClaimsResult {
  const clients: ClientClaims[] = sofar ? [...sofar.clients, ...next.clients] : next.clients;
  return { asOf: next.asOf, clients };
}
