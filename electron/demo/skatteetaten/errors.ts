// K&B error bodies: `{kode, melding, korrelasjonsid}` (krav-og-betalinger.md §6), as XML when asked for.
import { json, text, type Reply } from '../http/reply';
import { toXml } from './xml';

export function kbError(
  status: number,
  kode: string,
  melding: string,
  korrelasjonsid: string,
  xml = false,
  headers: Record<string, string> = {},
): Reply {
  const body = { kode, melding, korrelasjonsid };
  if (xml)
    return {
      ...text(status, toXml('feil', body), 'application/xml; charset=utf-8'),
      headers: { 'content-type': 'application/xml; charset=utf-8', ...headers },
    };
  return json(status, body, headers);
}
