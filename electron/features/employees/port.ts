// What the employees feature offers the other features: employee targets as the wizard's review and the audit log read them.
export { readTarget, targetClients, targetNames } from './targets';
