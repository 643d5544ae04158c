// Every code the main process can raise has a sentence in bokmål and English: the codes are collected from the
// sources, so a new `new AppError('CODE'` without a text fails here instead of reaching a screen as English.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { BoundaryCodes } from '../../../shared/errors';
import { LocalCodes, ServiceError } from '../../../electron/platform/errors';
import { BatchCodes } from '../../../electron/features/batches/batch-errors';
import { toErrorShape } from '../../../electron/platform/ipc/dispatch';
import { errorTexts } from '../../../renderer/src/i18n/errors';
import { common } from '../../../renderer/src/i18n/common';
import { describeError, describeLineProblem } from '../../../renderer/src/i18n/describe-error';

const ROOT = join(__dirname, '../../..');

function sourcesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ path: relative(ROOT, join(ROOT, dir, f)), text: readFileSync(join(ROOT, dir, f), 'utf8') }));
}

const core = sourcesUnder('electron');
const GROUPS: Record<string, Record<string, string>> = { BatchCodes, LocalCodes, BoundaryCodes };
/** `const IMPORT_FAILED = 'KEY_IMPORT_FAILED'` anywhere in electron/, for call sites that name the code by a constant. */
const constants = new Map(core.flatMap(({ text }) => [...text.matchAll(/const ([A-Z_]+) = '([A-Z_]+)'/g)].map((m) => [m[1]!, m[2]!])));

function resolve(expr: string, where: string): string {
  const literal = /^'([^']+)'$/.exec(expr)?.[1];
  if (literal) return literal;
  const [group, name] = expr.split('.');
  const value = name ? GROUPS[group!]?.[name] : constants.get(expr);
  if (!value) throw new Error(`${where}: cannot tell which code ${expr} is`);
  return value;
}

interface Site {
  code: string;
  reason?: string;
  where: string;
}

/** Each `new AppError(CODE, …)` with the reason it passes, when the reason is written out. */
function appErrorSites(): Site[] {
  return core.flatMap(({ path, text }) =>
    [...text.matchAll(/new AppError\(\s*('[^']+'|[A-Za-z_.]+)/g)].map((m) => {
      const call = text.slice(m.index, text.indexOf(');', m.index));
      const reason = /reason: '([A-Za-z]+)'/.exec(call)?.[1];
      return { code: resolve(m[1]!, path), where: path, ...(reason ? { reason } : {}) };
    }),
  );
}

/** The codes a ServiceError is built with, and which service built it when the call says so. */
function serviceErrorSites(): (Site & { service?: string })[] {
  return core.flatMap(({ path, text }) =>
    [...text.matchAll(/new ServiceError\(\{/g)].flatMap((m) => {
      const call = text.slice(m.index, text.indexOf('})', m.index));
      const code = /code: ('[^']+'|LocalCodes\.[A-Za-z]+)/.exec(call)?.[1];
      const service = /service: '([a-z]+)'/.exec(call)?.[1];
      return code ? [{ code: resolve(code, path), where: path, ...(service ? { service } : {}) }] : [];
    }),
  );
}

/** The service codes the clients know by name (their PLAIN_WORDS maps) and the ones the demo world answers with. */
function knownServiceCodes(): { code: string; service: string; where: string }[] {
  const pattern = /'((?:AUTH|AM|STD)[.-][A-Z0-9.-]+|MP-\d{3}|(?:KB|DAS)-\d{3})'/g;
  const serviceOf = (code: string): string =>
    code.startsWith('MP-') ? 'maskinporten' : /^(KB|DAS)-/.test(code) ? 'skatteetaten' : 'altinn';
  return core
    .filter(({ path }) => /electron\/(services\/(altinn|maskinporten|skatteetaten)\/errors\.ts|demo\/)/.test(path))
    .flatMap(({ path, text }) => [...text.matchAll(pattern)].map((m) => ({ code: m[1]!, service: serviceOf(m[1]!), where: path })));
}

const ts: Record<'nb' | 'en', TFunction> = {} as never;
beforeAll(async () => {
  for (const lng of ['nb', 'en'] as const) {
    const i = i18next.createInstance();
    await i.init({
      lng,
      resources: { [lng]: { errors: errorTexts[lng], common: common[lng] } },
      defaultNS: 'common',
      interpolation: { escapeValue: false },
    });
    ts[lng] = i.t;
  }
});

const generic = (lng: 'nb' | 'en', service?: string): string =>
  service
    ? describeError({ code: 'NO_SUCH_CODE_ANYWHERE', message: '', service }, ts[lng]).text
    : describeError({ code: 'NO_SUCH_CODE_ANYWHERE', message: '' }, ts[lng]).text;

describe('error texts', () => {
  it('find the codes in the sources at all', () => {
    expect(appErrorSites().length).toBeGreaterThan(40);
    expect(serviceErrorSites().length).toBeGreaterThan(10);
    expect(knownServiceCodes().map((c) => c.code)).toEqual(expect.arrayContaining(['AUTH-00080', 'AM.VLD-00006', 'MP-303', 'DAS-008']));
  });

  it('give every AppError code raised in electron/ its own sentence in bokmål and English, variant included', () => {
    const missing: string[] = [];
    for (const site of appErrorSites()) {
      for (const lng of ['nb', 'en'] as const) {
        const params = site.reason ? { reason: site.reason } : {};
        const text = describeError({ code: site.code, message: 'English for developers', params }, ts[lng]).text;
        if (text === generic(lng)) missing.push(`${lng} ${site.code} (${site.where})`);
        const variant = site.reason && errorTexts[lng].app[`${site.code}_${site.reason}` as keyof (typeof errorTexts)['nb']['app']];
        if (site.reason && !variant) missing.push(`${lng} ${site.code}_${site.reason} (${site.where})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('give every ServiceError code and every code a service is known to answer with a sentence of its own', () => {
    const missing: string[] = [];
    const codes = [
      ...serviceErrorSites().map((s) => ({ ...s, service: s.service ?? 'altinn' })),
      ...knownServiceCodes(),
      ...Object.values(LocalCodes).map((code) => ({
        code,
        service: code === LocalCodes.ClockSkew ? 'maskinporten' : 'altinn',
        where: 'LocalCodes',
      })),
    ];
    for (const { code, service, where } of codes) {
      for (const lng of ['nb', 'en'] as const) {
        const text = describeError({ code, message: 'English', service }, ts[lng]).text;
        if (text === generic(lng, service)) missing.push(`${lng} ${service} ${code} (${where})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('have the same keys and the same {{params}} in both languages', () => {
    const flat = (o: object, prefix = ''): Map<string, string> =>
      new Map(
        Object.entries(o).flatMap(([k, v]) =>
          typeof v === 'string' ? [[`${prefix}${k}`, v] as const] : [...flat(v as object, `${prefix}${k}.`)],
        ),
      );
    const nb = flat(errorTexts.nb);
    const en = flat(errorTexts.en);
    expect([...en.keys()].sort()).toEqual([...nb.keys()].sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const [key, text] of nb) expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
  });
});

describe('describeError', () => {
  it('words a service refusal from the service and its code, and never repeats the code in the sentence', () => {
    const shape = toErrorShape(
      new ServiceError({ service: 'altinn', code: 'HTTP_400', status: 400, message: 'Altinn answered HTTP 400.', correlationId: 'corr-1' }),
    );
    const nb = describeError(shape, ts.nb);
    expect(nb.text).toBe('Altinn godtok ikke forespørselen.');
    expect(nb.facts).toMatchObject({ service: 'altinn', serviceCode: 'HTTP_400', status: 400, correlationId: 'corr-1' });
    expect(describeError(shape, ts.en).text).toBe('Altinn did not accept the request.');
  });

  it('prefers the service’s own id (korrelasjonsid) and words Skatteetaten’s codes', () => {
    const shape = toErrorShape(
      new ServiceError({
        service: 'skatteetaten',
        code: 'DAS-008',
        status: 403,
        message: 'x',
        correlationId: 'ours',
        korrelasjonsid: 'theirs',
      }),
    );
    expect(shape.correlationId).toBe('theirs');
    expect(describeError(shape, ts.nb).text).toContain('Systemtilgangen har ikke tilgang til denne klienten');
  });

  it('puts params and worded codes into the sentence', () => {
    const text = describeError({ code: 'BATCH_ILLEGAL_TRANSITION', message: 'x', params: { from: 'running', to: 'draft' } }, ts.nb).text;
    expect(text).toBe('En bunke som er i gang, kan ikke bli et utkast.');
    const env = describeError({ code: 'NO_SIGNING_KEY', message: 'x', params: { environment: 'test' } }, ts.en).text;
    expect(env).toContain('Test (TT02)');
    const variant = describeError({ code: 'KEY_IMPORT_FAILED', message: 'x', params: { reason: 'tooSmall', bits: 2048 } }, ts.nb).text;
    expect(variant).toBe('Maskinporten krever en RSA-nøkkel på minst 2048 biter.');
  });

  it('gives an unknown code a generic sentence in the reader’s language', () => {
    expect(describeError({ code: 'AUTH-99999', message: 'Altinn: something', service: 'altinn' }, ts.nb).text).toBe(
      'Altinn avviste kallet.',
    );
    expect(describeError(new Error('TypeError: x is undefined'), ts.en).text).toBe(
      'Something went wrong inside Klientdesk. The error has been logged.',
    );
  });

  it('reads a service code without its service from the code’s form', () => {
    expect(describeError({ code: 'MP-130', message: 'x' }, ts.en).text).toContain('clock');
  });

  it('words a line problem and falls back for one it does not know', () => {
    expect(describeLineProblem({ problem: 'duplicate-in-file', params: { seen: 3 } }, ts.nb)).toContain('linje 3');
    expect(describeLineProblem({ problem: 'something-new' }, ts.en)).toBe('The line could not be used.');
  });
});
