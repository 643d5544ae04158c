// Batch files on disk, read and written by the main process: the renderer names a file, it never carries a
// 100 000-item plan through the contract as text. Writing streams the items page by page (the checksum is
// computed along the way, over the same canonical JSON as batch-file.ts); reading streams the file in with a
// size cap, then validates it all or nothing like any other import.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import type { BatchItem, BatchSummary } from '../../../shared/contract/batches';
import { environmentId } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { BATCH_FILE_FORMAT, BATCH_FILE_VERSION, MAX_BATCH_FILE_CHARS, readBatchFile, type ReadResult } from './batch-file';

export type ItemPages = (offset: number, limit: number) => readonly Pick<BatchItem, 'orgNumber' | 'operation' | 'partyUuid' | 'name'>[];

const PAGE = 5_000;
/** UTF-8 needs at most 3 bytes for a character in the BMP; a bigger file cannot be within the character cap. */
const MAX_BATCH_FILE_BYTES = MAX_BATCH_FILE_CHARS * 3;

export async function writeBatchFileTo(
  path: string,
  batch: Pick<BatchSummary, 'name' | 'environment' | 'systemUserId' | 'systemUserTitle'>,
  pages: ItemPages,
  exported: { by: string; at: Date },
): Promise<{ items: number }> {
  const environment = environmentId.parse(batch.environment);
  const hash = createHash('sha256');
  // The canonical form is JSON.stringify of one array, so it can be fed to the hash in pieces.
  hash.update(
    `[${[BATCH_FILE_FORMAT, BATCH_FILE_VERSION, batch.name, environment, batch.systemUserId, batch.systemUserTitle].map((v) => JSON.stringify(v)).join(',')},[`,
  );
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_resolve, reject) => out.once('error', reject));
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  const field = (key: string, value: unknown): string => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`;
  let count = 0;
  try {
    await write('{\n');
    await write(field('format', BATCH_FILE_FORMAT) + field('version', BATCH_FILE_VERSION) + field('name', batch.name));
    await write(
      field('environment', environment) + field('systemUserId', batch.systemUserId) + field('systemUserTitle', batch.systemUserTitle),
    );
    await write(field('exportedAt', exported.at.toISOString()) + field('exportedBy', exported.by) + '  "items": [\n');
    for (let offset = 0; ; offset += PAGE) {
      const page = pages(offset, PAGE);
      if (page.length === 0) break;
      let chunk = '';
      for (const i of page) {
        const item = { orgNumber: i.orgNumber, operation: i.operation, partyUuid: i.partyUuid || null, name: i.name };
        hash.update(`${count > 0 ? ',' : ''}${JSON.stringify([item.orgNumber, item.operation, item.partyUuid, item.name])}`);
        chunk += `${count > 0 ? ',\n' : ''}    ${JSON.stringify(item)}`;
        count++;
      }
      await write(chunk);
    }
    hash.update(']]');
    await write(`${count > 0 ? '\n' : ''}  ],\n  "checksum": ${JSON.stringify(`sha256:${hash.digest('hex')}`)}\n}\n`);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (error) {
    out.destroy();
    throw new AppError('FILE_WRITE_FAILED', `The batch file could not be written (${(error as Error).message}).`, { path });
  }
  return { items: count };
}

export async function readBatchFileFrom(path: string): Promise<ReadResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', 'The batch file could not be opened. Check that it exists and that you may read it.', { path });
  }
  if (size > MAX_BATCH_FILE_BYTES) {
    return {
      ok: false,
      errors: [{ line: 1, input: '', message: `The file is too large to be a batch file (${Math.round(size / 1e6)} MB).` }],
    };
  }
  const parts: string[] = [];
  let chars = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    chars += chunk.length;
    if (chars > MAX_BATCH_FILE_CHARS) {
      return { ok: false, errors: [{ line: 1, input: '', message: 'The file is too large to be a batch file.' }] };
    }
    parts.push(chunk);
  }
  return readBatchFile(parts.join(''));
}
