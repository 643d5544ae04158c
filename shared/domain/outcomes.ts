// What a batch item's outcome means, in plain words for the person who planned it. The service's own code
// stays beside the text (CONTRIBUTING: plain words, but keep the code); this map only explains it.
import { packageCode } from './packages';

export type Language = 'nb' | 'en';

interface Texts {
  nb: string;
  en: string;
}

/** Display names of the packages a client can give (altinn.md §8.2). */
const PACKAGE_NAMES: Record<string, Texts> = {
  'regnskapsforer-med-signeringsrettighet': { nb: 'Regnskapsfører med signeringsrettighet', en: 'Accountant with signing rights' },
  'regnskapsforer-uten-signeringsrettighet': { nb: 'Regnskapsfører uten signeringsrettighet', en: 'Accountant without signing rights' },
  'regnskapsforer-lonn': { nb: 'Regnskapsfører lønn', en: 'Accountant payroll' },
  'ansvarlig-revisor': { nb: 'Ansvarlig revisor', en: 'Responsible auditor' },
  revisormedarbeider: { nb: 'Revisormedarbeider', en: 'Audit staff' },
  'forretningsforer-eiendom': { nb: 'Forretningsfører eiendom', en: 'Business manager, property' },
  skattegrunnlag: { nb: 'Skattegrunnlag', en: 'Tax basis' },
};

export function packageName(urnOrCode: string, lang: Language): string {
  const code = packageCode(urnOrCode);
  return PACKAGE_NAMES[code]?.[lang] ?? code;
}

export interface OutcomeContext {
  /** For AUTH-00080: the packages the client has not given, when the local client list knows them. */
  missingPackages?: readonly string[];
}

type Describer = (lang: Language, context: OutcomeContext) => string;

const fixed =
  (texts: Texts): Describer =>
  (lang) =>
    texts[lang];

function quoteList(names: readonly string[], lang: Language): string {
  const quoted = names.map((n) => `«${n}»`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${lang === 'nb' ? 'og' : 'and'} ${quoted.at(-1)!}`;
}

const OUTCOMES: Record<string, Describer> = {
  DONE: fixed({ nb: 'Utført.', en: 'Done.' }),
  'AUTH-00080': (lang, { missingPackages = [] }) => {
    if (missingPackages.length === 0) {
      return lang === 'nb'
        ? 'Klienten har ikke gitt firmaet alle tilgangspakkene systemtilgangen krever.'
        : 'The client has not given the firm every access package this system access requires.';
    }
    const names = quoteList(
      missingPackages.map((p) => packageName(p, lang)),
      lang,
    );
    return lang === 'nb'
      ? `Klienten har ikke gitt firmaet pakken ${names}, som systemtilgangen krever.`
      : `The client has not given the firm the package ${names}, which this system access requires.`;
  },
  'AUTH-00079': fixed({ nb: 'Ikke en av firmaets klienter.', en: 'Not one of the firm’s clients.' }),
  // Found out before anything was sent: Altinn's client list does not have the org number.
  UNKNOWN_CLIENT: fixed({ nb: 'Ikke en av firmaets klienter.', en: 'Not one of the firm’s clients.' }),
  'AUTH-00063': fixed({ nb: 'Systemtilgangen har ingen tilgangspakker.', en: 'The system access has no access packages.' }),
  'AUTH-00002': fixed({
    nb: 'Altinn klarte ikke å fullføre delegeringen. Prøv igjen senere.',
    en: 'Altinn could not complete the delegation. Try again later.',
  }),
  'AUTH-00031': fixed({
    nb: 'Det var ikke dette firmaet som delegerte klienten.',
    en: 'This firm is not the one that delegated the client.',
  }),
  'AUTH.VLD-00014': fixed({ nb: 'Systemtilgangen finnes ikke (lenger).', en: 'The system access does not exist (any more).' }),
  'AUTH.VLD-00015': fixed({
    nb: 'Systemtilgangen er ikke en klientsystemtilgang.',
    en: 'The system access is not an agent (client) system access.',
  }),
  'AUTH.VLD-00016': fixed({ nb: 'Altinn godtok ikke klientens ID.', en: 'Altinn did not accept the client’s id.' }),
  NO_CLIENT_ADMIN: fixed({
    nb: 'Du har ikke rettigheten Klientadministrator for firmaet. Be daglig leder eller en hovedadministrator om tilgangspakken.',
    en: 'You do not have the Client administrator right for the firm. Ask the general manager or a main administrator for the access package.',
  }),
  ALTINN_UNAUTHENTICATED: fixed({ nb: 'Innloggingen er utløpt. Logg inn igjen.', en: 'The sign-in has expired. Sign in again.' }),
  NOT_SIGNED_IN: fixed({ nb: 'Ingen er logget inn.', en: 'Nobody is signed in.' }),
  NETWORK: fixed({ nb: 'Fikk ikke kontakt med Altinn (nettverksfeil).', en: 'Could not reach Altinn (network error).' }),
  TIMEOUT: fixed({ nb: 'Altinn svarte ikke i tide.', en: 'Altinn did not answer in time.' }),
  HTTP_400: fixed({ nb: 'Altinn godtok ikke forespørselen.', en: 'Altinn did not accept the request.' }),
  HTTP_403: fixed({ nb: 'Altinn nektet tilgang.', en: 'Altinn refused access.' }),
  HTTP_404: fixed({ nb: 'Altinn fant ikke klienten eller systemtilgangen.', en: 'Altinn did not find the client or the system access.' }),
  HTTP_409: fixed({
    nb: 'Altinn sier at tilstanden har endret seg. Prøv igjen.',
    en: 'Altinn says the state has changed. Try again.',
  }),
  HTTP_429: fixed({ nb: 'Altinn ba oss vente (for mange kall).', en: 'Altinn asked us to slow down (too many calls).' }),
  SERVICE_UNAVAILABLE: fixed({
    nb: 'Altinn var utilgjengelig, også etter flere forsøk.',
    en: 'Altinn was unavailable, even after several tries.',
  }),
  BAD_RESPONSE: fixed({
    nb: 'Altinn svarte med noe Klientdesk ikke forstår.',
    en: 'Altinn answered with something Klientdesk does not understand.',
  }),
  CANCELLED: fixed({ nb: 'Hoppet over fordi bunken ble avbrutt.', en: 'Skipped because the batch was cancelled.' }),
  ALREADY_DONE: fixed({
    nb: 'Allerede utført: Altinn viser at klienten ikke lenger er delegert.',
    en: 'Already done: Altinn shows the client is no longer delegated.',
  }),
};

/** `HTTP_503`, `HTTP_500` … all mean the same thing to the user. */
const isServerErrorCode = (code: string): boolean => /^HTTP_5\d\d$/.test(code);

/** The outcome of one item in plain words; the code itself belongs in the details beside it, not in the sentence. */
export function describeOutcome(code: string, lang: Language, context: OutcomeContext = {}): string {
  const describe = OUTCOMES[code] ?? (isServerErrorCode(code) ? OUTCOMES.SERVICE_UNAVAILABLE : undefined);
  if (describe) return describe(lang, context);
  return lang === 'nb' ? 'Altinn avviste kallet. Koden står i detaljene.' : 'Altinn refused the call. The code is in the details.';
}

export const knownOutcomeCodes = (): string[] => Object.keys(OUTCOMES);
