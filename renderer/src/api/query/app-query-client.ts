// The app's one QueryClient. A module, not only a provider, because a few non-React places (the session-change
// signal, the vault lock) read the cache too.
import { createQueryClient } from './query-client';

export const queryClient = createQueryClient();
