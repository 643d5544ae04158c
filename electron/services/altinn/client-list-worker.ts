// The worker thread that reads client-list pages (client-list-page.ts) as their bytes arrive, while the main
// thread goes on writing what came before: a page of 200,000 clients is some 200 MB of JSON, seconds of
// decoding and parsing that would otherwise hold up everything else the app does. Built as its own entry
// beside the app's bundle.
import { parentPort } from 'node:worker_threads';
import { ClientPageReader } from './client-list-page';
import { keptClients } from './kept-clients';
import type { PageReply, PageRequest } from './client-list-parser';

const port = parentPort;
if (!port) throw new Error('client-list-worker runs only as a worker thread');

const pages = new Map<number, ClientPageReader>();

port.on('message', (request: PageRequest) => {
  const post = (reply: PageReply) => port.postMessage(reply);
  try {
    if ('open' in request) {
      pages.set(request.id, new ClientPageReader((batch) => post({ id: request.id, batch: keptClients(batch) })));
      return;
    }
    const page = pages.get(request.id);
    // A page that failed has said so; its later pieces are let go.
    if (!page) return;
    if ('piece' in request) page.write(new Uint8Array(request.piece));
    else {
      pages.delete(request.id);
      post({ id: request.id, outcome: page.finish() });
    }
  } catch (error) {
    pages.delete(request.id);
    post({ id: request.id, failure: error instanceof Error ? error.message : String(error) });
  }
});
