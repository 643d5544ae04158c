// What the employees feature offers the other features: employee targets as the wizard's review and the audit log read them.
export { allTargetClients, ensureTarget, readTarget, targetClients, targetNames, targetTitle } from './targets';
