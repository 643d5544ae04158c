// Phase 3 of the example: SmartRegnskap gets a token for the firm's system user and calls Krav og betalinger
// for one client. The client is named only in that call; Skatteetaten asks Altinn's PDP whether it may answer.
import type { MaskinportenToken } from '../../services/maskinporten/token-client';
import { summariseAccessToken } from '../../services/maskinporten/access-token';
import { ensureKeyInWorld } from './preparation-steps';
import type { StepContext } from './step-context';

// The claims step fetches a new token when the held one has less than this left, as the app's cache does.
const TOKEN_MARGIN_MS = 30_000;

export async function fetchSystemUserToken(ctx: StepContext): Promise<void> {
  const token = await systemUserToken(ctx);
  const summary = summariseAccessToken(token.accessToken);
  if (summary?.systemUserOrg) ctx.fact('systemUserOrg', summary.systemUserOrg);
  if (summary?.systemUserId) ctx.fact('systemUserId', summary.systemUserId);
  if (summary?.systemId) ctx.fact('systemId', summary.systemId);
  if (summary?.consumerOrg) ctx.fact('consumerOrg', summary.consumerOrg);
  ctx.fact('expiresIn', token.expiresInSeconds);
}

export async function fetchOpenClaims(ctx: StepContext): Promise<void> {
  const held = ctx.state.token;
  const token = held && held.expiresAt - Date.now() > TOKEN_MARGIN_MS ? held : await systemUserToken(ctx);
  ctx.recorder.actingAs = 'vendor';
  ctx.fact('clientOrgNumber', ctx.clientOrgNumber);
  const open = await ctx.services.kravOgBetalinger(token.accessToken).openClaims(ctx.clientOrgNumber);
  ctx.fact('claimsFor', open.partyId);
  ctx.fact('claimCount', open.claims.length);
  if (!open.withheld) {
    ctx.fact('overdue', open.totals.overdue.toFixed(2));
    ctx.fact('notDue', open.totals.notDue.toFixed(2));
    ctx.fact('balance', open.totals.balance.toFixed(2));
  } else {
    ctx.fact('note', 'claimsWithheld');
  }
}

/** A new grant and token for the firm's agent system user (the client appears in neither). */
export async function systemUserToken(ctx: StepContext, options: { externalRef?: string } = {}): Promise<MaskinportenToken> {
  const { settings } = ctx.target.config;
  await ensureKeyInWorld(ctx);
  ctx.recorder.actingAs = 'vendor';
  const token = await ctx.services.token([settings.scopes.kravOgBetalinger], {
    orgNumber: settings.firmOrgNumber,
    externalRef: options.externalRef,
  });
  if (!options.externalRef) ctx.state.token = token;
  return token;
}
