// claims.fetchOpen: open claims from Krav og betalinger for each client, as the firm's agent system user.
import type { OpenClaimsResult } from '../../../shared/contract/claims';
import { AppError } from '../../../shared/errors';
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type { AltinnPort, AuditPort, ClientsQueryPort, ClockPort, EnvironmentPort, KravPort } from '../../app/ports';
import { MAX_CONCURRENT_CALLS } from '../../services/skatteetaten/krav-og-betalinger-client';
import { claimsFailure, isFailureForEveryClient } from './claims-failure';
import { toClientClaims } from './open-claims-to-contract';
import { runPooled } from './run-pooled';
import { auditDetail } from '../../../shared/domain/audit-details';

export type ClaimsChannel = ChannelsOf<'claims.'>;

export interface ClaimsDeps {
  krav(): KravPort;
  /** For the externalRef of a system user other than the configured one. */
  altinn: AltinnPort;
  now: ClockPort;
  audit: AuditPort;
  /** The calendar date of the environment's own clock where it keeps one (a demo world's), else null. */
  environmentDate(): string | null;
  /** Names come from the local client list; Krav og betalinger answers with numbers only. */
  clients?: ClientsQueryPort;
  environment?: EnvironmentPort;
}

export function claimsFeature(deps: ClaimsDeps): Feature<ClaimsChannel> {
  return { handlers: createClaimsHandlers(deps) };
}

export function createClaimsHandlers(ctx: ClaimsDeps): HandlersOf<ClaimsChannel> {
  return {
    'claims.fetchOpen': async ({ orgNumbers, systemUserId }) => {
      const externalRef = systemUserId ? await externalRefOf(ctx, systemUserId) : undefined;
      const krav = ctx.krav();
      const asOf = referenceDate(ctx);
      const unique = [...new Set(orgNumbers)];
      const nameOf = clientNames(ctx);
      const clients = await runPooled(unique, MAX_CONCURRENT_CALLS, async (orgNumber) => {
        try {
          const body = await krav.openClaims(orgNumber, externalRef ? { externalRef } : undefined);
          return toClientClaims(body, asOf, nameOf(orgNumber));
        } catch (error) {
          if (isFailureForEveryClient(error)) throw error;
          return claimsFailure(orgNumber, error, nameOf(orgNumber));
        }
      });
      const result: OpenClaimsResult = { asOf, clients };
      ctx.audit({ action: 'claims_fetch', outcome: 'done', systemUserId: systemUserId ?? null, detail: summarise(result) });
      return result;
    },
  };
}

/** Names come from the local client list; Krav og betalinger answers with numbers only. */
function clientNames(ctx: ClaimsDeps): (orgNumber: string) => string | null {
  const { clients } = ctx;
  if (!clients || !ctx.environment) return () => null;
  const environment = ctx.environment();
  return (orgNumber) => clients.client(environment, orgNumber)?.name ?? null;
}

/** A system user other than the configured one is addressed by its externalRef in the Maskinporten grant. */
async function externalRefOf(ctx: ClaimsDeps, systemUserId: string): Promise<string> {
  const systemUser = (await ctx.altinn().listAgentSystemUsers()).find((su) => su.id === systemUserId);
  if (!systemUser) throw new AppError('UNKNOWN_SYSTEM_USER', 'The firm has no agent system user with that id.');
  return systemUser.externalRef;
}

/** The demo world's totals are computed against its own clock (2026-11-24 by default); so is "overdue" then. */
function referenceDate(ctx: ClaimsDeps): string {
  const demoDate = ctx.environmentDate();
  if (demoDate && /^\d{4}-\d{2}-\d{2}$/.test(demoDate)) return demoDate;
  // Due dates are Norwegian calendar dates, so "today" is today in Oslo, not in UTC.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.now());
}

function summarise({ clients }: OpenClaimsResult): string {
  const counts = { ok: 0, none: 0, not_delegated: 0, withheld: 0, error: 0 };
  for (const c of clients) counts[c.outcome]++;
  return auditDetail('claims.summary', { count: clients.length, ...counts });
}
