// The browser host's routes for batch files. There is no file path in a browser, and a 100 000-item plan is
// larger than the contract's text limit, so the file's bytes travel as the HTTP body itself: streamed to a
// temporary file in the data folder on the way in, streamed from one on the way out. The renderer's bridge
// and the host both take the names from here.
import { z } from 'zod';
import { batchSummarySchema, parseErrorSchema } from './batches';

/** POST the file as the body (Content-Type: application/json); answers like `batches.importFromPath`. */
export const BATCH_FILE_UPLOAD_PATH = '/api/files/batch';
/** GET with `?id=<batch id>`; answers with the file as an attachment. */
export const BATCH_FILE_DOWNLOAD_PATH = '/api/files/batch';
export const BATCH_FILE_ID_PARAM = 'id';

export const batchFileUploadResult = z.object({ batch: batchSummarySchema.nullable(), errors: z.array(parseErrorSchema) });
export type BatchFileUploadResult = z.infer<typeof batchFileUploadResult>;

export function batchFileDownloadUrl(id: string): string {
  return `${BATCH_FILE_DOWNLOAD_PATH}?${new URLSearchParams({ [BATCH_FILE_ID_PARAM]: id }).toString()}`;
}
