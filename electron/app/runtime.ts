// The environment the app is connected to right now: its service clients, the key vault and the signed-in
// person. Demo is an environment like the others: a demo world (started by the shell, or running on its own)
// describes its endpoints and ids over its admin API, and every look-up after that goes through the same code
// as in Test and Production. Switching environment tears all of it down first, so no token, session or cached
// answer of one environment is ever used in another. The parts live beside it: environment/ (connecting,
// demo keys, the online watch) and session/ (sign-in, the client-admin check, the Altinn and K&B ports).
import { join } from 'node:path';
import type { Session } from '../../shared/contract/app';
import type { EnvironmentId } from '../../shared/contract/define';
import { AppError } from '../../shared/errors';
import type { EnvironmentConfig, EnvironmentEndpoints } from '../platform/environments';
import { openEnvironment, type EnvironmentServices } from '../services/environment-services';
import type { Exchange } from '../platform/http/http-client';
import { KeyVault, type PublicJwk } from '../platform/keys/key-vault';
import type { KeyProtection } from '../platform/keys/protector';
import type { SettingsStore } from '../platform/settings/settings-store';
import type { WorldLease, WorldProvider } from '../services/world/connection';
import type { ConnectedWorld } from '../services/world/connected-world';
import { connectEnvironment } from './environment/connect';
import { publishKeys, registerKey } from './environment/demo-keys';
import { OnlineWatch } from './environment/online-watch';
import type { DemoPerson, EndUserAltinn, KravPort } from './ports';
import { endUserAltinn, kravPort } from './session/altinn-ports';
import { PendingLogin, signIn, type SignedIn } from './session/sign-in';

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
  now?(): Date;
}

export class EnvironmentRuntime {
  #world: ConnectedWorld | null = null;
  #lease: WorldLease | null = null;
  #persons: DemoPerson[] = [];
  #services: EnvironmentServices | null = null;
  #vault: KeyVault | null = null;
  #signedIn: SignedIn | null = null;
  #activating: Promise<void> | null = null;
  #environment: EnvironmentId;
  readonly #pendingLogin = new PendingLogin();
  readonly #onlineWatch: OnlineWatch;
  /** Why the last connection attempt failed, so "not connected" can say it. */
  #connectFailure: unknown = null;

  constructor(private readonly options: RuntimeOptions) {
    this.#environment = options.settings.get().environment;
    this.#onlineWatch = new OnlineWatch(() => options.onChange());
  }

  get environment(): EnvironmentId {
    return this.#environment;
  }
  /** The demo world behind the current environment, seen through its admin API; null where there is none. */
  get world(): ConnectedWorld | null {
    return this.#world;
  }
  /** Whether the environment's services are up: false while it connects, and after a connection failed. */
  get connected(): boolean {
    return this.#services !== null;
  }
  /** Whether the last try to connect failed (false again once a new one begins). */
  get connectFailed(): boolean {
    return this.#connectFailure !== null;
  }
  get online(): boolean {
    return this.#onlineWatch.online;
  }
  get session(): Session | null {
    return this.#signedIn?.session ?? null;
  }
  /** Whether a demo world describes this environment (so a changed world address applies to it). */
  hasWorld(environment: EnvironmentId): boolean {
    return this.options.worlds[environment] !== undefined;
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
      let vault: KeyVault;
      let config: EnvironmentConfig;
      try {
        // Inside: a vault that will not open (a passphrase from the environment that is too weak, say) is why
        // the environment is down, and the calls that need it say so instead of "still connecting".
        vault = await this.vault();
        const connected = await connectEnvironment(environment, {
          settings: this.options.settings,
          world: this.options.worlds[environment],
          endpointOverrides: this.options.endpointOverrides?.[environment],
        });
        ({ config } = connected);
        this.#world = connected.world;
        this.#lease = connected.lease;
        this.#persons = connected.persons;
        if (this.#world) await publishKeys(vault, this.#world, config);
      } catch (error) {
        this.#connectFailure = error;
        await this.teardown();
        this.options.onChange();
        throw error;
      }
      this.#services = openEnvironment(config, {
        vault,
        openExternal: this.options.openExternal,
        onExchange: (e) => {
          this.#onlineWatch.note(e);
          this.options.onExchange?.(e);
        },
      });
      this.#onlineWatch.start(config.endpoints.maskinporten.issuer);
      this.options.onChange();
    };
    this.#activating = (this.#activating ?? Promise.resolve()).then(run, run);
    return this.#activating;
  }

  /** Uploads one new public key to the demo world before the vault keeps it; nothing to do without a world. */
  async registerDemoKey(jwk: PublicJwk): Promise<void> {
    const world = this.#world;
    const services = this.#services;
    if (world && services) await registerKey(world, services.config, jwk);
  }

  /** Keys generated or imported while a world describes the environment are uploaded at once. */
  async registerDemoKeys(): Promise<void> {
    const world = this.#world;
    const services = this.#services;
    if (world && services) await publishKeys(await this.vault(), world, services.config);
  }

  probe(): Promise<boolean> {
    return this.#onlineWatch.probe();
  }

  demoPersons(): DemoPerson[] {
    // No world to ask for its persons because connecting failed: the sign-in dialog shows why, not "not started yet".
    if (this.#persons.length === 0 && this.#connectFailure instanceof AppError) throw this.#connectFailure;
    return this.#persons;
  }

  async signIn(pid?: string): Promise<Session> {
    const services = this.services();
    this.#signedIn = await signIn({
      services,
      environment: this.#environment,
      persons: this.#persons,
      pid,
      pending: this.#pendingLogin,
      now: this.options.now ?? (() => new Date()),
    });
    this.options.onChange();
    return this.#signedIn.session;
  }

  /** The user gave up waiting for the browser: stop listening on the loopback redirect. */
  cancelSignIn(): void {
    this.#pendingLogin.cancel();
  }

  signOut(): void {
    this.#services?.logout();
    this.#signedIn = null;
    this.options.onChange();
  }

  /** The signed-in client administrator's Altinn, as the features see it. */
  altinn(): EndUserAltinn {
    return endUserAltinn(this.services(), this.#signedIn);
  }

  krav(): KravPort {
    return kravPort(this.services());
  }

  private async teardown(): Promise<void> {
    this.#onlineWatch.stop();
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
