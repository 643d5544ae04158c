// What a person types into the client search, made safe before it reaches FTS5 or LIKE: control characters
// (NUL made FTS5 fail), lone surrogates (not valid UTF-8 for SQLite) and invisible format marks (right-to-left
// overrides, zero-width joiners) carry no meaning in a name or an org number, so they split or drop out.
const CONTROL = /[\p{Cc}]/gu;
const FORMAT = /[\p{Cf}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanSearchInput(text: string): string {
  return text.replace(LONE_SURROGATE, ' ').replace(CONTROL, ' ').replace(FORMAT, '');
}
