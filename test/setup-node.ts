// better-sqlite3 13 segfaults on Node < 22 (N-API 9); fail with a sentence instead.
if (Number(process.versions.napi) < 10) {
  throw new Error('Klientdesk tests need Node >= 22 (N-API 10). Run them through npm scripts or npx.');
}
