// A large answer read as it arrives (HttpRequest.onBodyPiece): each piece handed on, the whole kept too.

/** The body read piece by piece, each handed on as it comes, and the whole put together at the end. */
export async function readPieces(body: ReadableStream<Uint8Array>, handOn: (piece: Uint8Array) => void): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of body) {
    pieces.push(piece);
    length += piece.length;
    handOn(piece);
  }
  const whole = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}
