// Settings → "Run as the firm's client-administration system user": the check signs a grant with the vault's key,
// gets the seeded system user's token and administers the firm's clients with it, with nobody signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../helpers/core';

const SU_K = '2e3f4051-3333-4444-8555-666677778888';
const FIRM = '310000027';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t?.close());

describe('unattended.check', () => {
  it('is off until turned on, and keeps the setting per environment', async () => {
    const before = await t.call('settings.get', {});
    expect(before.environments.demo.unattended).toEqual({ enabled: false, externalRef: '' });
    const after = await t.call('settings.update', { environmentConfig: { id: 'demo', unattended: { enabled: true, externalRef: '' } } });
    expect(after.environments.demo.unattended.enabled).toBe(true);
    expect(after.environments.test.unattended.enabled).toBe(false);
  });

  it('in Demo uses the seeded system user, with nobody signed in', async () => {
    expect(await t.call('session.current', {})).toBeNull();
    const result = await t.call('unattended.check', {});
    expect(result).toEqual({ systemUserId: SU_K, firmOrgNumber: FIRM, externalRef: 'regnskapsfirma-klientadmin', agentSystemUsers: 2 });
  });

  it('a system user without client administration is refused, not used', async () => {
    // The firm's org number is SU-A's externalRef: an agent system user, which acts for clients, not the firm.
    await t.call('settings.update', { environmentConfig: { id: 'demo', unattended: { enabled: true, externalRef: FIRM } } });
    await expect(t.call('unattended.check', {})).rejects.toMatchObject({ code: 'FIRM_PARTY_UNKNOWN' });
  });

  it('an externalRef Maskinporten knows no system user for is refused by Maskinporten', async () => {
    await t.call('settings.update', { environmentConfig: { id: 'demo', unattended: { enabled: true, externalRef: 'no-such-ref' } } });
    await expect(t.call('unattended.check', {})).rejects.toMatchObject({ details: { service: 'maskinporten' } });
  });
});
