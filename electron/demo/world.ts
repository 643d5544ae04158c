// Assembles one demo world: seed, state, keys, the five loopback servers and the admin hooks.
import { isOfferedTo } from '../../shared/domain/packages';
import { createAdminServer } from './admin/server';
import { adminRoutes } from './admin/routes';
import { checkAdminSecret, newAdminSecret } from './admin/secret';
import { altinnHooks, altinnRoutes } from './altinn/routes';
import { REQUEST_TIMEOUT_DAYS } from './altinn/wire';
import { WorldClock } from './clock';
import { idportenIssuer, maskinportenIssuer, type WorldContext, type WorldKeys, type WorldSettings } from './context';
import { FaultInjector } from './faults';
import { createServiceServer, type ServiceServer } from './http/server';
import { idportenHooks, idportenRoutes } from './idporten/routes';
import { generateSigningKey, restoreSigningKey, type SigningKey } from './jwt';
import { findClient, MAX_KEYS_PER_CLIENT } from './maskinporten/clients';
import { JtiRegistry } from './maskinporten/grant';
import { maskinportenHooks, maskinportenRoutes } from './maskinporten/routes';
import type { ClaimsFixture } from './seed/claims-model';
import { generatedClaims } from './seed/claims-generated';
import { isNamedParty, namedClaims } from './seed/claims-named';
import { buildDirectorySliced, type Directory } from './seed/clients';
import { createClientRelations } from './seed/client-relations';
import {
  APIM_SUBSCRIPTION_KEY,
  DEFAULT_CLIENT_COUNT,
  DEFAULT_DEMO_DATE,
  DEFAULT_SEED,
  EXTERNAL_REF_B,
  EXTERNAL_REF_K,
  IDPORTEN_APP_CLIENT_ID,
  IDPORTEN_APP_SCOPES,
  KB_SCOPE,
  REQUEST_A,
  REQUEST_B,
  REQUEST_K,
  RESOURCE_ID,
  SKD_CLIENT_ID,
  SKD_KID,
  SYSTEM_ID,
  SYSTEM_USER_A,
  SYSTEM_USER_B,
  SYSTEM_USER_K,
  VENDOR_CLIENT_ID,
  VENDOR_KID,
} from './seed/identifiers';
import { FIRM, NAMED_CLIENTS, NON_CLIENT, SKATTEETATEN, VENDOR } from './seed/organisations';
import { PERSONS } from './seed/people';
import { MASKINPORTEN_CLIENTS } from './maskinporten/clients';
import { applyPreset, SU_A_PACKAGES, SU_B_PACKAGES, SU_K_PACKAGES } from './state/presets';
import { WorldStore } from './state/store';
import { skatteetatenHooks, skatteetatenRoutes } from './skatteetaten/routes';
import { PdpClient } from './skatteetaten/pdp-client';
import { MaskinportenKeys } from './skatteetaten/token-validation';
import { TrafficLog } from './traffic';
import type { DemoWorld, DemoWorldInfo, DemoWorldOptions, DemoWorldUrls, FaultSpec, Preset, ServiceName } from './types';

const KEY_NAMES = ['maskinporten', 'idporten', 'altinn', 'skatteetatenClient'] as const;
const CLAIMS_CACHE_SIZE = 2_000;

async function loadKeys(store: WorldStore): Promise<WorldKeys> {
  const entries = await Promise.all(
    KEY_NAMES.map(async (name): Promise<[string, SigningKey]> => {
      const saved = store.signingKeys[name];
      const kid = name === 'skatteetatenClient' ? SKD_KID : undefined;
      const key = saved ? await restoreSigningKey(saved.jwk, saved.kid) : await generateSigningKey(kid);
      store.signingKeys[name] = { kid: key.kid, jwk: key.privateJwk };
      return [name, key];
    }),
  );
  return Object.fromEntries(entries) as unknown as WorldKeys;
}

function claimsSource(seed: number, directory: Directory, demoDate: string): (orgNo: string) => ClaimsFixture | null {
  const cache = new Map<string, ClaimsFixture | null>();
  return (orgNo) => {
    if (cache.has(orgNo)) return cache.get(orgNo)!;
    let fixture: ClaimsFixture | null = null;
    if (isNamedParty(orgNo)) fixture = namedClaims(orgNo);
    else {
      const client = directory.clientByOrgNo.get(orgNo);
      if (client) fixture = generatedClaims(seed, orgNo, client.org.name, client.org.form, demoDate);
    }
    if (cache.size >= CLAIMS_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(orgNo, fixture);
    return fixture;
  };
}

function buildInfo(w: WorldContext, preset: Preset, clientCount: number): DemoWorldInfo {
  const delegated = (id: string) =>
    w.directory.clients.filter((c) => w.store.delegations.get(id)?.has(c.org.orgNo)).map((c) => c.org.orgNo);
  const suA = new Set(delegated(SYSTEM_USER_A));
  return {
    urls: w.urls,
    seed: w.seed,
    preset,
    demoDate: w.demoDate,
    clientCount,
    maskinporten: { issuer: maskinportenIssuer(w), tokenEndpoint: `${w.urls.maskinporten}/token`, jwksUri: `${w.urls.maskinporten}/jwk` },
    skatteetaten: {
      orgNo: SKATTEETATEN.orgNo,
      name: SKATTEETATEN.name,
      resourceId: RESOURCE_ID,
      scope: KB_SCOPE,
      maskinportenClientId: SKD_CLIENT_ID,
      kid: SKD_KID,
      apimSubscriptionKey: APIM_SUBSCRIPTION_KEY,
    },
    vendor: {
      orgNo: VENDOR.orgNo,
      name: VENDOR.name,
      systemId: SYSTEM_ID,
      maskinportenClientId: VENDOR_CLIENT_ID,
      kid: VENDOR_KID,
      scopes: [...MASKINPORTEN_CLIENTS.find((c) => c.clientId === VENDOR_CLIENT_ID)!.scopes],
    },
    firm: { orgNo: FIRM.orgNo, name: FIRM.name, partyId: FIRM.partyId, partyUuid: w.directory.partyUuidOfOrg(FIRM.orgNo) },
    requests: { rA: REQUEST_A, rB: REQUEST_B, rK: REQUEST_K },
    systemUsers: {
      suA: { id: SYSTEM_USER_A, requestId: REQUEST_A, externalRef: FIRM.orgNo, packages: SU_A_PACKAGES },
      suB: { id: SYSTEM_USER_B, requestId: REQUEST_B, externalRef: EXTERNAL_REF_B, packages: SU_B_PACKAGES },
      suK: { id: SYSTEM_USER_K, requestId: REQUEST_K, externalRef: EXTERNAL_REF_K, packages: SU_K_PACKAGES, userType: 'standard' },
    },
    persons: PERSONS.map((p) => ({ ...p, partyUuid: w.directory.personPartyUuid(p.pid), rights: [...p.rights] })),
    idporten: { clientId: IDPORTEN_APP_CLIENT_ID, scopes: IDPORTEN_APP_SCOPES, issuer: idportenIssuer(w) },
    clients: {
      named: Object.fromEntries([...NAMED_CLIENTS.map((c) => [c.key, c.orgNo] as const), [NON_CLIENT.key, NON_CLIENT.orgNo] as const]),
      delegated: { [SYSTEM_USER_A]: [...suA], [SYSTEM_USER_B]: delegated(SYSTEM_USER_B) },
      notDelegated: NAMED_CLIENTS.filter(
        (c) => !suA.has(c.orgNo) && isOfferedTo(SU_A_PACKAGES, w.directory.clientByOrgNo.get(c.orgNo)!.packages),
      ).map((c) => c.orgNo),
      generatedSample: w.directory.generatedOrgNos.slice(0, 5),
      nonClient: NON_CLIENT.orgNo,
    },
  };
}

export async function startDemoWorld(opts: DemoWorldOptions = {}): Promise<DemoWorld> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const clientCount = opts.clients ?? DEFAULT_CLIENT_COUNT;
  let preset: Preset = opts.preset ?? 'ready';
  const demoDate = opts.demoDate ?? DEFAULT_DEMO_DATE;
  const log = (line: string): void => {
    if (!opts.quiet) process.stderr.write(`[demo-world] ${line}\n`);
  };

  const store = new WorldStore(seed, opts.stateFile);
  const persisted = store.readFile();
  if (persisted) store.load(persisted);
  const clock = new WorldClock();
  const [keys, directory] = await Promise.all([loadKeys(store), buildDirectorySliced(seed, clientCount)]);
  const urls: DemoWorldUrls = { maskinporten: '', idporten: '', altinn: '', altinnPortal: '', skatteetaten: '', admin: '' };
  const adminSecret = opts.adminSecret === undefined ? newAdminSecret() : checkAdminSecret(opts.adminSecret);
  const settings: WorldSettings = {
    maskinportenErrors: opts.maskinportenErrors ?? 'real',
    requestTimeoutDays: opts.requestTimeoutDays ?? REQUEST_TIMEOUT_DAYS,
  };
  const relations = createClientRelations(directory);
  const w: WorldContext = {
    seed,
    demoDate,
    clock,
    store,
    directory,
    keys,
    urls,
    claimsFor: claimsSource(seed, directory, demoDate),
    settings,
    log,
  };

  const registerOwnKeys = (): void => {
    // Skatteetaten's PDP client key is part of the world, so it is always registered.
    store.jwks.set(SKD_CLIENT_ID, [{ jwk: keys.skatteetatenClient.publicJwk, registeredAt: clock.nowMs() }]);
  };
  if (!persisted) applyPreset(store, preset, clock.nowMs());
  registerOwnKeys();
  store.changed();

  const traffic = new TrafficLog();
  const faults = new FaultInjector(seed);
  if (opts.faults?.length) faults.set(opts.faults);
  const jtis = new JtiRegistry();
  const mpKeys = new MaskinportenKeys(w);
  const pdp = new PdpClient(w);
  const common = { traffic, faults, clock, latencyMs: opts.latencyMs ?? 0, log };
  const services: Array<[ServiceName, ServiceServer]> = [
    [
      'maskinporten',
      createServiceServer({ ...common, service: 'maskinporten', router: maskinportenRoutes(w, jtis), hooks: maskinportenHooks }),
    ],
    ['idporten', createServiceServer({ ...common, service: 'idporten', router: idportenRoutes(w), hooks: idportenHooks })],
    ['altinn', createServiceServer({ ...common, service: 'altinn', router: altinnRoutes(w), hooks: altinnHooks })],
    [
      'skatteetaten',
      createServiceServer({ ...common, service: 'skatteetaten', router: skatteetatenRoutes(w, mpKeys, pdp), hooks: skatteetatenHooks }),
    ],
  ];

  let info: DemoWorldInfo;
  const world: DemoWorld = {
    urls,
    adminSecret,
    get info() {
      return info;
    },
    admin: {
      async reset(next?: Preset) {
        preset = next ?? preset;
        clock.reset();
        jtis.clear();
        pdp.clear();
        applyPreset(store, preset, clock.nowMs());
        registerOwnKeys();
        info = buildInfo(w, preset, clientCount);
        log(`reset to preset ${preset}`);
      },
      setFaults: (f: FaultSpec[]) => faults.set(f),
      clearFaults: () => faults.clear(),
      registerJwk(clientId, jwk) {
        if (!findClient(clientId)) throw new Error(`Unknown Maskinporten client ${clientId}`);
        if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e || !jwk.kid) throw new Error('Only RSA public keys with kid, n and e can be registered');
        for (const [other, list] of store.jwks) {
          if (other !== clientId && list.some((k) => k.jwk.kid === jwk.kid))
            throw new Error(`kid ${jwk.kid} is already used by another client`);
        }
        const list = (store.jwks.get(clientId) ?? []).filter((k) => k.jwk.kid !== jwk.kid);
        if (list.length >= MAX_KEYS_PER_CLIENT) throw new Error(`A client may have at most ${MAX_KEYS_PER_CLIENT} keys`);
        list.push({ jwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid: jwk.kid, alg: 'RS256', use: 'sig' }, registeredAt: clock.nowMs() });
        store.jwks.set(clientId, list);
        store.changed();
        log(`registered key ${jwk.kid} for client ${clientId}`);
      },
      advanceClock: (seconds) => clock.advance(seconds),
      settings: () => ({ ...settings }),
      setSettings(next) {
        Object.assign(settings, next);
        log(`settings: ${JSON.stringify(settings)}`);
      },
      delegatedClients: (systemUserId) => [...(store.delegations.get(systemUserId.toLowerCase()) ?? [])],
      clientRelation(change, orgNo, roles) {
        const result = change === 'leave' ? relations.leave(orgNo) : relations.join(orgNo, roles);
        if (!result.ok) return result;
        log(`${orgNo} ${change === 'leave' ? 'is no longer' : 'is now'} a client of the firm`);
        return { ok: true };
      },
    },
    traffic: { list: (since) => traffic.list(since), subscribe: (cb) => traffic.subscribe(cb) },
    async close() {
      await Promise.all([...services.map(([, s]) => s.close()), admin.close()]);
      store.flush();
    },
  };

  const admin = createAdminServer(
    adminRoutes(
      () => world,
      () => info,
      {
        setScopeAccess(scope, orgNo, granted) {
          const list = store.scopeAccess.get(scope) ?? new Set<string>();
          if (granted) list.add(orgNo);
          else list.delete(orgNo);
          store.scopeAccess.set(scope, list);
          store.changed();
        },
        faultList: () => faults.list(),
        worldNow: () => clock.nowIso(),
      },
    ),
    adminSecret,
    log,
  );

  const firstPort = opts.port ?? 0;
  try {
    for (const [i, [name, server]] of services.entries()) urls[name] = await server.listen(firstPort === 0 ? 0 : firstPort + i);
    urls.altinnPortal = urls.altinn;
    urls.admin = await admin.listen(firstPort === 0 ? 0 : firstPort + services.length);
  } catch (err) {
    await Promise.allSettled([...services.map(([, s]) => s.close()), admin.close()]);
    throw err;
  }
  info = buildInfo(w, preset, clientCount);
  log(`started with ${directory.clients.length} clients (seed ${seed}, preset ${preset}${persisted ? ', state restored' : ''})`);
  return world;
}
