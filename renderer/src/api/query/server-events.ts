// Feeds the main process's events into the query cache: the status event is itself an answer, and every event
// invalidates what the map in invalidation.ts says it made stale. Mounted once, at the app root.
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { EventName, EventPayload } from '../../../../shared/contract';
import { onEventsResumed, subscribe } from '../client';
import { emptyMemory, invalidationsFor } from './invalidation';
import { queryKeys } from './keys';
import { createRefresher } from './refresh';

const EVENTS = ['app.status', 'clients.syncProgress', 'batches.progress'] as const satisfies readonly EventName[];

export function useServerEvents(queryClient: QueryClient): void {
  useEffect(() => {
    let memory = emptyMemory();
    const refresh = createRefresher(queryClient);
    const apply = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
      // The status asked for at start is where the first event is compared from (it may be a switch already).
      const known = queryClient.getQueryData<EventPayload<'app.status'>>(queryKeys.status);
      if (memory.environment === null && known) memory = invalidationsFor('app.status', known, memory).memory;
      if (event === 'app.status') queryClient.setQueryData(queryKeys.status, payload);
      const result = invalidationsFor(event, payload, memory);
      memory = result.memory;
      for (const queryKey of result.keys) refresh(queryKey, result.reset);
    };
    const stops = EVENTS.map((event) => subscribe(event, (payload) => apply(event, payload)));
    // What the lost events would have said is unknown: every answer on screen is asked again.
    stops.push(onEventsResumed(() => refresh([], false)));
    return () => stops.forEach((stop) => stop());
  }, [queryClient]);
}
