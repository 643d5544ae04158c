// The batch file one colleague exports and another imports: JSON with a format marker, a version and a
// SHA-256 checksum over everything else, one item per line so problems can be named by line. An import is
// all or nothing: any problem in the file means nothing is imported, and every problem is listed.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BatchItem, BatchSummary, ParseError } from '../../../shared/contract/batches';
import { environmentId, uuid } from '../../../shared/contract/define';
import { isValidOrgNumber, normaliseOrgNumber, orgNumberProblem } from '../../../shared/domain/orgnr';
import type { Operation } from '../../../shared/domain/batch';
import { itemLineNumbers } from './json-item-lines';

export const BATCH_FILE_FORMAT = 'klientdesk.batch';
export const BATCH_FILE_VERSION = 1;
/** Larger than any real plan (100 000 items is about 10 MB) would need; anything bigger is not a batch file. */
export const MAX_BATCH_FILE_CHARS = 12_000_000;
const MAX_ERRORS = 200;

export interface PlannedItem {
  orgNumber: string;
  operation: Operation;
  partyUuid: string | null;
  name: string | null;
}

export interface BatchPlan {
  name: string;
  environment: z.infer<typeof environmentId>;
  systemUserId: string;
  systemUserTitle: string;
  items: PlannedItem[];
}

const headerSchema = z.object({
  format: z.literal(BATCH_FILE_FORMAT, { error: `this is not a Klientdesk batch file (format must be "${BATCH_FILE_FORMAT}")` }),
  version: z.literal(BATCH_FILE_VERSION, { error: `this batch file version is not supported (expected ${BATCH_FILE_VERSION})` }),
  name: z.string().min(1).max(200),
  environment: environmentId,
  systemUserId: uuid,
  systemUserTitle: z.string().max(200).default(''),
  exportedAt: z.string().max(40).optional(),
  exportedBy: z.string().max(200).optional(),
  items: z.array(z.unknown()).max(100_000),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'the checksum is missing or malformed'),
});

const itemSchema = z.strictObject({
  orgNumber: z.string().max(40),
  operation: z.enum(['add', 'remove']),
  partyUuid: uuid.nullable().optional(),
  name: z.string().max(300).nullable().optional(),
});

/** What the checksum covers: the plan itself, not who exported it or when. */
export function checksumOf(plan: BatchPlan): string {
  const canonical = JSON.stringify([
    BATCH_FILE_FORMAT,
    BATCH_FILE_VERSION,
    plan.name,
    plan.environment,
    plan.systemUserId,
    plan.systemUserTitle,
    plan.items.map((i) => [i.orgNumber, i.operation, i.partyUuid, i.name]),
  ]);
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase() || 'batch';

export function batchFileName(batchName: string, at: Date): string {
  return `klientdesk-${slug(batchName)}-${at.toISOString().slice(0, 10)}.json`;
}

export function writeBatchFile(
  batch: Pick<BatchSummary, 'name' | 'environment' | 'systemUserId' | 'systemUserTitle'>,
  items: readonly Pick<BatchItem, 'orgNumber' | 'operation' | 'partyUuid' | 'name'>[],
  exported: { by: string; at: Date },
): { filename: string; content: string } {
  const plan: BatchPlan = {
    name: batch.name,
    environment: environmentId.parse(batch.environment),
    systemUserId: batch.systemUserId,
    systemUserTitle: batch.systemUserTitle,
    items: items.map((i) => ({ orgNumber: i.orgNumber, operation: i.operation, partyUuid: i.partyUuid || null, name: i.name })),
  };
  const field = (key: string, value: unknown): string => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`;
  const lines = [
    '{',
    field('format', BATCH_FILE_FORMAT),
    field('version', BATCH_FILE_VERSION),
    field('name', plan.name),
    field('environment', plan.environment),
    field('systemUserId', plan.systemUserId),
    field('systemUserTitle', plan.systemUserTitle),
    field('exportedAt', exported.at.toISOString()),
    field('exportedBy', exported.by),
    '  "items": [',
    ...(plan.items.length > 0 ? [plan.items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')] : []),
    '  ],',
    `  "checksum": ${JSON.stringify(checksumOf(plan))}`,
    '}',
    '',
  ];
  return { filename: batchFileName(plan.name, exported.at), content: lines.join('\n') };
}

export type ReadResult = { ok: true; plan: BatchPlan } | { ok: false; errors: ParseError[] };

const fail = (errors: ParseError[]): ReadResult => ({ ok: false, errors: errors.slice(0, MAX_ERRORS) });
const excerpt = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

function syntaxErrorLine(message: string): number {
  const m = /\(line (\d+) column \d+\)/.exec(message);
  return m ? Number(m[1]) : 1;
}

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

export function readBatchFile(raw: string): ReadResult {
  if (raw.length > MAX_BATCH_FILE_CHARS) {
    return fail([
      {
        line: 1,
        input: '',
        problem: 'file-too-large',
        params: { mb: Math.round(raw.length / 1e6) },
        message: `The file is too large to be a batch file (${Math.round(raw.length / 1e6)} MB).`,
      },
    ]);
  }
  const text = raw.replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = syntaxErrorLine(message);
    return fail([
      {
        line,
        input: excerpt(lines[line - 1] ?? ''),
        problem: 'not-json',
        message: `This is not valid JSON: ${message.replace(/, ".*" is not valid JSON$/s, '')}.`,
      },
    ]);
  }

  const header = headerSchema.safeParse(parsed);
  if (!header.success) {
    return fail(
      header.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const line = key ? lineOfKey(text, key) : 1;
        return {
          line,
          input: excerpt(lines[line - 1] ?? ''),
          problem: 'bad-field',
          params: { field: key || 'file' },
          message: key ? `${key}: ${issue.message}` : issue.message,
        };
      }),
    );
  }

  const itemLines = itemLineNumbers(text);
  const errors: ParseError[] = [];
  const items: PlannedItem[] = [];
  const firstLineOf = new Map<string, number>();
  header.data.items.forEach((value, index) => {
    const line = itemLines[index] ?? lineOfKey(text, 'items');
    const input = excerpt(lines[line - 1]?.trim() ?? '');
    const item = itemSchema.safeParse(value);
    if (!item.success) {
      const issue = item.error.issues[0]!;
      const field = issue.path.join('.') || 'item';
      errors.push({ line, input, problem: 'bad-field', params: { field }, message: `${field}: ${issue.message}` });
      return;
    }
    const orgNumber = normaliseOrgNumber(item.data.orgNumber);
    if (!isValidOrgNumber(orgNumber)) {
      const problem = orgNumberProblem(orgNumber);
      errors.push({
        line,
        input,
        problem: problem ?? 'invalid-org-number',
        message:
          problem === 'bad-check-digit'
            ? `${orgNumber} is not a valid organisation number (the check digit does not match).`
            : `"${excerpt(item.data.orgNumber)}" is not an organisation number (9 digits).`,
      });
      return;
    }
    const seen = firstLineOf.get(orgNumber);
    if (seen !== undefined) {
      errors.push({
        line,
        input,
        problem: 'duplicate-in-file',
        params: { orgNumber, seen },
        message: `${orgNumber} is already in the file on line ${seen}; a client can be in a batch only once.`,
      });
      return;
    }
    firstLineOf.set(orgNumber, line);
    items.push({ orgNumber, operation: item.data.operation, partyUuid: item.data.partyUuid ?? null, name: item.data.name ?? null });
  });
  if (errors.length > 0) return fail(errors);

  const { name, environment, systemUserId, systemUserTitle, checksum } = header.data;
  const plan: BatchPlan = { name, environment, systemUserId, systemUserTitle, items };
  if (checksumOf(plan) !== checksum) {
    const line = lineOfKey(text, 'checksum');
    return fail([
      {
        line,
        input: excerpt(lines[line - 1]?.trim() ?? ''),
        problem: 'checksum',
        message: 'The file was changed after it was exported (the checksum does not match). Export it again from Klientdesk.',
      },
    ]);
  }
  return { ok: true, plan };
}
