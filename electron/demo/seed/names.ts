// Norwegian-looking company names for generated clients. A few deliberately carry markup and quotes so
// every UI that shows them is forced to render text, not HTML.
import { pick, type Rng } from '../random';

const FIRST = [
  'FJELL',
  'HAV',
  'NORD',
  'SOL',
  'GRAN',
  'KYST',
  'FJORD',
  'BERG',
  'ELV',
  'LYS',
  'BJØRK',
  'FURU',
  'SKOG',
  'STRAND',
  'VIK',
  'ÅS',
  'MYR',
  'DAL',
  'HEI',
  'ØY',
  'NES',
  'BREKKE',
  'LIA',
  'HAUG',
  'RØD',
  'BLÅ',
  'GRØNN',
  'STEIN',
  'ISBRE',
  'MÅKE',
];
const SECOND = ['LI', 'HEIM', 'VANG', 'TUN', 'STAD', 'SETER', 'BAKKEN', 'ENGA', 'LUND', 'SUND', 'VOLL', 'GÅRD', 'HAMN', 'TOPPEN', 'KROKEN'];
const TRADE = [
  'BAKERI',
  'BYGG',
  'TRANSPORT',
  'RØRLEGGER',
  'ELEKTRO',
  'REGNSKAPSSERVICE',
  'FRISØR',
  'KAFÉ',
  'MALERSERVICE',
  'EIENDOM',
  'SNEKKERI',
  'FISKE',
  'GARTNERI',
  'AUTO',
  'KONSULT',
  'HANDEL',
  'MASKIN',
  'TANNLEGE',
  'FYSIOTERAPI',
  'TREPLEIE',
  'BLOMSTER',
];
const HOUSING = ['BORETTSLAG', 'BOLIGSAMEIE', 'BORETTSLAG NR. 2'];

/** Fixed by position (not by seed), so every world with enough clients contains them. */
export const TRICKY_NAMES: ReadonlyMap<number, string> = new Map([
  [3, '<img src=x onerror=alert(1)> AS'],
  [7, 'BRØDRENE "HANSEN" & SØNN AS'],
  [13, "O'NEILL & MÆLAND RÅDGIVNING AS"],
  [21, '<script>alert("klientdesk")</script> HANDEL AS'],
  [34, 'ÆRLIG & ÅPEN <b>REGNSKAP</b> ENK'],
]);

export function companyName(rng: Rng, form: string): string {
  // Joined, not concatenated: a concatenated name stays a chain of pieces in V8, several times the size of
  // the text, and a world of 200,000 clients holds every name for as long as it runs.
  const place = [pick(rng, FIRST), pick(rng, SECOND)].join('');
  if (form === 'BRL' || form === 'ESEK') return [place, pick(rng, HOUSING)].join(' ');
  const trade = pick(rng, TRADE);
  return form === 'ENK' ? [place, trade].join(' ') : [place, trade, form].join(' ');
}
