// Altinn simulator: platform APIs and the simulated portal pages on one base URL.
import type { WorldContext } from '../context';
import { empty } from '../http/reply';
import { Router } from '../http/router';
import type { ServiceHooks } from '../http/server';
import { accessManagementRoutes } from './access-management';
import { approvalPageRoutes } from './approval-page';
import { authorizedPartiesRoutes } from './authorized-parties';
import { clientAdministrationRoutes } from './client-administration';
import { clientDelegationRoutes } from './client-delegation';
import { exchange } from './exchange';
import { pdpRoutes } from './pdp';
import { portalRequestRoutes } from './portal-api';
import { altinnProblem, bareText } from './problems';
import { requestRoutes } from './requests';
import { systemRegisterRoutes } from './system-register';
import { systemUserRoutes } from './system-users';

export function altinnRoutes(w: WorldContext): Router {
  const router = new Router();
  router.get('/authentication/api/v1/exchange/:provider', (ctx) => exchange(w, ctx));
  systemRegisterRoutes(w, router);
  // Request routes go before the system-user routes: `systemuser/{party}/{id}` would swallow them.
  requestRoutes(w, router);
  portalRequestRoutes(w, router);
  systemUserRoutes(w, router);
  clientDelegationRoutes(w, router);
  accessManagementRoutes(w, router);
  clientAdministrationRoutes(w, router);
  authorizedPartiesRoutes(w, router);
  pdpRoutes(w, router);
  approvalPageRoutes(w, router);
  return router;
}

export const altinnHooks: ServiceHooks = {
  notFound: () => empty(404),
  serverError: (_ctx, status) =>
    status === 500
      ? altinnProblem(500, 'STD-00001', 'An error occurred while processing the request')
      : bareText(status, status === 502 ? 'Bad Gateway' : 'Service Unavailable'),
  rateLimited: (_ctx, retryAfter) => ({ status: 429, headers: { 'retry-after': String(retryAfter) }, body: '' }),
};
