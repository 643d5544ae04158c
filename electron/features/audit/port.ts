// What the audit feature offers the other features: appending to the trail, and the CSV shape its exports share.
export { appendAudit, type AuditRecord } from './log';
export { csvFilename, toCsv, type CsvColumn } from './csv';
