// Starts a Node process the way a user starts the browser host (`node out/node/host.js …`) and waits for the
// address it prints, so a row can time "launch → ready" from outside, the way start-up is experienced.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Launched {
  child: ChildProcess;
  /** The first http:// address the process printed. */
  url: string;
  /** What the process has written on stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

/** Runs `script` on this Node (the project's Node 22) and resolves when it prints an http:// address. */
export function launchNode(script: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Launched> {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} printed no address within ${READY_TIMEOUT_MS / 1000} s: ${stderr.join('')}`));
    }, READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready: ${stderr.join('')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, url, stop, stderr: () => stderr.join('') });
    });
  });
}

/** Calls one channel of the contract over the host's HTTP API, as the renderer's bridge does. */
export async function invokeOverHttp(base: string, secret: string, channel: string, input: unknown = {}): Promise<unknown> {
  const res = await fetch(new URL(`/api/invoke/${channel}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-klientdesk-secret': secret },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.code}: ${body.error?.message}`);
  return body.value;
}
