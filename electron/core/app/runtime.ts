// The environment the app is connected to right now: the demo world (started in-process), the key vault,
// the service clients and the signed-in person. Switching environment tears all of it down first, so no
// token, session or cached answer of one environment is ever used in another.
import { join } from 'node:path';
import type { Session } from '../../../shared/contract/app';
import type { EnvironmentId } from '../../../shared/contract/define';
import { formatOrgNumber, orgPartyUuid } from '../../../shared/domain/orgnr';
import { AppError } from '../../../shared/errors';
import { startDemoWorld, type DemoWorld } from '../../demo';
import { buildEnvironment, type EnvironmentConfig } from '../environments/environments';
import { openEnvironment, type EnvironmentServices } from '../environments/environment-services';
import { isServiceError, LocalCodes } from '../errors';
import type { Exchange } from '../http/http-client';
import { KeyVault } from '../keys/key-vault';
import type { NamedProtector } from '../keys/protector';
import type { SettingsStore } from '../settings/settings-store';
import type { DemoPerson, EndUserAltinn, KravPort } from './ports';

export interface RuntimeOptions {
  dataDir: string;
  settings: SettingsStore;
  protector: NamedProtector;
  openExternal?: (url: string) => Promise<void>;
  /** Demo world size; the default seed is a few hundred clients. */
  demoClients?: number;
  onChange(): void;
  onExchange?(exchange: Exchange): void;
}

interface SignedIn {
  session: Session;
}

const PROBE_INTERVAL_MS = 10_000;

export class EnvironmentRuntime {
  #world: DemoWorld | null = null;
  #services: EnvironmentServices | null = null;
  #vault: KeyVault | null = null;
  #signedIn: SignedIn | null = null;
  #online = true;
  #probe: NodeJS.Timeout | null = null;
  #activating: Promise<void> | null = null;
  #environment: EnvironmentId;
  #pendingLogin: AbortController | null = null;
  readonly #firmPartyUuids = new Map<string, string>();

  constructor(private readonly options: RuntimeOptions) {
    this.#environment = options.settings.get().environment;
  }

  get environment(): EnvironmentId {
    return this.#environment;
  }
  get world(): DemoWorld | null {
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
    if (!this.#services)
      throw new AppError('NOT_CONNECTED', `Klientdesk is still connecting to the ${this.#environment} environment.`, undefined, {
        environment: this.#environment,
      });
    return this.#services;
  }

  /** Connects to the configured environment; a second call while one runs waits for it. */
  async activate(environment: EnvironmentId = this.options.settings.get().environment): Promise<void> {
    const run = async (): Promise<void> => {
      await this.teardown();
      this.#environment = environment;
      const vault = await this.vault();
      let config: EnvironmentConfig;
      if (environment === 'demo') {
        this.#world = await startDemoWorld({
          port: 0,
          clients: this.options.demoClients,
          stateFile: join(this.options.dataDir, 'demo-world.json'),
          quiet: true,
        });
        await this.ensureDemoKey(vault, this.#world);
        config = buildEnvironment('demo', {}, { demoUrls: this.#world.urls });
      } else {
        const saved = this.options.settings.get().environments[environment];
        config = buildEnvironment(environment, {
          firmOrgNumber: saved.firmOrgNumber,
          maskinportenClientId: saved.maskinportenClientId,
          ...(saved.kid ? { kid: saved.kid } : {}),
          idportenClientId: saved.idportenClientId,
          systemId: saved.systemId,
        });
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

  /** In the demo world the vendor's public key must be registered before any grant can be verified. */
  private async ensureDemoKey(vault: KeyVault, world: DemoWorld): Promise<void> {
    if (!vault.list('demo').some((k) => k.status === 'active')) await vault.generate({ environment: 'demo' });
    const clientId = world.info.vendor.maskinportenClientId;
    for (const key of vault.list('demo').filter((k) => k.status !== 'retired')) world.admin.registerJwk(clientId, key.publicJwk);
  }

  /** Keys generated or imported while the demo runs are registered at once, as the vendor would upload them. */
  async registerDemoKeys(): Promise<void> {
    if (this.#world) await this.ensureDemoKey(await this.vault(), this.#world);
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
    return this.#world ? this.#world.info.persons.map((p) => ({ pid: p.pid, name: p.name, role: describeRights(p.rights) })) : [];
  }

  async signIn(pid?: string): Promise<Session> {
    const services = this.services();
    const firmOrgNumber = services.config.settings.firmOrgNumber;
    let name: string;
    if (this.#environment === 'demo') {
      if (!pid) throw new AppError('CHOOSE_PERSON', 'Choose which test person to sign in as.');
      const person = this.demoPersons().find((p) => p.pid === pid);
      if (!person) throw new AppError('UNKNOWN_PERSON', 'That person is not in the demo world.');
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
    const isClientAdmin = await this.checkClientAdmin(services, firmOrgNumber);
    const user = services.session.user;
    const session: Session = {
      person: { name, pid: user?.pid ?? pid ?? '' },
      firm: { orgNumber: firmOrgNumber, name: this.firmName(firmOrgNumber) },
      environment: this.#environment,
      isClientAdmin,
      signedInAt: new Date().toISOString(),
      expiresAt: user?.expiresAt ? new Date(user.expiresAt * 1000).toISOString() : null,
    };
    this.#signedIn = { session };
    this.options.onChange();
    return session;
  }

  private firmName(orgNumber: string): string {
    if (this.#world && this.#world.info.firm.orgNo === orgNumber) return this.#world.info.firm.name;
    return formatOrgNumber(orgNumber);
  }

  /** Altinn answers an empty 403 to anyone without the Client administrator right; that is the test. */
  private async checkClientAdmin(services: EnvironmentServices, firmOrgNumber: string): Promise<boolean> {
    try {
      await services.clientDelegation.listAgentSystemUsers(firmOrgNumber);
      return true;
    } catch (error) {
      if (isServiceError(error) && error.status === 403) return false;
      throw error;
    }
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
    const session = this.#signedIn?.session;
    if (!session || !services.session.isLoggedIn) {
      throw new AppError(LocalCodes.NotLoggedIn, 'Sign in as the firm’s client administrator first.');
    }
    const firm = { orgNumber: session.firm.orgNumber, name: session.firm.name, partyUuid: orgPartyUuid(session.firm.orgNumber) };
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
      listFirmClients: async () =>
        (await services.accessManagement.listClients(await this.firmPartyUuid(services, firm.orgNumber)))
          .filter((c) => c.orgNumber)
          .map((c) => ({
            partyUuid: c.partyUuid,
            orgNumber: c.orgNumber!,
            name: c.name,
            variant: c.variant ?? '',
            parentOrgNumber: c.parentOrgNumber ?? null,
            relationships: c.relationships,
            packages: c.packages,
          })),
      listDelegatedClients: async (systemUserId) => services.clientDelegation.delegatedClients(systemUserId),
      addClient: async (systemUserId, clientPartyUuid) => ({
        correlationId: (await services.clientDelegation.addClient(systemUserId, clientPartyUuid)).correlationId,
      }),
      removeClient: async (systemUserId, clientPartyUuid) => ({
        correlationId: (await services.clientDelegation.removeClient(systemUserId, clientPartyUuid)).correlationId,
      }),
    };
  }

  /**
   * Access Management addresses the firm by party UUID. The demo world follows Altinn's test-data convention;
   * elsewhere the agent system users' `partyUuId` carries it (when Altinn fills it in), then the parties the
   * signed-in person may act for.
   */
  private async firmPartyUuid(services: EnvironmentServices, orgNumber: string): Promise<string> {
    if (this.#environment === 'demo') return orgPartyUuid(orgNumber);
    const cached = this.#firmPartyUuids.get(orgNumber);
    if (cached) return cached;
    const fromAgents = (await services.clientDelegation.listAgentSystemUsers(orgNumber)).find((su) => su.partyUuid)?.partyUuid;
    const found = fromAgents ?? (await services.accessManagement.partyUuidOf(orgNumber));
    if (!found) {
      throw new AppError(
        'FIRM_PARTY_UNKNOWN',
        `Altinn did not tell which party ${formatOrgNumber(orgNumber)} is, so its client list cannot be read.`,
        undefined,
        { orgNumber: formatOrgNumber(orgNumber) },
      );
    }
    this.#firmPartyUuids.set(orgNumber, found);
    return found;
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
    this.#firmPartyUuids.clear();
    this.#services?.dispose();
    this.#services = null;
    const world = this.#world;
    this.#world = null;
    await world?.close();
  }

  async close(): Promise<void> {
    await this.teardown();
  }
}

/** How the demo's test persons are introduced on the sign-in screen. */
function describeRights(rights: readonly string[]): string {
  if (rights.includes('klientadministrator')) return 'client_admin';
  if (rights.includes('tilgangsstyrer')) return 'access_manager';
  return 'employee';
}

/** Tells a typed NOT_SIGNED_IN apart from other failures, for views that show "sign in first". */
export const isNotSignedIn = (error: unknown): boolean => isServiceError(error) && error.code === LocalCodes.NotLoggedIn;
