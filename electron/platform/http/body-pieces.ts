// A large answer read as it arrives (HttpRequest.onBodyPiece): each piece handed on, and only what the HTTP
// layer itself needs kept of it, its head for the exchange log and a digest of the whole, so a 200 MB body is
// never held twice (nor its thousands of pieces, whose memory the process did not give back).
import { createHash } from 'node:crypto';

export interface ReadPieces {
  /** The first bytes, up to what the log can show. */
  head: Uint8Array;
  length: number;
  /** sha256 of the whole body, base64url. */
  sha256: string;
}

export async function readPieces(
  body: ReadableStream<Uint8Array>,
  handOn: (piece: Uint8Array) => void,
  headBytes: number,
): Promise<ReadPieces> {
  const hash = createHash('sha256');
  const head = new Uint8Array(headBytes);
  let length = 0;
  for await (const piece of body) {
    if (length < headBytes) head.set(piece.subarray(0, headBytes - length), length);
    length += piece.length;
    hash.update(piece);
    handOn(piece);
  }
  return { head: head.subarray(0, Math.min(length, headBytes)), length, sha256: hash.digest('base64url') };
}
