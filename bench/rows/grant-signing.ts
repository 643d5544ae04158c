// Row 1: the jose-based grant builder against raw node:crypto RS256 signing of the same payload.
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { buildGrant } from '../../electron/services/maskinporten/grant';
import { opsPerSecond, round, type BenchRow } from '../row';

export const grantSigning: BenchRow = {
  id: 'grant-signing',
  title: 'Grant signing (RS256)',
  async run() {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spec = {
      clientId: 'b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21',
      audience: 'https://test.maskinporten.no/',
      scopes: ['skatteetaten:kravogbetalinger'],
      systemUser: { orgNumber: '310000027' },
    };
    const jose = await opsPerSecond(() => buildGrant(spec, { kid: 'bench', key: privateKey }, Math.floor(Date.now() / 1000)));
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const raw = await opsPerSecond(() => {
      const iat = Math.floor(Date.now() / 1000);
      const input = `${b64({ alg: 'RS256', kid: 'bench' })}.${b64({
        scope: spec.scopes.join(' '),
        authorization_details: [
          { type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000027' } },
        ],
        iss: spec.clientId,
        aud: spec.audience,
        iat,
        exp: iat + 60,
        jti: randomUUID(),
      })}`;
      return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    });
    return {
      id: this.id,
      title: this.title,
      subject: { label: 'jose grant builder', value: round(jose, 0), unit: 'grants/s' },
      baseline: { label: 'raw node:crypto', value: round(raw, 0), unit: 'grants/s' },
      ratio: round(jose / raw),
      note: 'near 1 means jose adds little over the RSA signature itself',
    };
  },
};
