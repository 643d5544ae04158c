import { describe, expect, it } from 'vitest';
import { buildDirectory } from '../../../electron/demo/seed/clients';
import { FIRM } from '../../../electron/demo/seed/organisations';
import { PERSONS } from '../../../electron/demo/seed/people';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('party UUIDs', () => {
  it('are random v4 UUIDs, stable per seed, different for another seed, and unrelated to the number', () => {
    const a = buildDirectory(5, 200);
    const b = buildDirectory(5, 200);
    const c = buildDirectory(6, 200);
    const all = a.clients.map((x) => a.partyUuidOfOrg(x.org.orgNo));
    expect(all.map((u) => b.partyUuidOfOrg(a.clients[all.indexOf(u)]!.org.orgNo))).toEqual(all);
    expect(c.partyUuidOfOrg(FIRM.orgNo)).not.toBe(a.partyUuidOfOrg(FIRM.orgNo));
    for (const [i, u] of all.entries()) {
      expect(u).toMatch(UUID_V4);
      expect(u.replace(/-/g, '')).not.toContain(a.clients[i]!.org.orgNo);
    }
    expect(new Set(all).size).toBe(all.length);
    for (const p of PERSONS) {
      expect(a.personPartyUuid(p.pid)).toMatch(UUID_V4);
      expect(a.personPartyUuid(p.pid)).not.toContain(p.pid.slice(1));
    }
  });

  it('resolve back only through the lookup; a guessed or derived UUID names nobody', () => {
    const d = buildDirectory(1, 50);
    const firm = d.partyUuidOfOrg(FIRM.orgNo);
    expect(d.partyByUuid(firm)).toMatchObject({ kind: 'organisation', org: { orgNo: FIRM.orgNo } });
    expect(d.partyByUuid(firm.toUpperCase())).toMatchObject({ kind: 'organisation' });
    expect(d.partyByUuid(d.personPartyUuid(PERSONS[0]!.pid))).toEqual({ kind: 'person', pid: PERSONS[0]!.pid });
    expect(d.partyByUuid(`00000000-0000-4000-8000-000${FIRM.orgNo}`)).toBeUndefined();
    expect(d.partyByUuid(crypto.randomUUID())).toBeUndefined();
    expect(() => d.partyUuidOfOrg('999999999')).toThrow();
  });
});
