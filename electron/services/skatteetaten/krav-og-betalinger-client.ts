// Skatteetaten's Krav og betalinger API, called as the firm's agent system user. The client is named only
// in the path; the token is the Maskinporten system-user token as issued (krav-og-betalinger.md §2–§3).
import { AppError } from '../../../shared/errors';
import { ServiceError } from '../../platform/errors';
import type { HttpClient, HttpResponse } from '../../platform/http/http-client';
import type { z } from 'zod';
import { parseJsonOrUndefined, parseResponse } from '../../platform/http/lenient-json';
import { createPool, type Pool } from '../../platform/http/pool';
import { kravOgBetalingerError } from './errors';
import type { Claim, OpenClaims, Payment, Payout, Period, PeriodResult } from './claims-types';
import { claimSchema, openClaimsSchema, paymentSchema, payoutSchema, periodResultSchema } from './schemas';

/** Skatteetaten allows 5 concurrent calls per organisation and API; one limiter for the whole process. */
export const MAX_CONCURRENT_CALLS = 5;
export const processWideLimiter = createPool(MAX_CONCURRENT_CALLS);

export interface TokenSource {
  /** A valid system-user access token (normally from the Maskinporten token cache). */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Called after a 401 KB-004 so the next getToken() fetches a new one. */
  invalidate(accessToken: string): void;
}

export interface KravOgBetalingerClientOptions {
  http: HttpClient;
  /** Base URL including `/v1`. */
  baseUrl: string;
  tokens: TokenSource;
  /** `regnskapssystem` for accounting systems (this app); `finans` is for banks. */
  rettighetspakke?: 'regnskapssystem' | 'finans';
  limiter?: Pool;
  timeoutMs?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class KravOgBetalingerClient {
  private readonly limiter: Pool;

  constructor(private readonly options: KravOgBetalingerClientOptions) {
    this.limiter = options.limiter ?? processWideLimiter;
  }

  /** Open claims, unplaced payments and totals. Nothing open is a 200 with empty lists. */
  async openClaims(partyId: string, signal?: AbortSignal): Promise<OpenClaims> {
    const res = await this.get(partyId, 'aapnekrav', undefined, signal);
    if (!res.ok) throw kravOgBetalingerError(res);
    return this.parse(res, 'aapnekrav', openClaimsSchema(partyId));
  }

  async claims(partyId: string, period: Period, signal?: AbortSignal): Promise<PeriodResult<Claim>> {
    return this.periodCall(partyId, 'krav', period, ['krav'], claimSchema, signal);
  }

  async paymentsIn(partyId: string, period: Period, signal?: AbortSignal): Promise<PeriodResult<Payment>> {
    return this.periodCall(partyId, 'innbetalinger', period, ['innbetaling', 'innbetalinger'], paymentSchema, signal);
  }

  async payouts(partyId: string, period: Period, signal?: AbortSignal): Promise<PeriodResult<Payout>> {
    return this.periodCall(partyId, 'utbetalinger', period, ['utbetaling', 'utbetalinger'], payoutSchema, signal);
  }

  private async periodCall<T>(
    partyId: string,
    resource: string,
    period: Period,
    listNames: readonly [string, ...string[]],
    item: z.ZodType<T, unknown>,
    signal?: AbortSignal,
  ): Promise<PeriodResult<T>> {
    if (!ISO_DATE.test(period.from) || !ISO_DATE.test(period.to)) {
      throw new AppError('BAD_INPUT', 'Periods are given as YYYY-MM-DD.', undefined, { reason: 'period' });
    }
    const res = await this.get(partyId, resource, { fraOgMed: period.from, tilOgMed: period.to }, signal);
    if (res.ok) return this.parse(res, resource, periodResultSchema(partyId, period, listNames, item));
    const error = kravOgBetalingerError(res);
    if (error.code === 'KB-007') return { partyId, period, withheld: false, items: [], nothingInPeriod: true };
    throw error;
  }

  /** One call, retried once with a new token if Skatteetaten rejects the token (401 KB-004). */
  private async get(
    partyId: string,
    resource: string,
    query: Record<string, string> | undefined,
    signal?: AbortSignal,
  ): Promise<HttpResponse> {
    if (!/^\d{9}$|^\d{11}$/.test(partyId)) {
      throw new AppError('BAD_INPUT', `"${partyId}" is neither an organisation number nor a national id.`, undefined, {
        reason: 'party',
        party: partyId.slice(0, 40),
      });
    }
    const pakke = this.options.rettighetspakke ?? 'regnskapssystem';
    const qs = query ? `?${new URLSearchParams(query).toString()}` : '';
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/${pakke}/${partyId}/${resource}${qs}`;
    for (let attempt = 1; ; attempt++) {
      const token = await this.options.tokens.getToken(signal);
      const res = await this.limiter(() =>
        this.options.http.send({
          service: 'skatteetaten',
          operation: resource,
          method: 'GET',
          url,
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          timeoutMs: this.options.timeoutMs,
          signal,
        }),
      );
      if (res.status === 401 && attempt === 1) {
        this.options.tokens.invalidate(token);
        continue;
      }
      return res;
    }
  }

  /** A 200 whose body is not JSON, or not the documented shape, is a BAD_RESPONSE with the call's ids. */
  private parse<T>(res: HttpResponse, operation: string, schema: z.ZodType<T, unknown>): T {
    const body = parseJsonOrUndefined(res.bodyText);
    if (body === undefined) {
      throw new ServiceError({
        service: 'skatteetaten',
        code: 'BAD_RESPONSE',
        status: res.status,
        correlationId: res.correlationId,
        message: 'Skatteetaten answered with something that is not JSON.',
      });
    }
    return parseResponse(schema, body, res, { service: 'skatteetaten', serviceName: 'Skatteetaten', operation });
  }
}
