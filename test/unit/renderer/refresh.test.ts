import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createRefresher } from '../../../renderer/src/api/query/refresh';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const settle = () => new Promise((r) => setImmediate(r));

/** A query whose every fetch waits for the test to answer it, as a slow host would. */
function slowQuery(client: QueryClient) {
  const answers: Array<ReturnType<typeof deferred<string>>> = [];
  const observer = new QueryObserver(client, {
    queryKey: ['batches', 'detail', 'b1'],
    queryFn: () => {
      const answer = deferred<string>();
      answers.push(answer);
      return answer.promise;
    },
    retry: false,
  });
  const stop = observer.subscribe(() => undefined);
  return { answers, observer, stop };
}

describe('createRefresher: the last event wins over a fetch it could not restart', () => {
  const clients: QueryClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.clear()));
  const newClient = () => {
    const client = new QueryClient();
    clients.push(client);
    return client;
  };

  it('asks again once the first fetch settles, when an event came while it was on its way', async () => {
    const client = newClient();
    const refresh = createRefresher(client);
    const { answers, observer, stop } = slowQuery(client);
    expect(answers).toHaveLength(1);

    // Two events during the first fetch (the batch started and finished): TanStack reuses the fetch for both.
    refresh(['batches'], false);
    refresh(['batches'], false);
    answers[0]!.resolve('running');
    await settle();
    expect(answers).toHaveLength(2);
    answers[1]!.resolve('completed');
    await settle();
    expect(observer.getCurrentResult().data).toBe('completed');
    expect(answers).toHaveLength(2);
    stop();
  });

  it('restarts at once a query that has an answer already, without a second ask afterwards', async () => {
    const client = newClient();
    const refresh = createRefresher(client);
    const { answers, observer, stop } = slowQuery(client);
    answers[0]!.resolve('queued');
    await settle();

    refresh(['batches'], false);
    expect(answers).toHaveLength(2);
    answers[1]!.resolve('completed');
    await settle();
    expect(observer.getCurrentResult().data).toBe('completed');
    expect(answers).toHaveLength(2);
    stop();
  });

  it('a reset drops the old answer and the query is asked again after an event during the new first fetch', async () => {
    const client = newClient();
    const refresh = createRefresher(client);
    const { answers, observer, stop } = slowQuery(client);
    answers[0]!.resolve('paused, signed out');
    await settle();

    refresh(['batches'], true);
    expect(observer.getCurrentResult().data).toBeUndefined();
    const afterReset = answers.length;
    refresh(['batches'], false);
    answers[afterReset - 1]!.resolve('running');
    await settle();
    expect(answers.length).toBe(afterReset + 1);
    answers[afterReset]!.resolve('completed_with_failures');
    await settle();
    expect(observer.getCurrentResult().data).toBe('completed_with_failures');
    stop();
  });
});
