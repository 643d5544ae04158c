// The renderer's one cache of answers from the main process. Every read goes through a query keyed by its
// channel and input; every command that changes something is a mutation that invalidates what it changed, and
// the main process's own events invalidate the rest (see invalidation.ts).
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The main process already retries the services it calls; a second layer here would only hide a code
        // the person should see, and would multiply calls to Altinn.
        retry: false,
        // The local copy changes only through events or our own commands, and both invalidate; focus means nothing.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
