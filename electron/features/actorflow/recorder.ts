// Collects what one step sent and received. The app's own calls come from the HTTP layer's onExchange hook
// (already redacted); the demo world's traffic log adds the calls services make to each other (Maskinporten
// asking Altinn about the system user, Skatteetaten asking Altinn's PDP) and what each service decoded from
// the tokens it was shown. Both are merged into one list ordered by time.
import type { ActorId, DecodedJwt, Exchange } from '../../../shared/contract/actorflow';
import type { Exchange as HttpExchange } from '../../platform/http/http-client';
import { actorOfService } from './actors';
import { decodeForDisplay } from './decode';
import { safeBody, safeDecoded, safeText } from './redaction';
import type { DemoWorldLike, TrafficEntry } from './world';

interface AppCall {
  raw: HttpExchange;
  from: ActorId;
  decoded: DecodedJwt[];
}

/** The newest entry of the world's log, so a step reads only what happened after it started. */
export async function worldTrafficMark(world: DemoWorldLike | null): Promise<number> {
  if (!world) return 0;
  const all = await world.traffic.list();
  return all.length > 0 ? all[all.length - 1]!.id : 0;
}

/** The world's log since `mark` (read over the admin API for a world in another process). */
export async function worldTrafficSince(world: DemoWorldLike | null, mark: number): Promise<TrafficEntry[]> {
  return world ? world.traffic.list(mark) : [];
}

export class ExchangeRecorder {
  private readonly calls: AppCall[] = [];
  private pendingGrants: DecodedJwt[] = [];
  /** The lane the app's next calls are drawn from; a step switches it when the app changes roles. */
  actingAs: ActorId;

  constructor(
    actingAs: ActorId,
    private readonly worldMark: number,
    private readonly nextId: () => number,
  ) {
    this.actingAs = actingAs;
  }

  readonly onExchange = (raw: HttpExchange): void => {
    const isTokenCall = raw.service === 'maskinporten';
    this.calls.push({ raw, from: this.actingAs, decoded: isTokenCall ? this.pendingGrants.splice(0) : [] });
  };

  /** The grant is decoded here and then dropped: only its header and claims are kept. */
  readonly onGrantSigned = (grant: string): void => {
    const decoded = decodeForDisplay('request.assertion', grant);
    if (decoded) this.pendingGrants.push(decoded);
  };

  /** Shows what is inside the token the last Maskinporten answer carried. */
  noteAccessToken(accessToken: string): void {
    const last = [...this.calls].reverse().find((c) => c.raw.service === 'maskinporten' && c.raw.status === 200);
    const decoded = decodeForDisplay('response.access_token', accessToken);
    if (last && decoded) last.decoded.push(decoded);
  }

  /** The mark this recorder reads the world's log from. */
  get mark(): number {
    return this.worldMark;
  }

  /** Every exchange of the step, oldest first, ready for the view; `traffic` is the world's log since the mark. */
  finish(world: DemoWorldLike | null, traffic: readonly TrafficEntry[] = []): Exchange[] {
    const seenByService = groupAppSideEntries(traffic);
    const ours = new Set(this.calls.map((c) => c.raw.correlationId));

    const app = this.calls.map(({ raw, from, decoded }) => {
      const seen = seenByService.get(`${raw.service}|${raw.correlationId}`)?.shift();
      // What the service itself decoded is the more telling view; ours covers environments without a world.
      const worldDecoded = (seen?.decodedJwt ?? []).map((d) => ({ label: d.where, header: d.header, claims: d.claims }));
      return { at: raw.startedAt, exchange: this.fromApp(raw, from, worldDecoded.length > 0 ? worldDecoded : decoded) };
    });
    const internal = traffic
      .filter((e) => e.caller !== undefined && ours.has(e.correlationId))
      .map((e) => ({ at: Date.parse(e.time), exchange: this.fromWorld(e, world!) }));

    return [...app, ...internal].sort((a, b) => a.at - b.at).map((x) => x.exchange);
  }

  private fromApp(raw: HttpExchange, from: ActorId, decoded: DecodedJwt[]): Exchange {
    return {
      id: this.nextId(),
      startedAt: new Date(raw.startedAt).toISOString(),
      kind: 'app',
      from,
      to: actorOfService(raw.service),
      operation: raw.operation ?? null,
      method: raw.method,
      url: safeText(raw.url)!,
      status: raw.status ?? null,
      durationMs: Math.round(raw.durationMs),
      correlationId: raw.correlationId,
      error: safeText(raw.error),
      requestBody: safeText(raw.requestBody),
      responseBody: safeText(raw.responseBody),
      decoded: decoded.map(safeDecoded),
    };
  }

  private fromWorld(e: TrafficEntry, world: DemoWorldLike): Exchange {
    return {
      id: this.nextId(),
      startedAt: e.time,
      kind: 'internal',
      from: actorOfService(e.caller!),
      to: actorOfService(e.service),
      operation: null,
      method: e.method,
      url: safeText(`${world.urls[e.service]}${e.path}`)!,
      status: e.status,
      durationMs: e.durationMs,
      correlationId: e.correlationId,
      error: e.status === null ? 'no answer' : null,
      requestBody: safeBody(e.requestBody),
      responseBody: safeBody(e.responseBody),
      decoded: (e.decodedJwt ?? []).map((d) => safeDecoded({ label: d.where, header: d.header, claims: d.claims })),
    };
  }
}

/** The world's own record of the app's calls, by service and correlation id, in arrival order (retries share an id). */
function groupAppSideEntries(traffic: readonly TrafficEntry[]): Map<string, TrafficEntry[]> {
  const map = new Map<string, TrafficEntry[]>();
  for (const e of traffic) {
    if (e.caller !== undefined) continue;
    const key = `${e.service}|${e.correlationId}`;
    map.set(key, [...(map.get(key) ?? []), e]);
  }
  return map;
}
