import { describe, expect, it } from 'vitest';
import { indexOver, searchPage, warmSearchIndexSoon } from '../../../electron/features/clients/search-index';
import { openTestDb } from './helpers';

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

  it('gives the same answers when few rows match, where a longer term tests only the last matches', () => {
    // Rows that hold none of the terms make every match a small share of the index, so it narrows.
    const filler = Array.from({ length: 200 }, (_, i) => `xyz qq ${String(400_000_000 + i)}`);
    const texts = [...TEXTS, ...filler];
    const ids = Int32Array.from(texts, (_, i) => 100 + i);
    const typed = indexOver(ids, texts);
    const steps = [['f'], ['fj'], ['fjell'], ['fjellb'], ['fjell'], ['fjell', 'as'], ['fjell', 'a'], ['v'], ['vi'], ['vik'], ['b', 'vik']];
    for (const terms of steps) {
      const wanted = texts.flatMap((t, i) => (terms.every((term) => t.includes(term)) ? [100 + i] : []));
      expect(searchPage(typed, terms, false, 0, 10).ids, terms.join(' ')).toEqual(wanted);
      expect(searchPage(indexOver(ids, texts), terms, false, 0, 10).ids, terms.join(' ')).toEqual(wanted);
    }
  });

  it('builds ahead without failing when the database has been closed before its turn comes', async () => {
    const db = openTestDb();
    warmSearchIndexSoon(db, 'demo');
    db.close();
    const uncaught: unknown[] = [];
    const onError = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onError);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(uncaught).toEqual([]);
    expect(db.open).toBe(false);
  });
});
