// How client names are stored for search and sorting. Both sides (the stored text and what the user types)
// go through the same fold, so `kafe` finds SOLSIDEN KAFÉ and `Ø` finds `ø`.

/** Lower case, accents dropped, except the ring of å, which is a letter of its own in Norwegian. */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .normalize('NFD')
    .replace(/[\u0300-\u0309\u030b-\u036f]/g, '')
    .normalize('NFC');
}

/**
 * A key that sorts in Norwegian alphabetical order under SQLite's BINARY collation (which better-sqlite3
 * cannot replace): æ, ø, å become the three code points right after z, in that order.
 */
export function sortKey(name: string): string {
  return foldForSearch(name).replace(/æ/g, '{').replace(/ø/g, '|').replace(/å/g, '}');
}

export const searchText = (name: string, orgNumber: string): string => `${foldForSearch(name)} ${orgNumber}`;

/** A search box entry that holds only digits and the separators people type between them: an org number. */
export const isOrgNumberSearch = (term: string): boolean => /^[\d\s.\u00a0-]+$/.test(term) && /\d/.test(term);
