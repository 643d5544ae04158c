// The client list as a CSV for Norwegian Excel: semicolons, a BOM so Excel reads UTF-8 (æøå), CRLF, and
// formula-looking cells defused, since client names come from outside and a cell like `=HYPERLINK(…)` would run.
import type { Database } from 'better-sqlite3';
import type { ClientQuery, ClientRow } from '../../../shared/contract/clients';
import type { EnvironmentId } from '../../../shared/contract/define';
import { formatOrgNumber } from '../../../shared/domain/orgnr';
import { CSV_BOM, writeCsv } from '../../../shared/format/csv';
import { forEachClientPage } from './client-query';
import { readSystemUsers } from './system-users';

export { CSV_BOM };

const HEADERS = {
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
  options: { language: 'nb' | 'en'; now: Date },
): { filename: string; csv: string } {
  const titles = new Map(readSystemUsers(db, environment).map((su) => [su.id, su.title]));
  const title = (id: string): string => titles.get(id) ?? id;
  const data: string[][] = [];
  const toCells = (r: ClientRow): string[] => [
    r.name,
    formatOrgNumber(r.orgNumber),
    r.variant,
    r.relationships.join(', '),
    r.packages.join(', '),
    r.delegatedTo.map(title).join(', '),
    r.suggestedSystemUserId ? title(r.suggestedSystemUserId) : '',
    r.andRuleGaps.map((g) => `${title(g.systemUserId)}: ${g.missingPackages.join(', ')}`).join(' | '),
    r.parentOrgNumber ? formatOrgNumber(r.parentOrgNumber) : '',
    r.firstSeenAt.slice(0, 10),
    r.goneAt?.slice(0, 10) ?? '',
  ];
  forEachClientPage(db, environment, query, (rows) => {
    for (const r of rows) data.push(toCells(r));
  });
  const csv = writeCsv(HEADERS[options.language], data);
  const stem = options.language === 'nb' ? 'klienter' : 'clients';
  return { filename: `${stem}-${environment}-${options.now.toISOString().slice(0, 10)}.csv`, csv };
}
