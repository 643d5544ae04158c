// Looks for secrets in text the app writes or shows: compact JWTs (tokens, grants), PEM blocks, the private
// member of a JWK, and token fields of OAuth answers. Also looks for exact values the caller knows were live
// (a real access token), so a secret that does not look like one is still caught.

export interface SecretFinding {
  /** Where the text came from ("database", "console", "audit CSV" …). */
  source: string;
  /** Which rule hit. */
  kind: string;
  /** A short excerpt around the hit, itself cut short so a report never repeats a whole secret. */
  excerpt: string;
}

const PATTERNS: readonly { kind: string; re: RegExp }[] = [
  // Three base64url segments, the first a JSON header ('{"' = eyJ); the signature may be empty (alg none).
  { kind: 'compact JWT', re: /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { kind: 'PEM block', re: /-----BEGIN [A-Z0-9 ]*-----/ },
  // A private exponent is long base64url; a redacted member ("d":"[REDACTED]") is not a secret.
  { kind: 'JWK private member "d"', re: /"d"\s*:\s*"[A-Za-z0-9_-]{16,}/ },
  { kind: 'access_token field with a JWT', re: /access_token"?\s*[:=]\s*"?eyJ/ },
];

function excerptAround(text: string, index: number): string {
  return text.slice(Math.max(0, index - 20), index + 24).replace(/\s+/g, ' ');
}

/** Every rule (and every known secret) that hits `text`. */
export function scanText(source: string, text: string, knownSecrets: readonly string[] = []): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(text);
    if (m) findings.push({ source, kind, excerpt: excerptAround(text, m.index) });
  }
  for (const secret of knownSecrets) {
    // The signature segment alone is as good as the token; look for it too when it is long enough to be unique.
    const pieces = [secret, ...secret.split('.').filter((p) => p.length >= 32)];
    for (const piece of pieces) {
      const i = text.indexOf(piece);
      if (i >= 0) {
        findings.push({ source, kind: 'known live secret', excerpt: excerptAround(text, i) });
        break;
      }
    }
  }
  return findings;
}

/** Binary files (SQLite pages, WAL frames) are read as latin1 so every byte maps to one character. */
export function scanBytes(source: string, bytes: Buffer, knownSecrets: readonly string[] = []): SecretFinding[] {
  return scanText(source, bytes.toString('latin1'), knownSecrets);
}
