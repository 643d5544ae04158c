// Starts the embedded demo world in a worker thread (electron/demo/worker.ts, bundled beside host.js) and
// hands back what core needs of any started world: its admin address, its admin secret and a way to stop it.
import { Worker } from 'node:worker_threads';
import type { DemoWorldOptions } from '../demo';
import type { WorldThreadMessage } from '../demo/worker';
import type { StartedWorld } from '../services/world/embedded';

export function startWorldThread(script: URL, options: DemoWorldOptions): Promise<StartedWorld> {
  const worker = new Worker(script, { workerData: options });
  return new Promise((resolve, reject) => {
    const exited = (code: number) => reject(new Error(`The demo world stopped before it started (exit code ${code}).`));
    worker.once('error', reject);
    worker.once('exit', exited);
    worker.once('message', (message: WorldThreadMessage) => {
      worker.off('exit', exited);
      if (message.kind !== 'started') {
        void worker.terminate();
        reject(new Error(message.kind === 'failed' ? message.message : 'The demo world stopped before it started.'));
        return;
      }
      resolve({
        urls: message.urls,
        adminSecret: message.adminSecret,
        close: () => stopWorldThread(worker),
      });
    });
  });
}

/** Asks the world to close (it saves its state file), then lets the thread end. */
function stopWorldThread(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.once('message', () => void worker.terminate());
    worker.postMessage('close');
  });
}
