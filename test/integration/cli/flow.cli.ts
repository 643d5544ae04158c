// `npm run -s flow -- --json` exactly as documented: one JSON object on stdout, whose grant verifies with the
// public JWK printed beside it, and which never carries the access token itself.
import { spawnSync } from 'node:child_process';
import { importJWK, jwtVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface FlowReport {
  ok: boolean;
  grant: string;
  publicJwk: Record<string, unknown>;
  tokenResponse: Record<string, unknown>;
  tokenClaims: { authorization_details: { systemuser_org: { ID: string }; systemuser_id: string[] }[] };
  tokenRequests: number;
  clients: { orgNumber: string; ok: boolean; openClaims?: { balance: number } }[];
  authorization: { orgNumber: string; kravOgBetalinger: { status: number; code: string } };
}

describe('npm run -s flow -- --json', () => {
  it('prints one JSON object whose grant verifies with the printed JWK', async () => {
    const run = spawnSync(NPM, ['run', '-s', 'flow', '--', '--json'], {
      encoding: 'utf8',
      timeout: 120_000,
      shell: process.platform === 'win32',
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as FlowReport;
    expect(report.ok).toBe(true);

    expect(report.publicJwk).not.toHaveProperty('d');
    const key = await importJWK(report.publicJwk, 'RS256');
    const { payload } = await jwtVerify(report.grant, key, { algorithms: ['RS256'] });
    expect(decodeProtectedHeader(report.grant).kid).toBe(report.publicJwk.kid);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(120);
    expect(payload.scope).toBe('skatteetaten:kravogbetalinger');

    expect(report.tokenResponse).not.toHaveProperty('access_token');
    expect(run.stdout).not.toMatch(/"access_token"/);
    expect(report.tokenClaims.authorization_details[0]!.systemuser_org.ID).toBe('0192:310000027');
    expect(report.tokenRequests).toBe(1);
    expect(report.clients.find((c) => c.orgNumber === '313367002')?.openClaims?.balance).toBe(24200);
    expect(report.authorization.kravOgBetalinger).toMatchObject({ status: 403, code: 'DAS-008' });
  }, 150_000);
});
