// Fixed identifiers of the demo world (actors.md §5–§6). Everything the CLI prints comes from here.

export const RESOURCE_ID = 'ske-krav-og-betalinger';
export const KB_SCOPE = 'skatteetaten:kravogbetalinger';
export const APIM_SUBSCRIPTION_KEY = 'demo-apim-key-skd';

export const SCOPES = {
  systemRegisterWrite: 'altinn:authentication/systemregister.write',
  requestWrite: 'altinn:authentication/systemuser.request.write',
  requestRead: 'altinn:authentication/systemuser.request.read',
  clientDelegationsRead: 'altinn:clientdelegations.read',
  clientDelegationsWrite: 'altinn:clientdelegations.write',
  authorize: 'altinn:authorization/authorize',
  maskinportenSystemUserRead: 'altinn:maskinporten/systemuser.read',
  portalEnduser: 'altinn:portal/enduser',
  authorizedParties: 'altinn:accessmanagement/authorizedparties',
} as const;

export const VENDOR_CLIENT_ID = 'b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21';
export const VENDOR_KID = 'smartcloud-demo-2026-1';
export const SKD_CLIENT_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
export const SKD_KID = 'skd-demo-pdp-1';
export const SYSTEM_ID = '310000019_smartregnskap';
export const SYSTEM_REDIRECT_URL = 'https://smartcloud.example/receipt';

export const IDPORTEN_APP_CLIENT_ID = '3f9a1c52-7d4e-4b8a-a1c0-5e6f7a8b9c0d';
/** What the app's ID-porten client is registered for (ID-porten grants the requested ones among these). */
export const IDPORTEN_APP_SCOPES = ['openid', SCOPES.clientDelegationsRead, SCOPES.clientDelegationsWrite, SCOPES.authorizedParties];
/** The simulated Altinn portal's own ID-porten client: the only one that may get `altinn:portal/enduser`. */
export const IDPORTEN_PORTAL_CLIENT_ID = 'altinn-portal-demo';

export const REQUEST_A = '6f0c6f1e-2f7a-4a55-9d1c-1d2f3e4a5b6c';
export const REQUEST_B = '7a1d7a2f-3a8b-4b66-8e2d-2e3f4a5b6c7d';
export const SYSTEM_USER_A = '0c1d2e3f-1111-4222-8333-444455556666';
export const SYSTEM_USER_B = '1d2e3f40-2222-4333-8444-555566667777';
export const EXTERNAL_REF_B = 'regnskapsfirma-skatt';
/** The firm's standard system user as client administrator (altinn.md §8.3): request R-K, system user SU-K. */
export const REQUEST_K = '8b2e8b30-4b9c-4c77-9f3e-3f4a5b6c7d8e';
export const SYSTEM_USER_K = '2e3f4051-3333-4444-8555-666677778888';
export const EXTERNAL_REF_K = 'regnskapsfirma-klientadmin';
export const CLIENT_ADMIN_PACKAGE = 'klientadministrator';

/** The story's requests by (externalRef) for SmartRegnskap and the firm: a vendor creating one gets the story's id. */
export const STORY_REQUEST_BY_EXTERNAL_REF: Record<string, string> = {
  '310000027': REQUEST_A,
  [EXTERNAL_REF_B]: REQUEST_B,
  [EXTERNAL_REF_K]: REQUEST_K,
};

/** Which system user id approving a seeded request creates, so the story's ids hold in every run. */
export const SYSTEM_USER_FOR_REQUEST: Record<string, string> = {
  [REQUEST_A]: SYSTEM_USER_A,
  [REQUEST_B]: SYSTEM_USER_B,
  [REQUEST_K]: SYSTEM_USER_K,
};

/** The demo resource policy (action `read`): any one of these packages suffices. */
export const POLICY_PACKAGES = ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet', 'skattegrunnlag'];

export const DEFAULT_DEMO_DATE = '2026-11-24';
export const DEFAULT_CLIENT_COUNT = 300;
export const DEFAULT_SEED = 1;
