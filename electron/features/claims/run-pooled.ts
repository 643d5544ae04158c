// Runs `work` over many items with at most `limit` in flight. The K&B client's own semaphore already caps the
// HTTP calls at 5; this keeps a 5000-client fetch from creating 5000 pending promises (and token requests) first.
export async function runPooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // A worker that sees another one fail takes no new item; the first error is the one reported.
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
