// Row 2: Maskinporten token requests for 1,000 Krav og betalinger calls as one system user, against the ideal of
// one request per token lifetime. The calls are spread over simulated time (the app's clock and the demo world's
// clock are moved forward together), so refreshes happen the way they would in a long session, without waiting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoWorld } from '../../electron/demo';
import { buildEnvironment } from '../../electron/platform/environments';
import { openEnvironment } from '../../electron/services/environment-services';
import { systemClock, type Clock } from '../../electron/platform/http/clock';
import { KeyVault } from '../../electron/platform/keys/key-vault';
import { passphraseProtector } from '../../electron/platform/keys/protector';
import { REFRESH_MARGIN_SECONDS } from '../../electron/services/maskinporten/token-cache';
import { round, type BenchRow } from '../row';

const CALLS = 1000;
const CALLS_PER_STEP = 10;
/** Simulated seconds between two bursts of calls: 100 bursts cover 900 s, several token lifetimes. */
const STEP_SECONDS = 9;

/** The system clock shifted by however far the benchmark has moved time. */
function shiftedClock(): Clock & { advance(seconds: number): void } {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    sleep: systemClock.sleep,
    advance: (seconds) => (offsetMs += seconds * 1000),
  };
}

export const tokenReuse: BenchRow = {
  id: 'token-reuse',
  title: 'Token reuse (1,000 K&B calls)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kd-bench-tokens-'));
    const world = await startDemoWorld({ port: 0, quiet: true, preset: 'ready' });
    try {
      const vault = await KeyVault.open({
        file: join(dir, 'keys.json'),
        protector: passphraseProtector('bench-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
      });
      const key = await vault.generate({ environment: 'demo' });
      world.admin.registerJwk(world.info.vendor.maskinportenClientId, key.publicJwk);
      const clock = shiftedClock();
      const services = openEnvironment(buildEnvironment('demo', {}, { demoUrls: world.urls }), { vault, clock });
      const suA = world.info.systemUsers.suA;
      const clients = world.info.clients.delegated[suA.id] ?? [];
      if (clients.length === 0) throw new Error('the ready preset has no clients delegated to SU-A');

      // The same system user and scopes the K&B client asks for, so this hits its cache entry.
      const { settings } = services.config;
      const tokenOf = () =>
        services.maskinporten.systemUserToken({ orgNumber: settings.firmOrgNumber, externalRef: settings.externalRef }, [
          settings.scopes.kravOgBetalinger,
        ]);
      let lifetimeSeconds = 0;
      const started = performance.now();
      for (let done = 0; done < CALLS; done += CALLS_PER_STEP) {
        // A burst of concurrent calls: at a refresh they must share one token request (single flight).
        await Promise.all(
          Array.from({ length: CALLS_PER_STEP }, (_, i) => services.kravOgBetalinger.openClaims(clients[(done + i) % clients.length]!)),
        );
        // Read from the cache right after a burst, so it never adds a request of its own.
        if (done === 0) lifetimeSeconds = (await tokenOf()).expiresInSeconds;
        clock.advance(STEP_SECONDS);
        world.admin.advanceClock(STEP_SECONDS);
      }
      const wallMs = performance.now() - started;
      const requests = services.maskinporten.tokenRequestCount;
      services.dispose();

      const durationSeconds = (CALLS / CALLS_PER_STEP) * STEP_SECONDS;
      const ideal = Math.ceil(durationSeconds / (lifetimeSeconds - REFRESH_MARGIN_SECONDS));
      return {
        id: this.id,
        title: this.title,
        subject: { label: 'token requests made', value: requests, unit: 'requests' },
        baseline: {
          label: `ideal ceil(${durationSeconds} s / (${lifetimeSeconds} s − ${REFRESH_MARGIN_SECONDS} s))`,
          value: ideal,
          unit: 'requests',
        },
        ratio: round(requests / ideal),
        note: `1 = one request per token lifetime; ${CALLS} calls over ${durationSeconds} simulated s in bursts of ${CALLS_PER_STEP}; without a cache it would be ${CALLS}`,
        extra: [{ label: 'K&B calls/s (wall)', value: round((CALLS * 1000) / wallMs, 0), unit: 'calls/s' }],
      };
    } finally {
      await world.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
