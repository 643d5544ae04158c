import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnlineWatch } from '../../../electron/app/environment/online-watch';

afterEach(() => vi.unstubAllGlobals());

/** A fetch whose answer the test hands over when it likes. */
function heldFetch() {
  let answer: (r: Response) => void = () => {};
  let fail: (e: Error) => void = () => {};
  vi.stubGlobal(
    'fetch',
    vi.fn(
      () =>
        new Promise<Response>((resolve, reject) => {
          answer = resolve;
          fail = reject;
        }),
    ),
  );
  return { answer: (status: number) => answer(new Response(null, { status })), fail: () => fail(new Error('socket closed')) };
}

describe('the online watch', () => {
  it('reports a probe that fails while it watches', async () => {
    const changes: boolean[] = [];
    const watch = new OnlineWatch(() => changes.push(watch.online));
    watch.start('http://127.0.0.1:1/');
    const held = heldFetch();
    const probe = watch.probe();
    held.fail();
    expect(await probe).toBe(false);
    expect(changes).toEqual([false]);
    watch.stop();
  });

  it('says nothing of a probe or an exchange that ends after it was stopped (the app closing)', async () => {
    const onChange = vi.fn();
    const watch = new OnlineWatch(onChange);
    watch.start('http://127.0.0.1:1/');
    const held = heldFetch();
    const probe = watch.probe();
    watch.stop();
    held.fail();
    await probe;
    watch.note({ status: undefined, error: 'ECONNREFUSED', willRetry: false } as never);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores a probe started before a restart on another issuer', async () => {
    const onChange = vi.fn();
    const watch = new OnlineWatch(onChange);
    watch.start('http://127.0.0.1:1/');
    const held = heldFetch();
    const probe = watch.probe();
    watch.start('http://127.0.0.1:2/');
    held.answer(503);
    await probe;
    expect(onChange).not.toHaveBeenCalled();
    expect(watch.online).toBe(true);
    watch.stop();
  });
});
