// Typed translation keys: t('clients:grid.count') is checked against the bokmål texts, so a key that does not
// exist fails the typecheck. That both languages hold the same keys is checked where the texts are registered.
import 'i18next';
import type { common } from './common';
import type { actorflowTexts } from '../views/actorflow/texts';
import type { auditTexts } from '../views/audit/texts';
import type { batchesTexts } from '../views/batches/texts';
import type { claimsTexts } from '../views/claims/texts';
import type { clientsTexts } from '../views/clients/texts';
import type { employeesTexts } from '../views/employees/texts';
import type { sessionTexts } from '../views/session/texts';
import type { settingsTexts } from '../views/settings/texts';
import type { unlockTexts } from '../components/unlock/texts';
import type { auditDetailTexts } from '../../../shared/domain/audit-details';
import type { errorTexts } from './errors';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    returnNull: false;
  }
  interface ResourceNamespaceMap {
    common: (typeof common)['nb'];
    actorflow: (typeof actorflowTexts)['nb'];
    audit: (typeof auditTexts)['nb'];
    batches: (typeof batchesTexts)['nb'];
    claims: (typeof claimsTexts)['nb'];
    clients: (typeof clientsTexts)['nb'];
    employees: (typeof employeesTexts)['nb'];
    session: (typeof sessionTexts)['nb'];
    settings: (typeof settingsTexts)['nb'];
    unlock: (typeof unlockTexts)['nb'];
    auditDetails: (typeof auditDetailTexts)['nb'];
    errors: (typeof errorTexts)['nb'];
  }
}
