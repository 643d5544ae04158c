// `npm run bench`: every row measured side by side in one run; prints a table, writes JSON and Markdown,
// and refreshes the table in the README.
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useClientListWorker } from '../electron/services/altinn/client-list-parser';
import { rows } from './rows';
import { selects, type RowResult } from './row';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const PRETTIER = 'prettier';

/**
 * The results are checked by `npm run lint` (prettier --check bench), so they are written the way Prettier would
 * write them. Prettier is loaded at run time, not bundled; without it the text is written as it is.
 */
async function pretty(text: string, parser: 'markdown' | 'json'): Promise<string> {
  try {
    const prettier = (await import(/* @vite-ignore */ PRETTIER)) as {
      format(t: string, o: object): Promise<string>;
      resolveConfig(f: string): Promise<object | null>;
    };
    return await prettier.format(text, { ...(await prettier.resolveConfig('bench/results/latest.md')), parser });
  } catch {
    return text;
  }
}

const mark = (r: RowResult): string => (r.target ? (r.target.met ? 'met' : 'NOT MET') : '—');

function markdown(results: RowResult[], machine: string, date: string): string {
  const lines = [
    `Measured ${date} on ${machine}.`,
    '',
    '| Row | Klientdesk | Baseline | Ratio | Target | Met | Reading |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.title} | ${r.subject.label}: ${r.subject.value} ${r.subject.unit} | ${r.baseline.label}: ${r.baseline.value} ${r.baseline.unit} | ${r.ratio} | ${r.target?.text ?? '—'} | ${mark(r)} | ${r.note}${
          r.extra?.length ? `; ${r.extra.map((e) => `${e.label} ${e.value} ${e.unit}`).join(', ')}` : ''
        } |`,
    ),
  ];
  return lines.join('\n');
}

const USAGE = `Usage: npm run bench -- [--help] [row ...]

Measures every row against its baseline in one run, prints the table, writes bench/results/latest.{json,md}
and, when every row ran and none failed, rewrites the table in README.md.

  row      run only the rows whose id (or alias) starts with one of these words, e.g. sync-200k ui
           (rows: ${rows.map((r) => r.id).join(', ')})
  --help   print this and exit
`;

async function main(): Promise<void> {
  // As the browser host and the app do: the client list is read on the worker built beside this bundle.
  useClientListWorker(join(dirname(fileURLToPath(import.meta.url)), 'client-list-worker.js'));
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length) {
    process.stderr.write(`bench: unknown option ${unknown.join(', ')}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const only = args;
  const results: RowResult[] = [];
  const started = performance.now();
  const startLoad = loadavg()[0]!.toFixed(1);
  for (const row of rows.filter((r) => only.length === 0 || only.some((o) => selects(r, o)))) {
    process.stderr.write(`bench: ${row.title}… (${Math.round((performance.now() - started) / 1000)} s in)\n`);
    try {
      const result = await row.run();
      for (const r of Array.isArray(result) ? result : [result]) {
        results.push(r);
        process.stderr.write(`bench:   ${r.title}: ratio ${r.ratio}${r.target ? `, target ${r.target.text}: ${mark(r)}` : ''}\n`);
      }
    } catch (error) {
      console.error(`bench: ${row.title} failed: ${error instanceof Error ? error.stack : String(error)}`);
      process.exitCode = 1;
    }
  }
  // The load average tells a reader how much the machine was shared while the absolute times were taken.
  const load = loadavg().map((l) => l.toFixed(1));
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}; load average at the start ${startLoad}, at the end ${load[0]} (1 min)`;
  const date = new Date().toISOString().slice(0, 10);
  console.table(
    results.map((r) => ({
      row: r.title,
      klientdesk: `${r.subject.value} ${r.subject.unit}`,
      baseline: `${r.baseline.value} ${r.baseline.unit}`,
      ratio: r.ratio,
      target: r.target?.text ?? '—',
      met: mark(r),
    })),
  );
  const missed = results.filter((r) => r.target && !r.target.met);
  console.log(
    `bench: ${results.filter((r) => r.target).length - missed.length} of ${results.filter((r) => r.target).length} targets met in ${Math.round((performance.now() - started) / 1000)} s` +
      (missed.length ? `; not met: ${missed.map((r) => r.title).join('; ')}` : ''),
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', await pretty(JSON.stringify({ date, machine, results }, null, 2) + '\n', 'json'));
  const md = (await pretty(markdown(results, machine, date), 'markdown')).trimEnd();
  writeFileSync('bench/results/latest.md', md + '\n');
  // A partial run (some rows chosen, or a row failed) keeps the README's last complete table.
  if (only.length === 0 && process.exitCode !== 1) {
    const readme = readFileSync('README.md', 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    if (a >= 0 && b > a) writeFileSync('README.md', `${readme.slice(0, a + START.length)}\n\n${md}\n\n${readme.slice(b)}`);
  }
}

void main();
