// Who is calling an Altinn endpoint, read from the bearer token. Vendor endpoints take a Maskinporten
// token (or one exchanged from it); end-user endpoints take an Altinn token exchanged from ID-porten.
import type { JWTPayload } from 'jose';
import { altinnIssuer, maskinportenIssuer, verifyIssuedToken, type WorldContext } from '../context';
import type { RequestContext } from '../http/router';
import { isRecord } from '../jwt';
import { personByPid, type SeedPerson } from '../seed/people';

export type Caller =
  | { kind: 'organisation'; orgNo: string | null; scopes: string[]; claims: JWTPayload; exchanged: boolean }
  | { kind: 'person'; person: SeedPerson; scopes: string[]; claims: JWTPayload };

const scopesOf = (claims: JWTPayload): string[] => (typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : []);

/** The org number in a `consumer` claim, `{authority, ID: "0192:…"}` (or lower-case `id`). */
export function consumerOrgNo(claims: JWTPayload): string | null {
  const c = claims.consumer;
  if (!isRecord(c)) return null;
  const id = c.ID ?? c.id;
  const m = typeof id === 'string' ? /^0192:(\d{9})$/.exec(id) : null;
  return m ? m[1]! : null;
}

/** null when there is no valid token: the endpoint answers 401 with an empty body. */
export async function identifyCaller(w: WorldContext, ctx: RequestContext): Promise<Caller | null> {
  const token = ctx.bearer();
  if (!token) return null;
  const fromMaskinporten = await verifyIssuedToken(w, token, w.keys.maskinporten, maskinportenIssuer(w));
  if (fromMaskinporten) {
    return {
      kind: 'organisation',
      orgNo: consumerOrgNo(fromMaskinporten),
      scopes: scopesOf(fromMaskinporten),
      claims: fromMaskinporten,
      exchanged: false,
    };
  }
  const altinn = await verifyIssuedToken(w, token, w.keys.altinn, altinnIssuer(w));
  if (!altinn) return null;
  if (typeof altinn.pid === 'string') {
    const person = personByPid(altinn.pid);
    return person ? { kind: 'person', person, scopes: scopesOf(altinn), claims: altinn } : null;
  }
  const orgNo = typeof altinn['urn:altinn:orgNumber'] === 'string' ? altinn['urn:altinn:orgNumber'] : consumerOrgNo(altinn);
  return { kind: 'organisation', orgNo, scopes: scopesOf(altinn), claims: altinn, exchanged: true };
}

export const hasScope = (caller: Caller, ...anyOf: string[]): boolean => anyOf.some((s) => caller.scopes.includes(s));
