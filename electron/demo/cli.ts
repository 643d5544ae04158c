// `npm run demo-world`: starts the demo world and prints ONE JSON line (DemoWorldInfo plus the admin
// secret) on stdout before anything else. Logs go to stderr; tokens, grants and keys are never printed.
import { parseArgs } from 'node:util';
import { parseFaultArg } from './faults';
import { startDemoWorld } from './index';
import type { FaultSpec, MaskinportenErrorForm, Preset } from './types';

const SECRET_ENV = 'KLIENTDESK_WORLD_SECRET';

const USAGE = `Usage: npm run -s demo-world -- [options]
  --port N              fixed ports N..N+4 (default: free ports chosen by the system)
  --admin-secret S      the admin API's bearer secret, 22+ characters (default: $${SECRET_ENV}, else random)
  --clients N           number of clients of the firm (default 300)
  --seed N              seed for generated clients, ids and faults (default 1)
  --preset NAME         start | ready (default ready)
  --state FILE          keep requests, system users, delegations and JWKs in FILE across restarts
  --latency MS          latency added to every response
  --demo-date D         the date claims are due against (default 2026-11-24)
  --maskinporten-errors real | documented   Maskinporten's error bodies (default real)
  --request-timeout-days N                 days until an unanswered system-user request times out (default 180)
  --fault SPEC          repeatable; JSON or service:key=value,... e.g. skatteetaten:errorRate=0.2,latencyMs=300
  --quiet               no log lines on stderr
  --help                this text`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'admin-secret': { type: 'string' },
      clients: { type: 'string' },
      seed: { type: 'string' },
      preset: { type: 'string' },
      state: { type: 'string' },
      latency: { type: 'string' },
      'demo-date': { type: 'string' },
      'maskinporten-errors': { type: 'string' },
      'request-timeout-days': { type: 'string' },
      fault: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.preset !== undefined && values.preset !== 'start' && values.preset !== 'ready')
    throw new Error('--preset must be start or ready');
  const errorForm = values['maskinporten-errors'];
  if (errorForm !== undefined && errorForm !== 'real' && errorForm !== 'documented')
    throw new Error('--maskinporten-errors must be real or documented');
  const faults: FaultSpec[] = (values.fault ?? []).map(parseFaultArg);
  const adminSecret = values['admin-secret'] ?? (process.env[SECRET_ENV] || undefined);
  const world = await startDemoWorld({
    port: integer('port', values.port) ?? 0,
    ...(adminSecret !== undefined ? { adminSecret } : {}),
    ...(values.clients !== undefined ? { clients: integer('clients', values.clients)! } : {}),
    ...(values.seed !== undefined ? { seed: integer('seed', values.seed)! } : {}),
    ...(values.preset ? { preset: values.preset as Preset } : {}),
    ...(values.state ? { stateFile: values.state } : {}),
    ...(values.latency !== undefined ? { latencyMs: integer('latency', values.latency)! } : {}),
    ...(values['demo-date'] ? { demoDate: values['demo-date'] } : {}),
    ...(errorForm ? { maskinportenErrors: errorForm as MaskinportenErrorForm } : {}),
    ...(values['request-timeout-days'] !== undefined
      ? { requestTimeoutDays: integer('request-timeout-days', values['request-timeout-days'])! }
      : {}),
    ...(faults.length ? { faults } : {}),
    quiet: values.quiet ?? false,
  });
  // The secret belongs to whoever started the world; the first line goes to that process only.
  process.stdout.write(`${JSON.stringify({ ...world.info, adminSecret: world.adminSecret })}\n`);
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    world.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`[demo-world] ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
});
