// The batch CLI's command line, checked before anything is opened.
import { parseArgs } from 'node:util';
import type { EnvironmentId } from '../../../shared/contract/define';

export type BatchCommand = { name: 'submit'; file: string } | { name: 'run' } | { name: 'status'; id: string } | { name: 'list' };

export interface BatchCliArgs {
  help: boolean;
  command: BatchCommand | null;
  environment?: EnvironmentId;
  queuedBy?: string;
  timeoutMs?: number;
}

const ENVIRONMENTS = ['demo', 'test', 'production'];

/** Throws an Error whose message is the usage problem. `--data-dir` and `--world*` are read where they are used. */
export function readBatchArgs(argv: readonly string[]): BatchCliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', default: false },
      environment: { type: 'string' },
      'data-dir': { type: 'string' },
      world: { type: 'string' },
      'world-secret': { type: 'string' },
      'queued-by': { type: 'string' },
      timeout: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return { help: true, command: null };
  if (values.environment !== undefined && !ENVIRONMENTS.includes(values.environment)) {
    throw new Error(`--environment must be demo, test or production (got "${values.environment}")`);
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--timeout must be a number of seconds (got "${values.timeout}")`);
    timeoutMs = seconds * 1000;
  }
  const [name, arg, ...rest] = positionals;
  if (rest.length > 0) throw new Error(`Unexpected arguments: ${rest.join(' ')}`);
  let command: BatchCommand;
  if (name === 'submit' && arg) command = { name, file: arg };
  else if (name === 'status' && arg) command = { name, id: arg };
  else if ((name === 'run' || name === 'list') && !arg) command = { name };
  else if (name === undefined) throw new Error('A command is required: submit FILE, run, status ID or list.');
  else throw new Error(`Unknown or incomplete command "${[name, arg].filter(Boolean).join(' ')}".`);
  const queuedBy = values['queued-by']?.trim();
  return {
    help: false,
    command,
    environment: values.environment as EnvironmentId | undefined,
    ...(queuedBy ? { queuedBy: queuedBy.slice(0, 200) } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}
