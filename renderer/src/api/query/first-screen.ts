// Tells the main process, once per page, that the first screen is up: drawn, with nothing it asked for still on
// its way. The app holds back the environment's start and the search index until then, so that work does not
// take the processor from this page while it draws (electron/app/first-screen.ts). A call the screen makes that
// needs the started app ends that wait on its own, so waiting here for the queries to settle cannot deadlock.
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { call } from '../client';

/** Runs `fn` after the next frame has been drawn; returns what cancels it. */
export type AfterFrame = (fn: () => void) => () => void;

const afterNextFrame: AfterFrame = (fn) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The frame is drawn after its animation frame callbacks; the task after that runs once it is on screen.
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/** Calls `then` once no query is fetching and a frame has been drawn after that; returns what cancels it. */
export function afterQueriesSettle(queryClient: QueryClient, then: () => void, afterFrame: AfterFrame = afterNextFrame): () => void {
  let cancelFrame: (() => void) | null = null;
  const check = (): void => {
    if (cancelFrame || queryClient.isFetching() > 0) return;
    stop();
    cancelFrame = afterFrame(then);
  };
  const stop = queryClient.getQueryCache().subscribe(check);
  check();
  return () => {
    stop();
    cancelFrame?.();
  };
}

let told = false;

export function useFirstScreenSignal(queryClient: QueryClient): void {
  useEffect(() => {
    if (told) return;
    return afterQueriesSettle(queryClient, () => {
      told = true;
      // Nothing to do about a refusal: the main process starts after its grace period all the same.
      call('app.firstScreen', {}).catch(() => undefined);
    });
  }, [queryClient]);
}
