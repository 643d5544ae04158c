// HTML for the simulated portal pages. Every value goes through `esc`: names in the world contain markup
// on purpose. The pages carry no scripts at all.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A tagged template that escapes every interpolation unless it is already `SafeHtml`. */
export class SafeHtml {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export function h(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

function render(v: unknown): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

export function page(title: string, body: SafeHtml): string {
  return h`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
.banner { background: #fff3cd; border: 1px solid #e0c36c; padding: .5rem .75rem; border-radius: 4px; font-size: .9rem; }
.error { background: #fde2e1; border: 1px solid #d9534f; padding: .75rem; border-radius: 4px; }
fieldset { border: 1px solid #ccc; border-radius: 4px; margin: 1rem 0; }
label { display: block; margin: .35rem 0; }
button { margin-right: .5rem; padding: .4rem 1rem; }
code { background: #f1f1f1; padding: 0 .25rem; }
</style>
</head>
<body>
<p class="banner">Demo world simulator – not a real Digdir or Altinn service.</p>
${body}
</body>
</html>`.value;
}
