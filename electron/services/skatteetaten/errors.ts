// Krav og betalinger error bodies: { kode, melding, korrelasjonsid } (krav-og-betalinger.md §6). Branch on
// `kode`, never on the Norwegian text. Requests that never reach the application get non-JSON bodies.
import { ServiceError } from '../../platform/errors';
import type { HttpResponse } from '../../platform/http/http-client';
import { isRetryableStatus } from '../../platform/http/http-client';
import { parseJsonOrUndefined, readIfFits } from '../../platform/http/lenient-json';
import { redactText } from '../../platform/http/redact';
import { errorBodySchema } from './schemas';

const PLAIN_WORDS: Record<string, string> = {
  'KB-001': 'Skatteetaten had an unexpected error. Try again later.',
  'KB-002': "A system behind Skatteetaten's API had an unexpected error. Try again later.",
  'KB-003': 'Skatteetaten does not know this address (a Klientdesk bug).',
  'KB-004': 'Skatteetaten did not accept the access token.',
  'KB-005': 'Skatteetaten did not accept the consent token.',
  'KB-006': 'Skatteetaten rejected the input (organisation number or period; a period may span at most one year).',
  'KB-007': 'There are no claims or payments for this client in the period.',
  'KB-008': 'Skatteetaten cannot answer in the requested format.',
  'KB-009': 'Skatteetaten does not know this organisation number.',
  'DAS-001': 'Skatteetaten had an unexpected error. Try again later.',
  'DAS-002': 'Skatteetaten does not know this address (a Klientdesk bug).',
  'DAS-003': 'Skatteetaten is temporarily unavailable. Try again later.',
  'DAS-008':
    'The system user has no access to this client: the client is not delegated to it, or not with a package Skatteetaten accepts. Add the client under client delegation.',
};

const RETRYABLE_CODES = new Set(['KB-001', 'KB-002', 'DAS-001', 'DAS-003', 'DAS-004', 'DAS-005', 'DAS-006', 'DAS-007']);

export function kravOgBetalingerError(res: HttpResponse): ServiceError {
  const json = parseJsonOrUndefined(res.bodyText);
  const body = readIfFits(errorBodySchema, json);
  // XML arrives only if someone asked for it; read the three fields anyway rather than lose them.
  const fromXml = (tag: string): string | undefined => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(res.bodyText)?.[1];
  const kode = body?.kode ?? fromXml('kode');
  const melding = body?.melding ?? fromXml('melding');
  const korrelasjonsid = body?.korrelasjonsid ?? fromXml('korrelasjonsid');
  const code = kode ?? (res.status === 429 ? 'RATE_LIMITED' : `HTTP_${res.status}`);
  const message =
    (kode && PLAIN_WORDS[kode]) ??
    (res.status === 429 ? 'Skatteetaten is throttling Klientdesk (too many calls at once). Try again shortly.' : undefined) ??
    `Skatteetaten answered HTTP ${res.status}${kode ? ` (${kode})` : ''}.`;
  return new ServiceError({
    service: 'skatteetaten',
    code,
    message,
    status: res.status,
    retryable: (kode !== undefined && RETRYABLE_CODES.has(kode)) || isRetryableStatus(res.status),
    correlationId: res.correlationId,
    korrelasjonsid,
    remoteMessage:
      melding !== undefined
        ? redactText(melding)
        : json === undefined && res.bodyText.trim()
          ? redactText(res.bodyText.trim().slice(0, 300))
          : undefined,
  });
}
