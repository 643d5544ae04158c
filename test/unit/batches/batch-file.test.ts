import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readBatchFile } from '../../../electron/features/batches/batch-file';
import { itemLineNumbers } from '../../../electron/features/batches/json-item-lines';
import { harness, orgNumbers, SU_A } from './harness';

function exported(count = 3) {
  const h = harness();
  const orgs = orgNumbers(count);
  const batch = h.service.create({
    name: 'Kunder «nord» – høst',
    systemUserId: SU_A,
    systemUserTitle: 'SmartRegnskap – klienter',
    items: orgs.map((orgNumber, i) => ({ orgNumber, operation: i === 0 ? ('remove' as const) : ('add' as const) })),
    submit: false,
  });
  return { h, orgs, batch, file: h.service.exportFile(batch.id) };
}

/** Replaces the text of one line of the file. */
const editLine = (content: string, line: number, edit: (text: string) => string): string =>
  content
    .split('\n')
    .map((l, i) => (i === line - 1 ? edit(l) : l))
    .join('\n');

describe('batch files', () => {
  it('round-trip: a colleague imports exactly the plan that was exported', () => {
    const { orgs, file } = exported();
    expect(file.filename).toMatch(/^klientdesk-kunder-nord-h.*\.json$/);
    expect(JSON.parse(file.content)).toMatchObject({ format: 'klientdesk.batch', version: 1, checksum: expect.stringMatching(/^sha256:/) });

    const colleague = harness();
    const result = colleague.service.importFile(file.content);
    expect(result.errors).toEqual([]);
    const got = colleague.service.get(result.batch!.id, {});
    expect(got.batch).toMatchObject({
      name: 'Kunder «nord» – høst',
      state: 'draft',
      systemUserId: SU_A,
      systemUserTitle: 'SmartRegnskap – klienter',
      environment: 'demo',
    });
    expect(got.items.map((i) => [i.orgNumber, i.operation])).toEqual(orgs.map((o, i) => [o, i === 0 ? 'remove' : 'add']));
    const audit = colleague.db.prepare("SELECT action FROM audit_log WHERE action = 'batch.imported'").all();
    expect(audit).toHaveLength(1);
  });

  it('puts one item on each line, and finds those lines again', () => {
    const { file } = exported(3);
    const lines = file.content.split('\n');
    const found = itemLineNumbers(file.content);
    expect(found).toHaveLength(3);
    for (const line of found) expect(lines[line - 1]).toMatch(/^\s+\{"orgNumber":/);
  });

  it('refuses a file changed after export, and names the checksum line', () => {
    const { file, orgs } = exported();
    const [other] = orgNumbers(1, 33_000_000);
    const tampered = file.content.replace(orgs[1]!, other!);
    const result = harness().service.importFile(tampered);
    expect(result.batch).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('checksum') })]);
    expect(tampered.split('\n')[result.errors[0]!.line - 1]).toContain('"checksum"');
  });

  it('reports wrong separators and broken quotes by line, and imports nothing', () => {
    const { file } = exported();
    const itemLine = itemLineNumbers(file.content)[1]!;
    const colleague = harness();

    const semicolons = editLine(file.content, itemLine, (l) => l.replace(/,"operation"/, ';"operation"'));
    const r1 = colleague.service.importFile(semicolons);
    expect(r1.batch).toBeNull();
    expect(r1.errors).toEqual([expect.objectContaining({ line: itemLine, message: expect.stringContaining('not valid JSON') })]);

    const brokenQuote = editLine(file.content, itemLine, (l) => l.replace('"operation"', 'operation"'));
    const r2 = colleague.service.importFile(brokenQuote);
    expect(r2.errors[0]!.line).toBe(itemLine);

    expect(colleague.service.list()).toEqual([]);
  });

  it('lists every invalid org number and every duplicate with its line, and imports nothing', () => {
    const { file, orgs } = exported(4);
    const lines = itemLineNumbers(file.content);
    let content = editLine(file.content, lines[1]!, (l) => l.replace(orgs[1]!, '123456789'));
    content = editLine(content, lines[2]!, (l) => l.replace(orgs[2]!, orgs[3]!));
    const colleague = harness();
    const result = colleague.service.importFile(content);
    expect(result.batch).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ line: lines[1], message: expect.stringContaining('check digit') }),
      expect.objectContaining({ line: lines[3], message: expect.stringContaining(`line ${lines[2]}`) }),
    ]);
    expect(colleague.service.list()).toEqual([]);
  });

  it('refuses 10 MB of noise in one sentence', () => {
    const noise = randomBytes(5_000_000).toString('hex');
    const result = harness().service.importFile(noise);
    expect(result.batch).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(1);
  });

  it('refuses a file of another kind or version, naming the field', () => {
    const { file } = exported();
    const other = readBatchFile(file.content.replace('"klientdesk.batch"', '"something.else"').replace('"version": 1', '"version": 7'));
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.errors.map((e) => e.message)).toEqual([expect.stringContaining('format'), expect.stringContaining('version')]);
      expect(other.errors.map((e) => e.line)).toEqual([2, 3]);
    }
    expect(readBatchFile('orgnr;operasjon\n313367002;add\n').ok).toBe(false);
  });

  it('accepts the file with a byte-order mark an editor may add', () => {
    const { file } = exported();
    expect(readBatchFile(`\uFEFF${file.content}`).ok).toBe(true);
  });
});
