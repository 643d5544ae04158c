// Every error the main process or a service can give, in the reader's language. The main process sends a
// code and params; these sentences are the only ones a person sees. Keys are codes with "." written as "_"
// (i18next reads "." as nesting); a variant picked by params.reason is the key plus "_<reason>" (i18next context).
import { appErrorTexts } from './errors/app-codes';
import { generalErrorTexts } from './errors/general';
import { serviceErrorTexts } from './errors/service-codes';

const nb = { ...generalErrorTexts.nb, ...appErrorTexts.nb, ...serviceErrorTexts.nb };
const en: typeof nb = { ...generalErrorTexts.en, ...appErrorTexts.en, ...serviceErrorTexts.en };

export const errorTexts = { nb, en };
