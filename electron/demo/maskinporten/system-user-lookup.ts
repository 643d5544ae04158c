// Maskinporten asks Altinn for the system user over HTTP (byExternalId), with a token it issues itself
// for the reserved scope `altinn:maskinporten/systemuser.read`.
import { randomUUID } from 'node:crypto';
import { maskinportenIssuer, type WorldContext } from '../context';
import { hop } from '../http/hop';
import { isRecord, signJwt } from '../jwt';
import { SCOPES } from '../seed/identifiers';
import { DIGDIR_ORG_NO, MASKINPORTEN_INTERNAL_CLIENT_ID } from './clients';

export interface SystemUserRecord {
  id: string;
  systemId: string;
  externalRef: string;
}

export type LookupResult = { kind: 'found'; systemUser: SystemUserRecord } | { kind: 'miss' } | { kind: 'unavailable' };

export async function lookupSystemUser(
  w: WorldContext,
  q: { clientId: string; vendorOrgNo: string; ownerOrgNo: string; externalRef: string },
  correlationId: string,
): Promise<LookupResult> {
  const now = w.clock.nowSeconds();
  const token = await signJwt(w.keys.maskinporten, {
    iss: maskinportenIssuer(w),
    client_amr: 'private_key_jwt',
    token_type: 'Bearer',
    client_id: MASKINPORTEN_INTERNAL_CLIENT_ID,
    consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${DIGDIR_ORG_NO}` },
    scope: SCOPES.maskinportenSystemUserRead,
    iat: now,
    exp: now + 60,
    jti: randomUUID(),
  });
  const params = new URLSearchParams({
    clientId: q.clientId,
    systemProviderOrgNo: q.vendorOrgNo,
    systemUserOwnerOrgNo: q.ownerOrgNo,
    externalRef: q.externalRef,
  });
  try {
    const res = await hop(`${w.urls.altinn}/authentication/api/v1/systemuser/byExternalId?${params}`, {
      headers: { authorization: `Bearer ${token}` },
      correlationId,
      caller: 'maskinporten',
    });
    if (res.status === 404 || res.status === 400) return { kind: 'miss' };
    if (res.status !== 200) return { kind: 'unavailable' };
    const body: unknown = JSON.parse(res.text);
    if (!isRecord(body) || typeof body.id !== 'string' || typeof body.systemId !== 'string') return { kind: 'unavailable' };
    return { kind: 'found', systemUser: { id: body.id, systemId: body.systemId, externalRef: String(body.externalRef ?? q.externalRef) } };
  } catch {
    return { kind: 'unavailable' };
  }
}
