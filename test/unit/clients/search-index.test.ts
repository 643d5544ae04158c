import { describe, expect, it } from 'vitest';
import { indexOver, searchPage } from '../../../electron/features/clients/search-index';

const TEXTS = [
  'fjellbekk as 313367002',
  'fjellheim regnskap 310000001',
  'nordvik holding 320001234',
  'vik bakeri 320005678',
  'bekk og fjell 320009999',
];
const index = () =>
  indexOver(
    Int32Array.from(TEXTS, (_, i) => 100 + i),
    TEXTS,
  );

/** What the search must answer: every term in the row's text, in index order. */
const expected = (terms: string[]) => TEXTS.flatMap((t, i) => (terms.every((term) => t.includes(term)) ? [100 + i] : []));

describe('the in-memory search index', () => {
  it('finds the rows holding every term, with the total and the page asked for, in either direction', () => {
    const idx = index();
    expect(searchPage(idx, ['fjell'], false, 0, 10)).toEqual({ total: 3, ids: [100, 101, 104] });
    expect(searchPage(idx, ['fjell'], true, 0, 2)).toEqual({ total: 3, ids: [104, 101] });
    expect(searchPage(idx, ['fjell'], false, 1, 1)).toEqual({ total: 3, ids: [101] });
    expect(searchPage(idx, ['bekk', 'fjell'], false, 0, 10)).toEqual({ total: 2, ids: [100, 104] });
    expect(searchPage(idx, ['vik'], false, 0, 10).ids).toEqual([102, 103]);
    expect(searchPage(idx, ['zzz'], false, 0, 10)).toEqual({ total: 0, ids: [] });
  });

  it('never matches across two rows, even where one ends and the next begins alike', () => {
    // "…313367002" + "fjellheim…": a term spanning the join must not be found.
    expect(searchPage(index(), ['002fjell'], false, 0, 10).total).toBe(0);
    expect(searchPage(index(), ['9999'], false, 0, 10).ids).toEqual([104]);
  });

  it('gives the same answers when a term is typed longer, shorter or replaced as when asked afresh', () => {
    const typed = index();
    const steps = [['f'], ['fj'], ['fjell'], ['fjellb'], ['fjell'], ['fjell', 'as'], ['fjell', 'a'], ['v'], ['vi'], ['vik'], ['b', 'vik']];
    for (const terms of steps) {
      expect(searchPage(typed, terms, false, 0, 10).ids, terms.join(' ')).toEqual(expected(terms));
      expect(searchPage(index(), terms, false, 0, 10).ids, terms.join(' ')).toEqual(expected(terms));
    }
  });
});
