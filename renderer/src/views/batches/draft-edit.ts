// What the batch detail needs to add clients to a draft the way the wizard adds them to a new batch: the
// draft's operation, the numbers it already holds, and a review that does not offer those a second time.
import type { BatchItem } from '../../../../shared/contract/batches';
import type { Operation } from '../../../../shared/domain/batch';
import { call } from '../../api/client';
import type { ReviewRow } from '../../components/org-numbers/review-rows';

/** The largest page batches.get gives. */
const PAGE = 5_000;

export interface DraftContents {
  orgNumbers: Set<string>;
  /** What the draft does. A draft made by the wizard does one thing; an empty one has no operation yet. */
  operation: Operation | null;
}

export const draftOperation = (items: readonly Pick<BatchItem, 'operation'>[]): Operation | null => items[0]?.operation ?? null;

/** Every org number in the draft, page by page (a draft may hold more than one page), and its operation. */
export async function loadDraftContents(id: string): Promise<DraftContents> {
  const orgNumbers = new Set<string>();
  let operation: Operation | null = null;
  for (let offset = 0; ; offset += PAGE) {
    const page = await call('batches.get', { id, offset, limit: PAGE });
    operation ??= draftOperation(page.items);
    for (const item of page.items) orgNumbers.add(item.orgNumber);
    if (page.items.length < PAGE || orgNumbers.size >= page.totalItems) return { orgNumbers, operation };
  }
}

/**
 * The review judges against Altinn's state as the local copy knows it; a number already in this draft would
 * be refused by batches.editItems, so it is shown as a duplicate here instead of failing the whole addition.
 */
export function withoutDraftItems(rows: readonly ReviewRow[], inDraft: ReadonlySet<string>): ReviewRow[] {
  return rows.map((r) => (r.verdict === 'ready' && inDraft.has(r.orgNumber) ? { ...r, verdict: 'duplicate' } : r));
}

/** The org numbers ready to go into the draft. */
export const readyOrgNumbers = (rows: readonly ReviewRow[]): string[] => rows.filter((r) => r.verdict === 'ready').map((r) => r.orgNumber);
