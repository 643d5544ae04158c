// `npm run flow`: the operational phase against the embedded demo world (default) or a configured
// environment, printed step by step; `--json` prints only one JSON object on stdout.
//
//   npm run flow
//   npm run -s flow -- --json
//   npm run -s flow -- --json --world http://127.0.0.1:7404   (a standalone world; secret from --world-secret
//     or KLIENTDESK_WORLD_SECRET)
//   npm run flow -- --env test --settings ./test-env.json --vault ./keys.json --clients 313367002,311851381 --undelegated 310478717
//     (the vault passphrase comes from KLIENTDESK_KEY_PASSPHRASE or KLIENTDESK_KEY_PASSPHRASE_FILE, as for the
//     app; the older KLIENTDESK_VAULT_PASSPHRASE still works)
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildEnvironment, settingsProblems, type EnvironmentId, type EnvironmentSettings } from '../../platform/environments';
import { demoFlowOptions } from './demo-flow-options';
import { KeyVault } from '../../platform/keys/key-vault';
import { givenPassphrase } from '../../platform/keys/fallback-protector';
import { passphraseProtector } from '../../platform/keys/protector';
import { FlowStepError, runOperationalFlow, type FlowOptions, type FlowReport, type FlowStep } from './operational-flow';
import type { WorldProvider } from '../../services/world/connection';
import { standaloneWorld, worldConnectionFromArgs } from '../../services/world/connection';
import { ConnectedWorld } from '../../services/world/connected-world';

export interface FlowCliDeps {
  /** Starts a world in this process for `--env demo` without `--world` (the entry point supplies it). */
  embeddedWorld?: WorldProvider;
}

const USAGE = `Usage: npm run -s flow -- [options]

Runs the operational phase: signs a Maskinporten grant as the vendor, gets a system-user token, calls Krav og
betalinger for delegated clients, and shows the refusal for one that is not delegated.

Options:
  --json                   print one JSON object on stdout instead of the steps
  --env demo|test|production   the environment (default: demo, on an embedded demo world)
  --world URL              Demo on a standalone world (\`npm run demo-world\`) at this admin address
  --world-secret SECRET    that world's admin secret (default: KLIENTDESK_WORLD_SECRET)
  --settings FILE          Test/Production: a JSON file with the environment's settings
  --vault FILE             Test/Production: the keys.json holding the key uploaded to Maskinporten
  --clients A,B            Test/Production: delegated client org numbers to call for
  --undelegated C          Test/Production: a client org number that is not delegated
  --external-ref REF       the agent system user's externalRef, when it was created with one
  --help                   print this and exit

The vault's passphrase comes from KLIENTDESK_KEY_PASSPHRASE or KLIENTDESK_KEY_PASSPHRASE_FILE.`;

interface CliArgs {
  help: boolean;
  json: boolean;
  env: EnvironmentId;
  settings?: string;
  vault?: string;
  clients?: string;
  undelegated?: string;
  externalRef?: string;
}

function readArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      env: { type: 'string', default: 'demo' },
      settings: { type: 'string' },
      vault: { type: 'string' },
      clients: { type: 'string' },
      undelegated: { type: 'string' },
      'external-ref': { type: 'string' },
      world: { type: 'string' },
      'world-secret': { type: 'string' },
    },
    strict: true,
  });
  if (!['demo', 'test', 'production'].includes(values.env!))
    throw new Error(`--env must be demo, test or production (got "${values.env}")`);
  return {
    help: values.help!,
    json: values.json!,
    env: values.env as EnvironmentId,
    settings: values.settings,
    vault: values.vault,
    clients: values.clients,
    undelegated: values.undelegated,
    externalRef: values['external-ref'],
  };
}

/** Runs the CLI and returns the exit code. */
export async function runFlowCli(argv: readonly string[], deps: FlowCliDeps = {}): Promise<number> {
  let args: CliArgs;
  try {
    args = readArgs([...argv]);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const say = (line: string): void => {
    if (!args.json) process.stdout.write(`${line}\n`);
  };
  const onStep = (s: FlowStep): void => say(`${s.ok ? '✔' : '✘'} ${s.name}: ${s.detail}`);

  const cleanups: (() => Promise<void>)[] = [];
  try {
    let options: Omit<FlowOptions, 'vault'> & { vault?: KeyVault };
    const standalone = worldConnectionFromArgs(argv, process.env);
    const provider = standalone ? standaloneWorld(standalone) : args.env === 'demo' ? deps.embeddedWorld : undefined;
    if (provider) {
      const lease = await provider.acquire();
      cleanups.push(() => lease.release());
      const world = await ConnectedWorld.connect(lease.connection);
      say(`Demo world: Maskinporten ${world.urls.maskinporten}, Skatteetaten ${world.urls.skatteetaten}`);
      options = demoFlowOptions(world, { externalRef: args.externalRef });
    } else if (args.env === 'demo') {
      throw new Error('No demo world: pass --world <admin address> for a standalone one.');
    } else {
      options = await configuredFlowOptions(args);
    }

    let vault = options.vault;
    if (!vault) {
      const dir = await mkdtemp(join(tmpdir(), 'klientdesk-flow-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      vault = await KeyVault.open({ file: join(dir, 'keys.json'), protector: passphraseProtector(randomBytes(24).toString('base64url')) });
    }
    const report = await runOperationalFlow({ ...options, vault, onStep });
    if (args.json) process.stdout.write(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
    else printSummary(report, say);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (args.json) {
      const step = e instanceof FlowStepError ? e.step : undefined;
      process.stdout.write(`${JSON.stringify({ ok: false, error: { step, message } })}\n`);
    }
    process.stderr.write(`flow failed: ${message}\n`);
    return 1;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

async function configuredFlowOptions(args: CliArgs): Promise<Omit<FlowOptions, 'vault'> & { vault?: KeyVault }> {
  if (!args.settings) throw new Error(`--settings <file.json> is required for --env ${args.env}`);
  const settings = JSON.parse(await readFile(args.settings, 'utf8')) as Partial<EnvironmentSettings>;
  if (args.externalRef) settings.externalRef = args.externalRef;
  const config = buildEnvironment(args.env, settings);
  const problems = settingsProblems(config.settings);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join(' '));
  let vault: KeyVault | undefined;
  if (args.vault) {
    const passphrase = givenPassphrase(process.env) ?? process.env.KLIENTDESK_VAULT_PASSPHRASE;
    if (!passphrase) throw new Error('Set KLIENTDESK_KEY_PASSPHRASE (or KLIENTDESK_KEY_PASSPHRASE_FILE) to open the key vault.');
    vault = await KeyVault.open({ file: args.vault, protector: passphraseProtector(passphrase) });
  } else {
    throw new Error(`--vault <keys.json> is required for --env ${args.env}: the key must be the one uploaded to Maskinporten`);
  }
  return {
    config,
    vault,
    delegatedClients: (args.clients ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    undelegatedClient: args.undelegated,
  };
}

/** The --json shape: no access token, ever; the grant is a one-time credential that has already been used. */
export function jsonReport(report: FlowReport): Record<string, unknown> {
  return {
    ok: true,
    environment: report.environment,
    grant: report.grant,
    publicJwk: report.publicJwk,
    grantVerified: report.grantVerified,
    tokenResponse: report.tokenResponse,
    tokenClaims: report.tokenClaims,
    tokenRequests: report.tokenRequests,
    clients: report.clients,
    authorization: report.authorization,
    steps: report.steps,
  };
}

function printSummary(report: FlowReport, say: (line: string) => void): void {
  say('');
  say(`Token requests: ${report.tokenRequests}`);
  for (const c of report.clients) {
    say(
      c.ok && c.openClaims
        ? `  ${c.orgNumber}  ${c.openClaims.withheld ? 'data withheld' : `${c.openClaims.claims} open claims, balance ${c.openClaims.balance.toFixed(2)} NOK (overdue ${c.openClaims.overdue.toFixed(2)})`}`
        : `  ${c.orgNumber}  ${c.code}: ${c.message}`,
    );
  }
  const a = report.authorization;
  if (a) {
    say(
      `Not delegated: ${a.orgNumber} → HTTP ${a.kravOgBetalinger.status} ${a.kravOgBetalinger.code} (korrelasjonsid ${a.kravOgBetalinger.korrelasjonsid ?? '–'})`,
    );
    if (a.pdp) say(`  PDP decision: ${'decision' in a.pdp ? a.pdp.decision : `unavailable (${a.pdp.error})`}`);
  }
}
