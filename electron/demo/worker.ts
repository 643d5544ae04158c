// The embedded demo world on a thread of its own: building a large firm's directory and answering its HTTP
// calls never holds up the browser host's event loop, which meanwhile serves the page and the first rows.
// The host reaches it over loopback HTTP as it would a standalone world; this thread only starts and stops it.
import { parentPort, workerData } from 'node:worker_threads';
import { startDemoWorld } from './world';
import type { DemoWorldOptions } from './types';

/** What the thread posts: its addresses once started, why it could not start, or that it has stopped. */
export type WorldThreadMessage =
  { kind: 'started'; urls: { admin: string }; adminSecret: string } | { kind: 'failed'; message: string } | { kind: 'closed' };

const port = parentPort;
if (!port) throw new Error('The demo world worker runs only as a worker thread.');

startDemoWorld(workerData as DemoWorldOptions).then(
  (world) => {
    port.postMessage({ kind: 'started', urls: { admin: world.urls.admin }, adminSecret: world.adminSecret } satisfies WorldThreadMessage);
    port.once('message', () => {
      void world.close().finally(() => {
        port.postMessage({ kind: 'closed' } satisfies WorldThreadMessage);
        port.close();
      });
    });
  },
  (error: unknown) => {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorldThreadMessage);
    port.close();
  },
);
