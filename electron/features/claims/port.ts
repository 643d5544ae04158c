// What the claims feature offers the other features: its pooled run over many clients.
export { runPooled } from './run-pooled';
