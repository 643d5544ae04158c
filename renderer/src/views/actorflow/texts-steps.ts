// The actor flow's step captions and the labels of the facts a step shows, bokmål first. Captions explain
// each step in plain words; codes stay as the services send them.
const nbSteps = {
  'serviceowner.resource': {
    title: 'Skatteetaten klargjør Krav og betalinger',
    caption:
      'Skatteetaten eier API-et. Det har et scope i Maskinporten (skatteetaten:kravogbetalinger) som bare SmartCloud har fått, og en ressurs i Altinn (ske-krav-og-betalinger) som sier hvilke tilgangspakker som gir lesetilgang.',
  },
  'vendor.key': {
    title: 'SmartCloud registrerer klient og offentlig nøkkel',
    caption:
      'SmartCloud har en Maskinporten-klient for SmartRegnskap og laster opp den offentlige delen av nøkkelen. Den private delen forlater aldri maskinen – her vises bare nøkkel-ID og fingeravtrykk.',
  },
  'vendor.register': {
    title: 'SmartCloud registrerer SmartRegnskap i Altinn',
    caption:
      'Med et vanlig leverandørtoken fra Maskinporten registrerer SmartCloud systemet med tilgangspakkene det kan be om. Finnes systemet fra før, svarer Altinn 409 – det er greit.',
  },
  'vendor.request': {
    title: 'SmartCloud ber Regnskapsfirma AS om en systemtilgang',
    caption:
      'Forespørselen gjelder en agent-systemtilgang som eies av regnskapsfirmaet (ikke av klientene). Altinn svarer med en lenke (confirmUrl) som Morten må åpne.',
  },
  'enduser.login': {
    title: 'Morten logger inn',
    caption:
      'Morten logger inn med ID-porten (autorisasjonskode med PKCE). Klientdesk bytter ID-porten-tokenet mot et Altinn-token som bærer hvem han er.',
  },
  'enduser.approve': {
    title: 'Morten godkjenner forespørselen',
    caption:
      'Som daglig leder er Morten tilgangsstyrer og kan godkjenne. Da oppretter Altinn agent-systemtilgangen. SmartCloud får ikke beskjed – den spør selv om status.',
  },
  'enduser.delegate': {
    title: 'Morten delegerer klienten',
    caption:
      'Som klientadministrator legger Morten klienten til systemtilgangen. Altinn krever at klienten har gitt firmaet alle pakkene systemtilgangen har.',
  },
  'operational.token': {
    title: 'SmartRegnskap henter token',
    caption:
      'SmartRegnskap signerer et grant for firmaets systemtilgang. Maskinporten spør Altinn om systemtilgangen finnes og er godkjent, og svarer med et token. Klienten står ikke i tokenet.',
  },
  'operational.claims': {
    title: 'SmartRegnskap henter åpne krav for klienten',
    caption:
      'Klienten nevnes først her, i adressen. Skatteetaten sjekker tokenet og spør Altinns beslutningspunkt (PDP) om systemtilgangen har fått klienten delegert. Svaret er Permit, og kravene kommer tilbake.',
  },
};

const enSteps: typeof nbSteps = {
  'serviceowner.resource': {
    title: 'Skatteetaten prepares Krav og betalinger',
    caption:
      'Skatteetaten owns the API. It has a Maskinporten scope (skatteetaten:kravogbetalinger) that only SmartCloud has been granted, and an Altinn resource (ske-krav-og-betalinger) saying which access packages allow reading.',
  },
  'vendor.key': {
    title: 'SmartCloud registers its client and public key',
    caption:
      'SmartCloud has a Maskinporten client for SmartRegnskap and uploads the public half of its key. The private half never leaves the machine: only the key id and thumbprint are shown.',
  },
  'vendor.register': {
    title: 'SmartCloud registers SmartRegnskap in Altinn',
    caption:
      'With a plain vendor token from Maskinporten, SmartCloud registers the system with the access packages it may ask for. If the system exists, Altinn answers 409, which is fine.',
  },
  'vendor.request': {
    title: 'SmartCloud asks Regnskapsfirma AS for a system access',
    caption:
      'The request is for an agent system access owned by the accounting firm (not by its clients). Altinn answers with a link (confirmUrl) that Morten must open.',
  },
  'enduser.login': {
    title: 'Morten signs in',
    caption:
      'Morten signs in with ID-porten (authorization code with PKCE). Klientdesk exchanges the ID-porten token for an Altinn token that carries who he is.',
  },
  'enduser.approve': {
    title: 'Morten approves the request',
    caption:
      'As general manager Morten is an access manager and may approve. Altinn then creates the agent system access. SmartCloud is not told: it asks for the status itself.',
  },
  'enduser.delegate': {
    title: 'Morten delegates the client',
    caption:
      'As client administrator Morten adds the client to the system access. Altinn requires that the client has given the firm every package the system access has.',
  },
  'operational.token': {
    title: 'SmartRegnskap gets a token',
    caption:
      'SmartRegnskap signs a grant for the firm’s system access. Maskinporten asks Altinn whether the system access exists and is approved, and answers with a token. The client is not in the token.',
  },
  'operational.claims': {
    title: 'SmartRegnskap fetches the client’s open claims',
    caption:
      'The client is named only here, in the address. Skatteetaten checks the token and asks Altinn’s decision point (PDP) whether the client is delegated to the system access. The answer is Permit, and the claims come back.',
  },
};

const nbFacts = {
  resourceId: 'Ressurs i Altinn',
  resourceTitle: 'Tittel',
  competentAuthority: 'Ansvarlig virksomhet',
  scope: 'Scope i Maskinporten',
  policyPackages: 'Pakker som gir lesetilgang',
  scopeGrantedTo: 'Scopet er gitt til',
  maskinportenClient: 'Maskinporten-klient',
  kid: 'Nøkkel-ID (kid)',
  keySource: 'Nøkkelen kommer fra',
  jwkThumbprint: 'Fingeravtrykk (JWK)',
  clientScopes: 'Klientens scopes',
  systemInternalId: 'Altinns interne ID',
  systemId: 'System',
  systemPackages: 'Systemets tilgangspakker',
  requestOutcome: 'Forespørsel',
  requestId: 'Forespørsel-ID',
  requestStatus: 'Status',
  partyOrgNo: 'Eier av systemtilgangen',
  confirmUrl: 'Lenke til godkjenning',
  pid: 'Fødselsnummer (syntetisk)',
  authLevel: 'Sikkerhetsnivå',
  scopes: 'Scopes',
  systemUserId: 'Systemtilgang',
  systemUserPackages: 'Systemtilgangens pakker',
  availableClients: 'Tilgjengelige klienter',
  clientOrgNumber: 'Klient',
  clientName: 'Klientens navn',
  delegated: 'Delegert (systemtilgang ← klient)',
  systemUserOrg: 'systemuser_org i tokenet',
  consumerOrg: 'consumer i tokenet',
  expiresIn: 'Tokenet lever (sekunder)',
  systemUserLookup: 'Maskinporten fant systemtilgangen',
  claimsFor: 'Kravene gjelder',
  claimCount: 'Antall åpne krav',
  overdue: 'Forfalt',
  notDue: 'Ikke forfalt',
  balance: 'Saldo',
  pdpDecision: 'Altinns PDP svarte',
  person: 'Person',
  note: 'Merk',
};

const enFacts: typeof nbFacts = {
  resourceId: 'Altinn resource',
  resourceTitle: 'Title',
  competentAuthority: 'Competent authority',
  scope: 'Maskinporten scope',
  policyPackages: 'Packages that allow reading',
  scopeGrantedTo: 'Scope granted to',
  maskinportenClient: 'Maskinporten client',
  kid: 'Key id (kid)',
  keySource: 'The key comes from',
  jwkThumbprint: 'Thumbprint (JWK)',
  clientScopes: 'The client’s scopes',
  systemInternalId: 'Altinn’s internal id',
  systemId: 'System',
  systemPackages: 'The system’s access packages',
  requestOutcome: 'Request',
  requestId: 'Request id',
  requestStatus: 'Status',
  partyOrgNo: 'Owner of the system access',
  confirmUrl: 'Approval link',
  pid: 'National id (synthetic)',
  authLevel: 'Security level',
  scopes: 'Scopes',
  systemUserId: 'System access',
  systemUserPackages: 'The system access’s packages',
  availableClients: 'Available clients',
  clientOrgNumber: 'Client',
  clientName: 'Client name',
  delegated: 'Delegated (system access ← client)',
  systemUserOrg: 'systemuser_org in the token',
  consumerOrg: 'consumer in the token',
  expiresIn: 'Token lifetime (seconds)',
  systemUserLookup: 'Maskinporten found the system access',
  claimsFor: 'The claims are for',
  claimCount: 'Open claims',
  overdue: 'Overdue',
  notDue: 'Not due',
  balance: 'Balance',
  pdpDecision: 'Altinn’s PDP answered',
  person: 'Person',
  note: 'Note',
};

export const stepTexts = { nb: nbSteps, en: enSteps };
export const factTexts = { nb: nbFacts, en: enFacts };
