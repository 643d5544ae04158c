// How client names are stored for search and sorting. Both sides (the stored text and what the user types)
// go through the same fold, so `kafe` finds SOLSIDEN KAFÉ and `Ø` finds `ø`.

/** Text that is already folded once lower-cased: printable ASCII and æ, ø, å, none of which has an accent to drop. */
const NOTHING_TO_DROP = /^[ -~æøå]*$/;

/** Lower case, accents dropped, except the ring of å, which is a letter of its own in Norwegian. */
export function foldForSearch(text: string): string {
  const lower = text.toLocaleLowerCase('nb');
  // A sync folds every client's name; most names need no decomposing, which is the costly part.
  if (NOTHING_TO_DROP.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u0309\u030b-\u036f]/g, '')
    .normalize('NFC');
}

/** æ, ø, å as the three code points right after z, in that order. */
const sortable = (folded: string): string => folded.replace(/æ/g, '{').replace(/ø/g, '|').replace(/å/g, '}');

/**
 * A key that sorts in Norwegian alphabetical order under SQLite's BINARY collation (which better-sqlite3
 * cannot replace): æ, ø, å become the three code points right after z, in that order.
 */
export const sortKey = (name: string): string => sortable(foldForSearch(name));

export const searchText = (name: string, orgNumber: string): string => `${foldForSearch(name)} ${orgNumber}`;

/** The sort key and the search text of one client, from one fold of its name. */
export function storedTexts(name: string, orgNumber: string): { sortName: string; searchText: string } {
  const folded = foldForSearch(name);
  return { sortName: sortable(folded), searchText: `${folded} ${orgNumber}` };
}

/** A search box entry that holds only digits and the separators people type between them: an org number. */
export const isOrgNumberSearch = (term: string): boolean => /^[\d\s.\u00a0-]+$/.test(term) && /\d/.test(term);
