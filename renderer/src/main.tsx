// The entry point, kept small: it asks the host for what the first screen shows (the frame's settings and status,
// the client list's first page) and then loads the app, so those answers travel while the browser fetches and
// runs the bulk of the code, instead of after it, one component's first render at a time. The app's code is
// asked for once those questions have gone out: a browser opens only a few connections to one host, and the
// app's dozen files would otherwise take them all and hold the questions back.
import { callsSent } from './api/client';
import { prefetchAppQueries } from './api/query/app';
import { queryClient } from './api/query/app-query-client';
import { prefetchClientRows } from './api/query/clients';
import { useAppStore } from './state/app-store';
import { clientQuery, DEFAULT_SORT } from './views/clients/client-query';

prefetchAppQueries();
if (useAppStore.getState().view === 'clients') void prefetchClientRows(queryClient, clientQuery({}, '', DEFAULT_SORT));
void callsSent().then(() => import('./start'));
