// The features' handlers become one set; a channel claimed twice is a wiring mistake caught at start-up.
import { describe, expect, it } from 'vitest';
import { mergeHandlers } from '../../../electron/app/feature';

describe('mergeHandlers', () => {
  it('keeps every handler of every set', () => {
    const a = { 'app.info': () => 'a' };
    const b = { 'app.status': () => 'b' };
    const merged = mergeHandlers(a, b);
    expect(Object.keys(merged).sort()).toEqual(['app.info', 'app.status']);
    expect(merged['app.status']()).toBe('b');
  });

  it('refuses a channel two features serve', () => {
    expect(() => mergeHandlers({ 'app.info': () => 1 }, { 'app.info': () => 2 })).toThrow(/Two features serve "app.info"/);
  });
});
