// The one concurrency pool of the app: p-limit, so every limit (Skatteetaten's five calls, the claims fetch,
// the batch runner's slots) queues first come, first served and can change its limit while it runs.
import pLimit, { type LimitFunction } from 'p-limit';

export type Pool = LimitFunction;

export function createPool(limit: number): Pool {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('A pool limit must be a positive integer');
  return pLimit(limit);
}

/**
 * Runs `work` over every item through `pool`, in order of the items. After the first failure no item that
 * has not started is begun, and that first error is the one thrown (a 5000-client fetch that has lost its
 * token must not make 4999 more calls only to fail each of them).
 */
export async function mapPooled<T, R>(pool: Pool, items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  let failed = false;
  return Promise.all(
    items.map((item) =>
      pool(async () => {
        if (failed) return undefined as R;
        try {
          return await work(item);
        } catch (error) {
          failed = true;
          throw error;
        }
      }),
    ),
  );
}
