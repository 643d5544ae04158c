// What the clients feature offers the other features, beside the query port the app hands them.
export { readSystemUsers } from './system-users';
export { readSyncInfo } from './sync-info';
export { relationshipsOfMask } from './client-store';
