import { useEffect, useState } from 'react';

const nextFrame = (run: () => void): (() => void) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(run, 16);
  return () => clearTimeout(id);
};

/**
 * The value as of the next animation frame: keystrokes that land within one frame ask one question, and no
 * keystroke waits longer than a frame. Answers to questions overtaken by a newer one are dropped where they
 * arrive (api/query/latest-only.ts), so there is no fixed wait to keep the store from being asked too often.
 */
export function useNextFrameValue<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => nextFrame(() => setSettled(value)), [value]);
  return settled;
}
