// The environment the app is connected to right now: its service clients, the key vault and the signed-in
// person. Demo is an environment like the others: a demo world (started by the shell, or running on its own)
// describes its endpoints and ids over its admin API, and every look-up after that goes through the same code
// as in Test and Production. Switching environment tears all of it down first, so no token, session or cached
// answer of one environment is ever used in another.
import { join } from 'node:path';
import type { Session } from '../../shared/contract/app';
import type { EnvironmentId } from '../../shared/contract/define';
import { formatOrgNumber } from '../../shared/domain/orgnr';
import { AppError } from '../../shared/errors';
import type { AgentSystemUser } from '../services/altinn/client-delegation';
import { requireScopes } from '../services/altinn/scopes';
import { ALTINN_END_USER_SCOPES, buildEnvironment, type EnvironmentConfig, type EnvironmentEndpoints } from '../platform/environments';
import { openEnvironment, type EnvironmentServices } from '../services/environment-services';
import { isServiceError, LocalCodes } from '../platform/errors';
import type { Exchange } from '../platform/http/http-client';
import { KeyVault, type PublicJwk } from '../platform/keys/key-vault';
import type { KeyProtection } from '../platform/keys/protector';
import type { SettingsStore } from '../platform/settings/settings-store';
import type { WorldLease, WorldProvider } from '../services/world/connection';
import { ConnectedWorld } from '../services/world/connected-world';
import { environmentFromWorld, testPersons } from '../services/world/world-environment';
import type { DemoPerson, EndUserAltinn, KravPort } from './ports';

export interface RuntimeOptions {
  dataDir: string;
  settings: SettingsStore;
  protector: KeyProtection;
  openExternal?: (url: string) => Promise<void>;
  /** Environments whose endpoints and ids a demo world describes, and where that world comes from. */
  worlds: Partial<Record<EnvironmentId, WorldProvider>>;
  /** Addresses that differ from the published ones (ID-porten's hosts are unconfirmed; tests use a world's). */
  endpointOverrides?: Partial<Record<EnvironmentId, Partial<EnvironmentEndpoints>>>;
  onChange(): void;
  onExchange?(exchange: Exchange): void;
}

interface SignedIn {
  session: Session;
  /** The firm's party UUID as Altinn told it (agents' `partyUuId`, else `authorizedparties`). */
  firmPartyUuid: string | null;
}

/** What the client administrator's work needs of the login; checked before an empty 403 is read as a role. */
const CLIENT_DELEGATION_SCOPES = [ALTINN_END_USER_SCOPES.clientDelegationsRead, ALTINN_END_USER_SCOPES.clientDelegationsWrite];

const PROBE_INTERVAL_MS = 10_000;

export class EnvironmentRuntime {
  #world: ConnectedWorld | null = null;
  #lease: WorldLease | null = null;
  #persons: DemoPerson[] = [];
  #services: EnvironmentServices | null = null;
  #vault: KeyVault | null = null;
  #signedIn: SignedIn | null = null;
  #online = true;
  #probe: NodeJS.Timeout | null = null;
  #activating: Promise<void> | null = null;
  #environment: EnvironmentId;
  #pendingLogin: AbortController | null = null;
  /** Why the last connection attempt failed, so "not connected" can say it. */
  #connectFailure: unknown = null;

  constructor(private readonly options: RuntimeOptions) {
    this.#environment = options.settings.get().environment;
  }

  get environment(): EnvironmentId {
    return this.#environment;
  }
  /** The demo world behind the current environment, seen through its admin API; null where there is none. */
  get world(): ConnectedWorld | null {
    return this.#world;
  }
  get online(): boolean {
    return this.#online;
  }
  get session(): Session | null {
    return this.#signedIn?.session ?? null;
  }

  async vault(): Promise<KeyVault> {
    this.#vault ??= await KeyVault.open({ file: join(this.options.dataDir, 'keys.json'), protector: this.options.protector });
    return this.#vault;
  }

  services(): EnvironmentServices {
    if (!this.#services) {
      if (this.#connectFailure instanceof AppError) throw this.#connectFailure;
      throw new AppError('NOT_CONNECTED', `Klientdesk is still connecting to the ${this.#environment} environment.`, undefined, {
        environment: this.#environment,
      });
    }
    return this.#services;
  }

  /** Connects to the configured environment; a second call while one runs waits for it. */
  async activate(environment: EnvironmentId = this.options.settings.get().environment): Promise<void> {
    const run = async (): Promise<void> => {
      await this.teardown();
      this.#environment = environment;
      this.#connectFailure = null;
      const vault = await this.vault();
      const provider = this.options.worlds[environment];
      let config: EnvironmentConfig;
      try {
        config = provider ? await this.connectWorld(provider, environment) : this.configuredEnvironment(environment);
        if (this.#world) await this.publishKeys(vault, this.#world, config);
      } catch (error) {
        this.#connectFailure = error;
        await this.teardown();
        this.options.onChange();
        throw error;
      }
      this.#services = openEnvironment(config, { vault, openExternal: this.options.openExternal, onExchange: (e) => this.noteExchange(e) });
      this.#online = true;
      this.#probe = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
      this.#probe.unref();
      this.options.onChange();
    };
    this.#activating = (this.#activating ?? Promise.resolve()).then(run, run);
    return this.#activating;
  }

  /** A world describes the environment: its endpoints, the firm, the vendor's ids and the test persons. */
  private async connectWorld(provider: WorldProvider, environment: EnvironmentId): Promise<EnvironmentConfig> {
    const lease = await provider.acquire();
    try {
      this.#world = await ConnectedWorld.connect(lease.connection);
    } catch (error) {
      await lease.release();
      throw error;
    }
    this.#lease = lease;
    this.#persons = testPersons(this.#world.info);
    return environmentFromWorld(environment, this.#world.info);
  }

  private configuredEnvironment(environment: EnvironmentId): EnvironmentConfig {
    const saved = this.options.settings.get().environments[environment];
    return buildEnvironment(
      environment,
      {
        firmOrgNumber: saved.firmOrgNumber,
        maskinportenClientId: saved.maskinportenClientId,
        ...(saved.kid ? { kid: saved.kid } : {}),
        idportenClientId: saved.idportenClientId,
        systemId: saved.systemId,
      },
      { endpointOverrides: this.options.endpointOverrides?.[environment] },
    );
  }

  /**
   * A demo world verifies grants only against keys uploaded to it, as Maskinporten does; the app uploads its
   * public keys through the world's admin API, making one first if the vault has none for this environment.
   */
  private async publishKeys(vault: KeyVault, world: ConnectedWorld, config: EnvironmentConfig): Promise<void> {
    // A locked vault cannot make a key; the public keys it has are uploaded now, a first key once unlocked.
    if (vault.isUnlocked && !vault.list(config.id).some((k) => k.status === 'active')) await vault.generate({ environment: config.id });
    for (const key of vault.list(config.id).filter((k) => k.status !== 'retired')) {
      await world.admin.registerJwk(config.settings.maskinportenClientId, key.publicJwk);
    }
  }

  /** Uploads one new public key before the vault keeps it, so a key the world refuses is never saved. */
  async registerDemoKey(jwk: PublicJwk): Promise<void> {
    const world = this.#world;
    const services = this.#services;
    if (!world || !services) return;
    try {
      await world.admin.registerJwk(services.config.settings.maskinportenClientId, jwk);
    } catch (error) {
      throw new AppError(
        'KEY_REGISTRATION_FAILED',
        `Maskinporten did not accept the key: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Keys generated or imported while a world describes the environment are uploaded at once. */
  async registerDemoKeys(): Promise<void> {
    const world = this.#world;
    const services = this.#services;
    if (world && services) await this.publishKeys(await this.vault(), world, services.config);
  }

  private noteExchange(exchange: Exchange): void {
    const transportFailure = exchange.status === undefined && exchange.error !== undefined;
    if (transportFailure && this.#online && !exchange.willRetry) this.setOnline(false);
    if (exchange.status !== undefined && !this.#online) this.setOnline(true);
    this.options.onExchange?.(exchange);
  }

  private setOnline(online: boolean): void {
    if (this.#online === online) return;
    this.#online = online;
    this.options.onChange();
  }

  /** A cheap look at the Maskinporten metadata tells whether the environment answers at all. */
  async probe(): Promise<boolean> {
    const services = this.#services;
    if (!services) return false;
    const url = new URL('.well-known/oauth-authorization-server', services.config.endpoints.maskinporten.issuer).toString();
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      this.setOnline(res.status < 500);
    } catch {
      this.setOnline(false);
    }
    return this.#online;
  }

  demoPersons(): DemoPerson[] {
    return this.#persons;
  }

  async signIn(pid?: string): Promise<Session> {
    const services = this.services();
    const firmOrgNumber = services.config.settings.firmOrgNumber;
    let name: string;
    if (this.#persons.length > 0) {
      // This ID-porten's login page offers test persons; the app fills in the one chosen on its own screen.
      if (!pid) throw new AppError('CHOOSE_PERSON', 'Choose which test person to sign in as.');
      const person = this.#persons.find((p) => p.pid === pid);
      if (!person) throw new AppError('UNKNOWN_PERSON', 'That person is not among the test persons of this environment.');
      await services.loginDemo(pid);
      name = person.name;
    } else {
      this.#pendingLogin?.abort();
      const pending = new AbortController();
      this.#pendingLogin = pending;
      try {
        const user = await services.login(pending.signal);
        name = user.pid ? `${user.pid.slice(0, 6)}*****` : 'ID-porten user';
      } finally {
        if (this.#pendingLogin === pending) this.#pendingLogin = null;
      }
    }
    const user = services.session.user;
    // An empty 403 cannot tell a missing scope from a missing role, so the token's own scopes are checked first.
    requireScopes(user?.scopes, CLIENT_DELEGATION_SCOPES);
    const agents = await this.agentsIfClientAdmin(services, firmOrgNumber);
    const session: Session = {
      person: { name, pid: user?.pid ?? pid ?? '' },
      firm: { orgNumber: firmOrgNumber, name: services.config.settings.firmName ?? formatOrgNumber(firmOrgNumber) },
      environment: this.#environment,
      isClientAdmin: agents !== null,
      signedInAt: new Date().toISOString(),
      expiresAt: user?.expiresAt ? new Date(user.expiresAt * 1000).toISOString() : null,
    };
    this.#signedIn = { session, firmPartyUuid: agents ? await this.firmPartyUuid(services, firmOrgNumber, agents) : null };
    this.options.onChange();
    return session;
  }

  /** Altinn answers an empty 403 to anyone without the Client administrator right; that is the test. */
  private async agentsIfClientAdmin(services: EnvironmentServices, firmOrgNumber: string): Promise<AgentSystemUser[] | null> {
    try {
      return await services.clientDelegation.listAgentSystemUsers(firmOrgNumber);
    } catch (error) {
      if (isServiceError(error) && error.code === LocalCodes.NoClientAdmin) return null;
      throw error;
    }
  }

  /**
   * Access Management addresses the firm by party UUID, which only Altinn knows: the agent system users'
   * `partyUuId` when Altinn fills it in (real answers mostly carry ""), else the parties the signed-in person
   * may act for. A login without the authorizedparties scope fails here with MISSING_SCOPE naming it.
   */
  private async firmPartyUuid(services: EnvironmentServices, orgNumber: string, agents: AgentSystemUser[]): Promise<string> {
    const fromAgents = agents.find((su) => su.partyUuid)?.partyUuid;
    if (fromAgents) return fromAgents;
    requireScopes(services.session.user?.scopes, [ALTINN_END_USER_SCOPES.authorizedParties]);
    const found = await services.accessManagement.partyUuidOf(orgNumber);
    if (!found) {
      throw new AppError(
        'FIRM_PARTY_UNKNOWN',
        `Altinn does not list ${formatOrgNumber(orgNumber)} among the parties you may act for, so its client list cannot be read. Check the firm's organisation number in Settings.`,
      );
    }
    return found;
  }

  /** The user gave up waiting for the browser: stop listening on the loopback redirect. */
  cancelSignIn(): void {
    this.#pendingLogin?.abort();
    this.#pendingLogin = null;
  }

  signOut(): void {
    this.#services?.logout();
    this.#signedIn = null;
    this.options.onChange();
  }

  /** The signed-in client administrator's Altinn, as the features see it. */
  altinn(): EndUserAltinn {
    const services = this.services();
    const signedIn = this.#signedIn;
    if (!signedIn || !services.session.isLoggedIn) {
      throw new AppError(LocalCodes.NotLoggedIn, 'Sign in as the firm’s client administrator first.');
    }
    const { session, firmPartyUuid } = signedIn;
    const firm = { orgNumber: session.firm.orgNumber, name: session.firm.name, partyUuid: firmPartyUuid ?? '' };
    return {
      firm,
      listAgentSystemUsers: async () =>
        (await services.clientDelegation.listAgentSystemUsers(firm.orgNumber)).map((su) => ({
          id: su.id,
          title: su.integrationTitle,
          systemId: su.systemId,
          externalRef: su.externalRef ?? firm.orgNumber,
          packages: su.packages,
          created: su.created ?? '',
        })),
      listFirmClients: async () => {
        if (!firmPartyUuid) {
          throw new AppError(LocalCodes.NoClientAdmin, 'Only the firm’s client administrator can read its client list.');
        }
        return (await services.accessManagement.listClients(firmPartyUuid))
          .filter((c) => c.orgNumber)
          .map((c) => ({
            partyUuid: c.partyUuid,
            orgNumber: c.orgNumber!,
            name: c.name,
            variant: c.variant ?? '',
            parentOrgNumber: c.parentOrgNumber ?? null,
            relationships: c.relationships,
            packages: c.packages,
          }));
      },
      listDelegatedClients: async (systemUserId) => services.clientDelegation.delegatedClients(systemUserId),
      addClient: async (systemUserId, clientPartyUuid) => ({
        correlationId: (await services.clientDelegation.addClient(systemUserId, clientPartyUuid)).correlationId,
      }),
      removeClient: async (systemUserId, clientPartyUuid) => ({
        correlationId: (await services.clientDelegation.removeClient(systemUserId, clientPartyUuid)).correlationId,
      }),
    };
  }

  krav(): KravPort {
    const services = this.services();
    return {
      openClaims: async (orgNumber, options) => {
        const client = options?.externalRef
          ? services.kravOgBetalingerAs({ orgNumber: services.config.settings.firmOrgNumber, externalRef: options.externalRef })
          : services.kravOgBetalinger;
        return client.openClaims(orgNumber);
      },
    };
  }

  private async teardown(): Promise<void> {
    if (this.#probe) clearInterval(this.#probe);
    this.#probe = null;
    this.#signedIn = null;
    this.#services?.dispose();
    this.#services = null;
    this.#world = null;
    this.#persons = [];
    const lease = this.#lease;
    this.#lease = null;
    await lease?.release();
  }

  async close(): Promise<void> {
    await this.teardown();
  }
}
