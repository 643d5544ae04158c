// Skatteetaten validates system-user tokens against Maskinporten's published keys, fetched over HTTP
// from the metadata document and cached, like a real API owner would (no shortcut into the world's keys).
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { WorldContext } from '../context';
import { hop } from '../http/hop';
import { isRecord } from '../jwt';

const JWKS_TTL_MS = 24 * 3600 * 1000;
const REFRESH_COOLDOWN_MS = 10_000;

export class MaskinportenKeys {
  private cached: { issuer: string; jwks: ReturnType<typeof createLocalJWKSet>; fetchedAt: number } | null = null;
  private inflight: Promise<void> | null = null;

  private readonly w: WorldContext;

  constructor(w: WorldContext) {
    this.w = w;
  }

  private async refresh(correlationId: string): Promise<void> {
    const meta = await hop(`${this.w.urls.maskinporten}/.well-known/oauth-authorization-server`, { correlationId, caller: 'skatteetaten' });
    const doc: unknown = JSON.parse(meta.text);
    if (!isRecord(doc) || typeof doc.jwks_uri !== 'string' || typeof doc.issuer !== 'string') throw new Error('bad Maskinporten metadata');
    const keys = await hop(doc.jwks_uri, { correlationId, caller: 'skatteetaten' });
    this.cached = { issuer: doc.issuer, jwks: createLocalJWKSet(JSON.parse(keys.text) as JSONWebKeySet), fetchedAt: Date.now() };
  }

  /** Single-flight: concurrent calls share one fetch. */
  private ensure(correlationId: string, force: boolean): Promise<void> {
    const fresh = this.cached && Date.now() - this.cached.fetchedAt < (force ? REFRESH_COOLDOWN_MS : JWKS_TTL_MS);
    if (fresh) return Promise.resolve();
    this.inflight ??= this.refresh(correlationId).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** The verified claims, or null for any token problem (401 KB-004). Throws when the keys cannot be fetched. */
  async verify(token: string, correlationId: string): Promise<JWTPayload | null> {
    await this.ensure(correlationId, false);
    const attempt = async (): Promise<JWTPayload | 'unknown-key' | null> => {
      const c = this.cached!;
      try {
        const { payload } = await jwtVerify(token, c.jwks, {
          issuer: c.issuer,
          algorithms: ['RS256'],
          currentDate: new Date(this.w.clock.nowMs()),
        });
        return payload;
      } catch (err) {
        return (err as { code?: string }).code === 'ERR_JWKS_NO_MATCHING_KEY' ? 'unknown-key' : null;
      }
    };
    const first = await attempt();
    if (first !== 'unknown-key') return first;
    // A key rotation: fetch once more (rate-limited), then give up.
    await this.ensure(correlationId, true);
    const second = await attempt();
    return second === 'unknown-key' ? null : second;
  }

  clear(): void {
    this.cached = null;
  }
}
