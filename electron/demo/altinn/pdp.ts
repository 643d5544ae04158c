// Altinn's PDP for service owners (altinn.md §12): XACML JSON in, a decision out. Needs an APIM
// subscription key and an exchanged token with `altinn:authorization/authorize`.
import { packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { isRecord } from '../jwt';
import { APIM_SUBSCRIPTION_KEY, POLICY_PACKAGES, RESOURCE_ID, SCOPES } from '../seed/identifiers';
import { hasScope, identifyCaller } from './auth';
import { field } from './body';
import { forbidden, unauthorized } from './problems';

type Decision = 'Permit' | 'NotApplicable' | 'Deny' | 'Indeterminate';

const STATUS_OK = 'urn:oasis:names:tc:xacml:1.0:status:ok';
const STATUS_SYNTAX = 'urn:oasis:names:tc:xacml:1.0:status:syntax-error';

/** Azure API Management answers before the PDP ever sees the request. */
const apimDenied = (missing: boolean): Reply =>
  json(401, {
    statusCode: 401,
    message: missing
      ? 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.'
      : 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
  });

function decisionResponse(decision: Decision, status = STATUS_OK): Reply {
  const result: Record<string, unknown> = { Decision: decision, Status: { StatusCode: { Value: status } } };
  if (decision === 'Permit') {
    result.Obligations = [
      {
        id: 'urn:altinn:obligation:authenticationLevel1',
        attributeAssignment: [
          {
            attributeId: 'urn:altinn:obligation-assignment:1',
            value: '2',
            category: 'urn:altinn:minimum-authenticationlevel',
            dataType: 'http://www.w3.org/2001/XMLSchema#integer',
            issuer: null,
          },
        ],
      },
    ];
  }
  return json(200, { Response: [result] });
}

/** Attributes of the first element of a XACML category, keyed by AttributeId (case-insensitive keys). */
function attributes(request: Record<string, unknown>, category: string): Map<string, string> | null {
  const list = field(request, category);
  if (!Array.isArray(list) || !isRecord(list[0])) return null;
  const attrs = field(list[0], 'Attribute');
  if (!Array.isArray(attrs)) return null;
  const out = new Map<string, string>();
  for (const a of attrs) {
    if (!isRecord(a)) continue;
    const id = field(a, 'AttributeId');
    const value = field(a, 'Value');
    if (typeof id === 'string' && (typeof value === 'string' || typeof value === 'number')) out.set(id.toLowerCase(), String(value));
  }
  return out;
}

function partyOrgNo(w: WorldContext, resource: Map<string, string>): string | null {
  const org = resource.get('urn:altinn:organization:identifier-no') ?? resource.get('urn:altinn:organizationnumber');
  if (org) return org;
  const uuid = resource.get('urn:altinn:party:uuid');
  if (uuid) {
    const party = w.directory.partyByUuid(uuid);
    return party?.kind === 'organisation' ? party.org.orgNo : '';
  }
  const partyId = resource.get('urn:altinn:partyid');
  if (partyId) return [...w.directory.orgByOrgNo.values()].find((o) => String(o.partyId) === partyId)?.orgNo ?? '';
  return null;
}

function evaluate(w: WorldContext, body: unknown): Reply {
  const request = isRecord(body) ? field(body, 'Request') : undefined;
  if (!isRecord(request)) return decisionResponse('Indeterminate', STATUS_SYNTAX);
  const subject = attributes(request, 'AccessSubject');
  const action = attributes(request, 'Action');
  const resource = attributes(request, 'Resource');
  if (!subject || !action || !resource) return decisionResponse('Indeterminate', STATUS_SYNTAX);
  const systemUserId = subject.get('urn:altinn:systemuser:uuid');
  const actionId = action.get('urn:oasis:names:tc:xacml:1.0:action:action-id');
  const resourceId = resource.get('urn:altinn:resource');
  const party = partyOrgNo(w, resource);
  if (!actionId || !resourceId || party === null) return decisionResponse('Indeterminate', STATUS_SYNTAX);
  // The demo world only models system-user subjects and the one K&B policy (action read).
  if (!systemUserId || resourceId !== RESOURCE_ID || actionId !== 'read') return decisionResponse('NotApplicable');
  const su = w.store.systemUsers.get(systemUserId.toLowerCase());
  if (!su || su.isDeleted) return decisionResponse('NotApplicable');
  const accepted = su.accessPackages.map((p) => packageCode(p.urn)).filter((p) => POLICY_PACKAGES.includes(p));
  if (accepted.length === 0) return decisionResponse('NotApplicable');
  if (su.userType === 'standard') return decisionResponse(party === su.ownerOrgNo ? 'Permit' : 'NotApplicable');
  const client = w.directory.clientByOrgNo.get(party);
  const delegated = w.store.delegations.get(su.id)?.has(party) ?? false;
  const holds = client ? accepted.some((p) => client.packages.includes(p)) : false;
  return decisionResponse(delegated && holds ? 'Permit' : 'NotApplicable');
}

export function pdpRoutes(w: WorldContext, router: Router): void {
  router.post('/authorization/api/v1/authorize', async (ctx: RequestContext) => {
    const key = ctx.header('ocp-apim-subscription-key');
    if (!key) return apimDenied(true);
    if (key !== APIM_SUBSCRIPTION_KEY) return apimDenied(false);
    const caller = await identifyCaller(w, ctx);
    if (!caller) return unauthorized();
    if (caller.kind !== 'organisation' || !caller.exchanged || !hasScope(caller, SCOPES.authorize, 'altinn:authorization/authorize.admin'))
      return forbidden();
    return evaluate(w, ctx.bodyJson());
  });
}
