// The line each element of a JSON document's top-level "items" array starts on, so problems found after
// parsing can still be reported by line. JSON.parse keeps no positions, hence this small scanner; it only
// runs on text JSON.parse has already accepted, so it need not handle malformed input.
export function itemLineNumbers(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let itemsDepth = -1;
  let lastKey: string | null = null;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === ',' || ch === ':') continue;

    if (itemsDepth !== -1 && depth === itemsDepth && ch !== ']') lines.push(line);

    if (ch === '"') {
      const start = i + 1;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1) lastKey = text.slice(start, i);
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth++;
      if (ch === '[' && depth === 2 && lastKey === 'items') itemsDepth = 2;
    } else if (ch === '}' || ch === ']') {
      if (depth === itemsDepth) itemsDepth = -1;
      depth--;
    } else if (depth === itemsDepth) {
      // A bare number, true, false or null as an element: skip the rest of the token.
      while (i + 1 < text.length && !/[\s,\]]/.test(text[i + 1]!)) i++;
    }
  }
  return lines;
}
