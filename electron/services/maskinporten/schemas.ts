// Maskinporten's answers as the app reads them (maskinporten.md §4.2, §4.3, §5): the token response, the
// claims of a system-user access token, and the error body. Extra fields pass; `ID`/`id` are both read.
import { z } from 'zod';
import { lenientObject, list, numeric, optional, text } from '../../platform/http/lenient-json';

/** A success must carry the token and its lifetime; `token_type` and `scope` are informational. */
export const tokenResponseSchema = lenientObject({
  access_token: z.string().min(1),
  expires_in: numeric,
  token_type: optional(text),
  scope: optional(text),
});

/** `{ error, error_description, error_uri? }`; every field may be missing from what a proxy sends. */
export const errorBodySchema = lenientObject({ error: optional(text), error_description: optional(text) });

/** `{"authority": "iso6523-actorid-upis", "ID": "0192:<orgno>"}`, some docs print `id`; read as the org number. */
const orgRef = optional(lenientObject({ ID: optional(text) }, { ID: ['id'] })).transform((o) => o?.ID?.replace(/^0192:/, ''));

const systemUserDetail = lenientObject({
  type: optional(text),
  systemuser_id: list(z.unknown()),
  systemuser_org: orgRef,
  system_id: optional(text),
  externalRef: optional(text),
});

/** The claims the app shows and uses as the PDP subject; a claim of an unexpected type reads as absent. */
export const accessTokenClaimsSchema = lenientObject({
  client_id: optional(text).catch(undefined),
  consumer: orgRef.catch(undefined),
  scope: optional(text).catch(undefined),
  exp: optional(z.number()).catch(undefined),
  authorization_details: list(z.unknown())
    .catch([])
    // Only the system-user element counts; elements of other types may have other shapes.
    .transform(
      (details) =>
        details.map((d) => systemUserDetail.safeParse(d)).find((d) => d.success && d.data.type === 'urn:altinn:systemuser')?.data,
    ),
});
