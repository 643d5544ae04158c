// Reuses Maskinporten tokens until shortly before they expire and lets concurrent callers share one
// request (single flight), per maskinporten.md §8. One token per firm serves all of its clients.
import type { Clock } from '../../platform/http/clock';
import type { MaskinportenToken } from './token-client';

/** Everything that makes two tokens different. The environment keeps test and production apart. */
export interface TokenCacheKey {
  environment: string;
  clientId: string;
  kid: string;
  scopes: readonly string[];
  systemUserOrg?: string;
  externalRef?: string;
}

export const REFRESH_MARGIN_SECONDS = 30;

export function cacheKeyString(key: TokenCacheKey): string {
  return JSON.stringify([
    key.environment,
    key.clientId,
    key.kid,
    [...new Set(key.scopes)].sort(),
    key.systemUserOrg ?? null,
    key.externalRef ?? null,
  ]);
}

interface Entry {
  token?: MaskinportenToken;
  pending?: Promise<MaskinportenToken>;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    private readonly refreshMarginSeconds: number = REFRESH_MARGIN_SECONDS,
  ) {}

  /** A cached token with more than the margin left, or the result of one shared call to `fetch`. */
  get(key: TokenCacheKey, fetch: () => Promise<MaskinportenToken>): Promise<MaskinportenToken> {
    if (this.disposed) return Promise.reject(new Error('The token cache has been disposed.'));
    const id = cacheKeyString(key);
    const entry = this.entries.get(id) ?? {};
    if (entry.token && this.isFresh(entry.token)) return Promise.resolve(entry.token);
    if (entry.pending) return entry.pending;

    const pending = fetch().then(
      (token) => {
        // A dispose() or invalidate() while the request was in flight means nobody wants it stored.
        if (this.entries.get(id) === entry) entry.token = token;
        entry.pending = undefined;
        return token;
      },
      (error: unknown) => {
        entry.pending = undefined;
        throw error;
      },
    );
    entry.pending = pending;
    this.entries.set(id, entry);
    return pending;
  }

  /** Drops a token the API rejected (401), unless a newer one has already replaced it. */
  invalidateToken(accessToken: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.token?.accessToken === accessToken && !entry.pending) this.entries.delete(id);
    }
  }

  invalidate(key: TokenCacheKey): void {
    this.entries.delete(cacheKeyString(key));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets every token; used when switching environment or logging out. */
  dispose(): void {
    this.entries.clear();
    this.disposed = true;
  }

  private isFresh(token: MaskinportenToken): boolean {
    return this.clock.now() < token.expiresAt - this.refreshMarginSeconds * 1000;
  }
}
