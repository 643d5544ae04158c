// A demo world in a process of its own (the bundled `npm run demo-world` CLI on the project's Node), for tests
// that must reach it only the way the app does: over HTTP, with the admin secret it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { buildNodeEntry } from '../batches/build-node-entry';

export interface WorldProcess {
  info: {
    urls: { maskinporten: string; idporten: string; altinn: string; skatteetaten: string; admin: string };
    maskinporten: { issuer: string };
    vendor: { orgNo: string; systemId: string; maskinportenClientId: string };
    firm: { orgNo: string; name: string };
    idporten: { clientId: string };
    systemUsers: { suA: { id: string } };
    persons: { key: string; pid: string }[];
    clientCount: number;
  };
  adminSecret: string;
  /** Calls the admin API with the secret. */
  admin(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

let bundle: Promise<string> | undefined;

export async function startWorldProcess(args: string[] = []): Promise<WorldProcess> {
  bundle ??= buildNodeEntry('electron/demo/cli.ts', 'core-world');
  const script = await bundle;
  const child: ChildProcess = spawn(process.execPath, [script, '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the world exited with ${code}: ${stderr}`)));
  });
  const printed = JSON.parse(first) as WorldProcess['info'] & { adminSecret: string };
  const adminUrl = printed.urls.admin.replace(/\/+$/, '');
  return {
    info: printed,
    adminSecret: printed.adminSecret,
    async admin(method, path, body) {
      const res = await fetch(`${adminUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${printed.adminSecret}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
