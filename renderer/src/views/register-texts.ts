// Every view's texts, registered before the first render.
import { registerNamespace } from '../i18n';
import { actorflowTexts } from './actorflow/texts';
import { auditDetailTexts } from '../../../shared/domain/audit-details';
import { auditTexts } from './audit/texts';
import { batchesTexts } from './batches/texts';
import { claimsTexts } from './claims/texts';
import { clientsTexts } from './clients/texts';
import { employeesTexts } from './employees/texts';
import { settingsTexts } from './settings/texts';

registerNamespace('clients', clientsTexts);
registerNamespace('employees', employeesTexts);
registerNamespace('batches', batchesTexts);
registerNamespace('claims', claimsTexts);
registerNamespace('actorflow', actorflowTexts);
registerNamespace('settings', settingsTexts);
registerNamespace('audit', auditTexts);
registerNamespace('auditDetails', auditDetailTexts);
