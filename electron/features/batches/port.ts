// What the batches feature offers the other features: its store for drafts, the party resolver and how it
// classifies a service's refusal.
export { createBatchStore } from './batch-store';
export { createPartyResolver } from './party-resolver';
export { classifyError } from './classify-error';
export { batchTargetTitles } from './batch-store-titles';
