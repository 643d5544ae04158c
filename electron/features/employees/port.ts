// What the employees feature offers the other features: employee targets as the wizard's review reads them.
export { readTarget, targetClients } from './targets';
