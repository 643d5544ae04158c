// The client list as a CSV through the one CSV writer: the screen's words and local time for people, then codes,
// ids and ISO times for whoever processes the file.
import type { Database } from 'better-sqlite3';
import type { ClientQuery, ClientRow } from '../../../shared/contract/clients';
import type { EnvironmentId } from '../../../shared/contract/define';
import { formatOrgNumber } from '../../../shared/domain/orgnr';
import { packageName } from '../../../shared/domain/outcomes';
import type { Relationship } from '../../../shared/domain/packages';
import { formatSheetDateTime } from '../../../shared/format/format';
import { CSV_BOM, writeCsv } from '../../../shared/format/csv';
import { forEachClientPage } from './client-query';
import { readSystemUsers } from './system-users';

export { CSV_BOM };

const RELATIONSHIP_NAMES: Record<'nb' | 'en', Record<Relationship, string>> = {
  nb: { REGN: 'Regnskapsfører', REVI: 'Revisor', FFØR: 'Forretningsfører' },
  en: { REGN: 'Accountant', REVI: 'Auditor', FFØR: 'Business manager' },
};

/** Codes, ids and ISO times under the same names in every language, so a script reads any export. */
export const CLIENT_MACHINE_HEADERS = [
  'org_no',
  'relationship_codes',
  'package_codes',
  'delegated_to_ids',
  'suggested_system_access_id',
  'first_seen_utc',
  'gone_since_utc',
] as const;

/** The reader's words, first in the file. */
const HUMAN_HEADERS = {
  nb: [
    'Navn',
    'Organisasjonsnummer',
    'Organisasjonsform',
    'Relasjon',
    'Tilgangspakker',
    'Delegert til',
    'Foreslått systemtilgang',
    'Mangler (OG-regelen)',
    'Underenhet av',
    'Først sett',
    'Borte siden',
  ],
  en: [
    'Name',
    'Organisation number',
    'Form',
    'Relationship',
    'Access packages',
    'Delegated to',
    'Suggested system access',
    'Missing (AND rule)',
    'Sub-unit of',
    'First seen',
    'Gone since',
  ],
};

export function clientsCsv(
  db: Database,
  environment: EnvironmentId,
  query: ClientQuery,
  options: { language: 'nb' | 'en'; now: Date; timeZone?: string },
): { filename: string; csv: string } {
  const lang = options.language;
  const packages = (codes: readonly string[]): string => codes.map((p) => packageName(p, lang)).join(', ');
  const when = (iso: string | null): string => (iso ? formatSheetDateTime(iso, lang, options.timeZone) : '');
  const titles = new Map(readSystemUsers(db, environment).map((su) => [su.id, su.title]));
  const title = (id: string): string => titles.get(id) ?? id;
  const data: string[][] = [];
  const toCells = (r: ClientRow): string[] => [
    r.name,
    formatOrgNumber(r.orgNumber),
    r.variant,
    r.relationships.map((rel) => RELATIONSHIP_NAMES[lang][rel]).join(', '),
    packages(r.packages),
    r.delegatedTo.map(title).join(', '),
    r.suggestedSystemUserId ? title(r.suggestedSystemUserId) : '',
    r.andRuleGaps.map((g) => `${title(g.systemUserId)}: ${packages(g.missingPackages)}`).join(' | '),
    r.parentOrgNumber ? formatOrgNumber(r.parentOrgNumber) : '',
    when(r.firstSeenAt),
    when(r.goneAt),
    r.orgNumber,
    r.relationships.join(','),
    r.packages.join(','),
    r.delegatedTo.join(','),
    r.suggestedSystemUserId ?? '',
    r.firstSeenAt,
    r.goneAt ?? '',
  ];
  forEachClientPage(db, environment, query, (rows) => {
    for (const r of rows) data.push(toCells(r));
  });
  const csv = writeCsv([...HUMAN_HEADERS[lang], ...CLIENT_MACHINE_HEADERS], data);
  const stem = options.language === 'nb' ? 'klienter' : 'clients';
  return { filename: `${stem}-${environment}-${options.now.toISOString().slice(0, 10)}.csv`, csv };
}
