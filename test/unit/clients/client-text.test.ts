import { describe, expect, it } from 'vitest';
import { foldForSearch, searchText, sortKey, storedTexts } from '../../../electron/features/clients/client-text';

/** The fold without its shortcut: lower case, decomposed, accents but the ring dropped, composed again. */
const fullFold = (text: string): string =>
  text
    .toLocaleLowerCase('nb')
    .normalize('NFD')
    .replace(/[\u0300-\u0309\u030b-\u036f]/g, '')
    .normalize('NFC');

const NAMES = [
  'SOLSIDEN KAFÉ',
  'ÅLESUND BÅTSERVICE AS',
  'ÆRLIG ØKONOMI',
  'Crème Brûlée & Søn',
  'A\u030aSEN (decomposed ring)',
  'KAFE\u0301 (decomposed acute)',
  'ŠKODA ŽILINA',
  'Ünal Müller',
  '<script>alert("x")</script>',
  '',
];

describe('the stored texts of a client name', () => {
  it('folds every name as the full decompose-and-strip does, with or without the shortcut', () => {
    for (const name of NAMES) expect(foldForSearch(name)).toBe(fullFold(name));
    expect(foldForSearch('SOLSIDEN KAFÉ')).toBe('solsiden kafe');
    expect(foldForSearch('ÅLESUND')).toBe('ålesund');
  });

  it('gives the same sort key and search text from one fold as from two', () => {
    for (const name of NAMES) {
      expect(storedTexts(name, '313367002')).toEqual({ sortName: sortKey(name), searchText: searchText(name, '313367002') });
    }
    expect(storedTexts('ÆRLIG ØKONOMI ÅS', '1').sortName).toBe('{rlig |konomi }s');
  });
});
