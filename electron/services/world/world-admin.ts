// The demo world's admin API over HTTP (contract: bearer secret on every route, JSON bodies). This is how the
// app learns the Demo environment's endpoints and ids, uploads the vendor's public keys (the demo's
// Samarbeidsportalen), and, for the actor flow, resets the story and reads the world's traffic log.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { PublicJwk } from '../../platform/keys/key-vault';
import type { WorldConnection } from './connection';
import { worldInfoSchema, type WorldInfo } from './world-info';

const ADMIN_TIMEOUT_MS = 10_000;

const decodedJwt = z.object({ where: z.string(), header: z.record(z.string(), z.unknown()), claims: z.record(z.string(), z.unknown()) });
const trafficEntry = z.object({
  id: z.number(),
  time: z.string(),
  service: z.enum(['maskinporten', 'idporten', 'altinn', 'skatteetaten']),
  method: z.string(),
  path: z.string(),
  status: z.number().nullable(),
  durationMs: z.number(),
  correlationId: z.string(),
  caller: z.enum(['maskinporten', 'idporten', 'altinn', 'skatteetaten']).optional(),
  requestBody: z.unknown().optional(),
  responseBody: z.unknown().optional(),
  decodedJwt: z.array(decodedJwt).optional(),
});
export type TrafficEntry = z.infer<typeof trafficEntry>;

export class WorldAdminClient {
  readonly adminUrl: string;

  constructor(
    private readonly connection: WorldConnection,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.adminUrl = connection.adminUrl.replace(/\/+$/, '');
  }

  async info(): Promise<WorldInfo> {
    const body = await this.call('GET', '/info');
    const parsed = worldInfoSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError('WORLD_INFO_INVALID', `The demo world at ${this.adminUrl} described itself in a shape Klientdesk does not know.`, {
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    return parsed.data;
  }

  /** As the vendor uploads its public key to Maskinporten. */
  async registerJwk(clientId: string, jwk: PublicJwk): Promise<void> {
    await this.call('POST', '/jwks', { clientId, jwk });
  }

  async reset(preset?: 'start' | 'ready'): Promise<void> {
    await this.call('POST', '/reset', preset ? { preset } : {});
  }

  async traffic(sinceId = 0): Promise<TrafficEntry[]> {
    const body = await this.call('GET', `/traffic?since=${sinceId}`);
    const parsed = z.array(trafficEntry).safeParse(body);
    return parsed.success ? parsed.data : [];
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.connection.adminSecret}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.adminUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
      });
    } catch {
      throw new AppError('WORLD_UNREACHABLE', `The demo world at ${this.adminUrl} does not answer. Is it running?`);
    }
    const text = await res.text();
    if (res.status === 401) {
      throw new AppError(
        'WORLD_SECRET_REFUSED',
        `The demo world at ${this.adminUrl} refused the admin secret. Check the secret it printed at start.`,
      );
    }
    if (!res.ok) {
      const reason = readError(text);
      throw new AppError(
        'WORLD_ADMIN_FAILED',
        `The demo world refused ${method} ${path.split('?')[0]} (HTTP ${res.status}${reason ? `: ${reason}` : ''}).`,
      );
    }
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError('WORLD_ADMIN_FAILED', `The demo world answered ${path.split('?')[0]} with something that is not JSON.`);
    }
  }
}

function readError(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    return typeof body.error === 'string' ? body.error.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
