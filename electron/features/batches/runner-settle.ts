// A removal Altinn refuses may still be what the firm wanted: a client that has left the firm takes its
// delegations with it, and Altinn then refuses the removal (the client is not the firm's any more) instead of
// confirming it. Only Altinn's own list says which it is; the refusal proves nothing was changed, so reading
// the list after it is safe, and a removal whose delegation is gone settles as already done.
import type { BatchItem } from '../../../shared/contract/batches';
import type { EndUserAltinn } from '../../app/ports';
import type { ItemResult } from './batch-types';

export async function settleRefusedRemoval(
  altinn: EndUserAltinn,
  systemUserId: string,
  item: Pick<BatchItem, 'operation' | 'partyUuid' | 'orgNumber'>,
  refused: ItemResult,
): Promise<ItemResult> {
  if (item.operation !== 'remove' || refused.kind !== 'failed') return refused;
  let delegated: Awaited<ReturnType<EndUserAltinn['listDelegatedClients']>>;
  try {
    delegated = await altinn.listDelegatedClients(systemUserId);
  } catch {
    // Altinn's state could not be read: the refusal stands, and "retry failed" can ask again.
    return refused;
  }
  const present = delegated.some(
    (c) => (item.partyUuid !== '' && c.partyUuid.toLowerCase() === item.partyUuid.toLowerCase()) || c.orgNumber === item.orgNumber,
  );
  return present ? refused : { kind: 'already_done', code: refused.code, correlationId: refused.correlationId };
}
