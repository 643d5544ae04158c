// What the services' internal hops decided, lifted out of their bodies so the view can say it in words:
// Altinn's PDP decision behind a Skatteetaten answer, and whether Maskinporten found the system user.
import type { Exchange, Fact } from '../../../shared/contract/actorflow';
import { arr, parseJsonOrUndefined, str } from '../../platform/http/lenient-json';

const PDP_PATH = '/authorization/api/v1/authorize';
const SYSTEM_USER_LOOKUP_PATH = '/systemuser/byExternalId';

export function insightsFrom(exchanges: readonly Exchange[]): Fact[] {
  const facts: Fact[] = [];
  for (const e of exchanges) {
    if (e.kind !== 'internal') continue;
    if (e.url.includes(PDP_PATH)) {
      const decision = str(arr(parseJsonOrUndefined(e.responseBody ?? ''), 'Response', 'response')[0], 'Decision', 'decision');
      if (decision) facts.push({ key: 'pdpDecision', value: decision });
    } else if (e.url.includes(SYSTEM_USER_LOOKUP_PATH) && e.status !== null) {
      const found = e.status === 200 ? str(parseJsonOrUndefined(e.responseBody ?? ''), 'id') : undefined;
      facts.push({ key: 'systemUserLookup', value: found ?? String(e.status) });
    }
  }
  return facts;
}
