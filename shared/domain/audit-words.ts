// The audit log's action and outcome codes in words, shared by the screen (i18next `audit` namespace) and the
// CSV export the main process writes, so both say the same thing.
import type { Language } from './outcomes';

const outcomes = {
  nb: {
    done: 'Utført',
    ok: 'OK',
    failed: 'Feilet',
    skipped: 'Hoppet over',
    unknown: 'Uavklart',
    error: 'Feil',
    client_admin: 'Klientadministrator',
    no_client_admin: 'Ikke klientadministrator',
    draft: 'Utkast',
    queued: 'I kø',
    running: 'Kjører',
    paused: 'Pauset',
    completed: 'Fullført',
    completed_with_failures: 'Fullført med feil',
    cancelled: 'Avbrutt',
  },
  en: {
    done: 'Done',
    ok: 'OK',
    failed: 'Failed',
    skipped: 'Skipped',
    unknown: 'Unknown',
    error: 'Error',
    client_admin: 'Client administrator',
    no_client_admin: 'Not client administrator',
    draft: 'Draft',
    queued: 'Queued',
    running: 'Running',
    paused: 'Paused',
    completed: 'Completed',
    completed_with_failures: 'Completed with failures',
    cancelled: 'Cancelled',
  },
};

const actions = {
  nb: {
    'client.add': 'Legg til klient',
    'client.remove': 'Fjern klient',
    'batch.state': 'Bunke: status',
    'batch.created': 'Bunke opprettet',
    'batch.imported': 'Bunke importert',
    'batch.duplicated': 'Bunke duplisert',
    'batch.proposed': 'Bunke foreslått etter synkronisering',
    'batch.submitted_unattended': 'Forslag sendt uten gjennomgang (regelen tillater det)',
    'batch.deleted': 'Utkast slettet',
    'batch.retry_failed': 'Bunke: prøv feilede igjen',
    sign_in: 'Innlogging',
    sign_out: 'Utlogging',
    'clients.sync': 'Synkronisering av klienter',
    claims_fetch: 'Henting av krav',
    'actorflow.delegate': 'Aktørflyt: delegering',
    'actorflow.reset': 'Aktørflyt: nullstilling',
    'employee.add': 'Ansatt lagt til som agent',
    'employee.remove': 'Ansatt fjernet som agent',
  },
  en: {
    'client.add': 'Add client',
    'client.remove': 'Remove client',
    'batch.state': 'Batch: state',
    'batch.created': 'Batch created',
    'batch.imported': 'Batch imported',
    'batch.duplicated': 'Batch duplicated',
    'batch.proposed': 'Batch proposed after a sync',
    'batch.submitted_unattended': 'Proposal submitted without review (its rule allows it)',
    'batch.deleted': 'Draft deleted',
    'batch.retry_failed': 'Batch: retry failed',
    sign_in: 'Sign-in',
    sign_out: 'Sign-out',
    'clients.sync': 'Client sync',
    claims_fetch: 'Claims fetch',
    'actorflow.delegate': 'Actor flow: delegation',
    'actorflow.reset': 'Actor flow: reset',
    'employee.add': 'Employee added as agent',
    'employee.remove': 'Employee removed as agent',
  },
};

const environments = {
  nb: { demo: 'Demo', test: 'Test', production: 'Produksjon' },
  en: { demo: 'Demo', test: 'Test', production: 'Production' },
};

export const auditOutcomeWords = outcomes;
export const auditActionWords = actions;

/** A code the log holds but this version has no words for stays as the code, so nothing is hidden. */
const lookup = (words: Record<string, string>, code: string | null): string => (code ? (words[code] ?? code) : '');

export const wordAuditAction = (code: string, lang: Language): string => lookup(actions[lang], code);
export const wordAuditOutcome = (code: string | null, lang: Language): string => lookup(outcomes[lang], code);
export const wordEnvironment = (code: string, lang: Language): string => lookup(environments[lang], code);
