// Runs `work` over many items with at most `limit` in flight. The K&B client's own pool already caps the
// HTTP calls at 5; this keeps a 5000-client fetch from creating 5000 pending calls (and token requests) first.
import { createPool, mapPooled } from '../../platform/http/pool';

export function runPooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  return mapPooled(createPool(limit), items, work);
}
