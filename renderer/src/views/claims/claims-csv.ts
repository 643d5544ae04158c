// The claims overview as a CSV for a Norwegian spreadsheet: `;` between fields, a decimal comma, and a BOM so
// Excel reads æøå as UTF-8. Clients without claims get one line saying why, so the file accounts for everyone.
import type { ClientClaims, OpenClaimsResult } from '../../../../shared/contract/claims';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { writeCsv } from '../../../../shared/format/csv';
import { formatDate, formatSheetAmount, type Language } from '../../../../shared/format/format';

export interface CsvLabels {
  headers: {
    orgNumber: string;
    client: string;
    status: string;
    claimId: string;
    type: string;
    group: string;
    description: string;
    period: string;
    dueDate: string;
    originalAmount: string;
    remainingAmount: string;
    kid: string;
    overdue: string;
    deferred: string;
  };
  outcome: Record<ClientClaims['outcome'], string>;
  /** Claim type codes in words; a code without words is written as the code. */
  claimTypes: Record<string, string>;
  yes: string;
  no: string;
  language: Language;
}

/** Codes, ids and ISO dates under the same names in every language, so a script reads any export. */
export const CLAIMS_MACHINE_HEADERS = ['org_no', 'status_code', 'claim_type_code', 'due_date_iso', 'error_code', 'correlation_id'] as const;

// Human columns first, in the screen's words and date format; then the stable machine columns.
export function claimsToCsv(result: OpenClaimsResult, labels: CsvLabels): string {
  const h = labels.headers;
  const columns = [
    h.orgNumber,
    h.client,
    h.status,
    h.claimId,
    h.type,
    h.group,
    h.description,
    h.period,
    h.dueDate,
    h.originalAmount,
    h.remainingAmount,
    h.kid,
    h.overdue,
    h.deferred,
    ...CLAIMS_MACHINE_HEADERS,
  ];
  const rows: string[][] = [];
  for (const client of result.clients) {
    const who = [formatOrgNumber(client.orgNumber), client.name ?? '', labels.outcome[client.outcome]];
    const whoCodes = [client.orgNumber, client.outcome];
    if (client.claims.length === 0) {
      const empty = Array<string>(11).fill('');
      rows.push([...who, ...empty, ...whoCodes, '', '', client.error?.code ?? '', client.error?.correlationId ?? '']);
      continue;
    }
    for (const c of client.claims) {
      rows.push([
        ...who,
        c.claimId,
        labels.claimTypes[c.type] ?? c.type,
        c.group,
        c.description,
        c.period,
        c.dueDate ? formatDate(c.dueDate, labels.language) : '',
        formatSheetAmount(c.originalAmount),
        formatSheetAmount(c.remainingAmount),
        c.kid ?? '',
        c.overdue ? labels.yes : labels.no,
        c.deferred ? labels.yes : labels.no,
        ...whoCodes,
        c.type,
        c.dueDate ?? '',
        '',
        '',
      ]);
    }
  }
  return writeCsv(columns, rows);
}
