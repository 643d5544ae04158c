// After a whole working session (sign-in, sync, claims, a new key, the actor flow from the start preset with its
// failure cases, and every export), no private key or token may be found in the database, the WAL, the key file,
// any exported or returned text, the console, or any error message (CONTRIBUTING.md: "Secrets stay in main").
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAILURE_IDS, STEP_IDS } from '../../../shared/contract/actorflow';
import type { ChannelInput, ChannelName } from '../../../shared/contract';
import { DB_FILE_NAME } from '../../../electron/platform/store/database';
import { startTestCore, type TestCore } from '../../helpers/core';
import { scanBytes, scanText, type SecretFinding } from '../../helpers/secret-scan';

const MORTEN = '14857110014';
/** rsaEncryption's OID as DER: present in any unencrypted PKCS#8 or SPKI RSA key. */
const RSA_OID = Buffer.from('06092a864886f70d010101', 'hex');

interface Seen {
  /** Every answer of every channel, as JSON: what the renderer could show or save. */
  answers: string[];
  /** Every error message and its details. */
  errors: string[];
  /** Everything written to the console or to stdout/stderr while the session ran. */
  console: string[];
}

describe('no secret at rest or in sight after a full session', () => {
  let t: TestCore;
  const seen: Seen = { answers: [], errors: [], console: [] };
  const knownSecrets: string[] = [];
  let dbWhileOpen: Buffer;
  let walWhileOpen: Buffer;
  let rowsWhileOpen: string;
  const exported: Record<string, string> = {};

  async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<unknown> {
    const r = await t.dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
    seen.answers.push(JSON.stringify(r));
    if (!r.ok) {
      seen.errors.push(`${channel}: ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
      return undefined;
    }
    // Failures inside an answer (a claims row, an actor-flow step) are error messages too.
    seen.errors.push(...nestedErrors(r.value).map((e) => `${channel}: ${e}`));
    return r.value;
  }

  beforeAll(async () => {
    const capture =
      (name: string) =>
      (...args: unknown[]): void => {
        seen.console.push(
          `${name}: ${args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`,
        );
      };
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation(capture(level));
    const realOut = process.stdout.write.bind(process.stdout);
    const realErr = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      seen.console.push(String(chunk));
      return realOut(chunk, ...(rest as []));
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      seen.console.push(String(chunk));
      return realErr(chunk, ...(rest as []));
    });

    t = await startTestCore();
    await call('session.signIn', { pid: MORTEN });
    await call('clients.sync', {});
    const systemUsers = ((await call('systemUsers.list', {})) ?? []) as { id: string }[];
    for (const su of systemUsers) {
      const delegated = (await call('clients.matchingOrgNumbers', { query: { systemUserId: su.id, delegated: 'yes' } })) as string[];
      if (delegated.length > 0) await call('claims.fetchOpen', { orgNumbers: delegated, systemUserId: su.id });
    }

    // The live tokens of this session, to look for by value as well as by shape.
    const services = t.core.runtime.services();
    knownSecrets.push(services.session.token());
    const { settings } = services.config;
    const token = await services.maskinporten.systemUserToken({ orgNumber: settings.firmOrgNumber, externalRef: settings.externalRef }, [
      settings.scopes.kravOgBetalinger,
    ]);
    knownSecrets.push(token.accessToken);

    // Error paths: a failing Skatteetaten and a failing Maskinporten must not quote what was sent.
    const world = t.world!;
    world.admin.setFaults([{ service: 'skatteetaten', errorRate: 1, errorStatuses: [500] }]);
    await call('claims.fetchOpen', { orgNumbers: ['313367002'] });
    world.admin.clearFaults();

    await call('keys.generate', {});
    // An imported PEM is a secret the test knows: its first line of key material must never be seen again.
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    knownSecrets.push(pem.split('\n')[1]!);
    await call('keys.import', { material: pem });
    // A damaged key must be refused without quoting it back.
    await call('keys.import', { material: pem.slice(0, 400) });
    await call('keys.list', {});

    await call('actorflow.reset', { preset: 'start' });
    for (const stepId of STEP_IDS) await call('actorflow.run', { stepId });
    for (const caseId of FAILURE_IDS) await call('actorflow.failure', { caseId });

    const har = (await call('actorflow.exportTraffic', {})) as { content: string } | undefined;
    exported.har = har?.content ?? '';
    exported.audit = ((await call('audit.exportCsv', { filter: {} })) as { csv: string } | undefined)?.csv ?? '';
    exported.clients = ((await call('clients.exportCsv', { query: {} })) as { csv: string } | undefined)?.csv ?? '';
    const batch = (await call('batches.create', {
      name: 'secrets check',
      systemUserId: world.info.systemUsers.suA.id,
      items: [{ orgNumber: '313367002', operation: 'add' }],
      submit: false,
    })) as { id: string } | undefined;
    if (batch) {
      exported.batchFile = ((await call('batches.exportFile', { id: batch.id })) as { content: string } | undefined)?.content ?? '';
      exported.batchReport = ((await call('batches.reportCsv', { id: batch.id })) as { csv: string } | undefined)?.csv ?? '';
    }
    seen.errors.push(...t.internalErrors.map((e) => (e instanceof Error ? `${e.message} ${e.stack}` : String(e))));

    const dbFile = join(t.dataDir, DB_FILE_NAME);
    dbWhileOpen = readFileSync(dbFile);
    walWhileOpen = readFileSync(`${dbFile}-wal`);
    rowsWhileOpen = everyRow(t);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    vi.restoreAllMocks();
  });

  const assertClean = (findings: SecretFinding[]): void => {
    expect(findings.map((f) => `${f.source}: ${f.kind} near "${f.excerpt}"`)).toEqual([]);
  };

  it('ran the session it claims to check', () => {
    expect(knownSecrets).toHaveLength(3);
    for (const s of knownSecrets.slice(0, 2)) expect(s).toMatch(/^eyJ/);
    // The scan below would find these if they were written anywhere: prove that on a copy of what is scanned.
    expect(scanText('probe', `${exported.har} ${knownSecrets[0]}`, knownSecrets).length).toBeGreaterThan(0);
    expect(exported.har).toContain('"entries"');
    expect(exported.audit!.split('\n').length).toBeGreaterThan(5);
    expect(exported.clients!.split('\n').length).toBeGreaterThan(100);
    expect(exported.batchFile).toContain('313367002');
    // Skatteetaten's 500, the damaged key and the actor flow's failure cases all produced messages.
    expect(seen.errors.some((e) => e.startsWith('keys.import'))).toBe(true);
    expect(seen.errors.some((e) => e.startsWith('claims.fetchOpen'))).toBe(true);
    expect(seen.errors.filter((e) => e.startsWith('actorflow.failure')).length).toBeGreaterThanOrEqual(FAILURE_IDS.length);
    expect(walWhileOpen.length).toBeGreaterThan(0);
  });

  it('keeps the database and its WAL free of tokens and keys, byte by byte and row by row', () => {
    assertClean([
      ...scanBytes('database file', dbWhileOpen, knownSecrets),
      ...scanBytes('WAL', walWhileOpen, knownSecrets),
      ...scanText('database rows', rowsWhileOpen, knownSecrets),
    ]);
  });

  it('keeps the key file sealed: no PEM, no private JWK member, no unencrypted key', () => {
    const text = readFileSync(join(t.dataDir, 'keys.json'), 'utf8');
    assertClean(scanText('key file', text, knownSecrets));
    expect(text).not.toMatch(/"d"\s*:/);
    const file = JSON.parse(text) as { keys: { sealedPrivateKey: string }[] };
    expect(file.keys.length).toBeGreaterThanOrEqual(3);
    for (const key of file.keys) {
      const sealed = Buffer.from(key.sealedPrivateKey, 'base64');
      expect(sealed.subarray(0, 4).toString()).toBe('KDP1');
      expect(sealed.includes(RSA_OID)).toBe(false);
    }
  });

  it('keeps every exported file and every answer free of secrets', () => {
    assertClean([
      ...Object.entries(exported).flatMap(([name, text]) => scanText(`export ${name}`, text, knownSecrets)),
      ...seen.answers.flatMap((a) => scanText('channel answer', a, knownSecrets)),
    ]);
  });

  it('keeps the console and every error message free of secrets', () => {
    assertClean([
      ...seen.console.flatMap((c) => scanText('console', c, knownSecrets)),
      ...seen.errors.flatMap((e) => scanText('error message', e, knownSecrets)),
    ]);
  });

  it('keeps every other file in the data folder free of the app’s secrets', () => {
    // demo-world.json is the simulators' own state (their signing keys included): it stands in for Maskinporten
    // and Altinn, which hold those keys in real life, and is never written outside the Demo environment.
    const others = readdirSync(t.dataDir).filter((f) => !f.startsWith(DB_FILE_NAME) && f !== 'keys.json' && f !== 'demo-world.json');
    assertClean(others.flatMap((f) => scanBytes(f, readFileSync(join(t.dataDir, f)), knownSecrets)));
  });
});

/** Every text value of every table, so a token split across SQLite overflow pages is still seen whole. */
function everyRow(t: TestCore): string {
  const tables = t.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.map((name) => JSON.stringify(t.core.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

/** The messages of every `error: { message }` inside an answer. */
function nestedErrors(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(nestedErrors);
  if (value === null || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  const own = obj.error && typeof obj.error === 'object' ? [JSON.stringify(obj.error)] : [];
  return [...own, ...Object.values(obj).flatMap(nestedErrors)];
}
