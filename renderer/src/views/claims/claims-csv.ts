// The claims overview as a CSV for a Norwegian spreadsheet: `;` between fields, a decimal comma, and a BOM so
// Excel reads æøå as UTF-8. Clients without claims get one line saying why, so the file accounts for everyone.
import type { ClientClaims, OpenClaimsResult } from '../../../../shared/contract/claims';
import { formatCsvAmount } from '../../../../shared/domain/money';
import { writeCsv } from '../../../../shared/format/csv';

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
    code: string;
    correlationId: string;
  };
  outcome: Record<ClientClaims['outcome'], string>;
  yes: string;
  no: string;
}

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
    h.code,
    h.correlationId,
  ];
  const rows: string[][] = [];
  for (const client of result.clients) {
    const who = [client.orgNumber, client.name ?? '', labels.outcome[client.outcome]];
    if (client.claims.length === 0) {
      rows.push([...who, '', '', '', '', '', '', '', '', '', '', '', client.error?.code ?? '', client.error?.correlationId ?? '']);
      continue;
    }
    for (const c of client.claims) {
      rows.push([
        ...who,
        c.claimId,
        c.type,
        c.group,
        c.description,
        c.period,
        c.dueDate ?? '',
        formatCsvAmount(c.originalAmount),
        formatCsvAmount(c.remainingAmount),
        c.kid ?? '',
        c.overdue ? labels.yes : labels.no,
        c.deferred ? labels.yes : labels.no,
        '',
        '',
      ]);
    }
  }
  return writeCsv(columns, rows);
}
