import { describe, expect, it } from 'vitest';
import { isValidOrgNumber } from '../../../shared/domain/orgnr';
import { missingPackages } from '../../../shared/domain/packages';
import { generatedClaims } from '../../../electron/demo/seed/claims-generated';
import { namedClaims } from '../../../electron/demo/seed/claims-named';
import { buildDirectory, buildDirectorySliced, clientPackages } from '../../../electron/demo/seed/clients';
import { NAMED_CLIENTS } from '../../../electron/demo/seed/organisations';
import { createRng, seededUuid } from '../../../electron/demo/random';

describe('demo seed', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = buildDirectory(7, 400);
    const b = buildDirectory(7, 400);
    const c = buildDirectory(8, 400);
    const view = (d: ReturnType<typeof buildDirectory>) =>
      d.clients.map((x) => [x.org.orgNo, x.org.name, x.org.form, x.roles.join('+'), x.packages.join(',')].join('|'));
    expect(view(a)).toEqual(view(b));
    expect(view(c)).not.toEqual(view(a));
    const orgNo = a.generatedOrgNos[10]!;
    expect(generatedClaims(7, orgNo, 'X', 'AS', '2026-11-24')).toEqual(generatedClaims(7, orgNo, 'X', 'AS', '2026-11-24'));
  });

  it('builds the same directory in slices as at once, party UUIDs included', async () => {
    const whole = buildDirectory(4, 3_500);
    const sliced = await buildDirectorySliced(4, 3_500);
    expect(sliced.clients).toEqual(whole.clients);
    expect(sliced.generatedOrgNos).toEqual(whole.generatedOrgNos);
    for (const orgNo of [NAMED_CLIENTS[0]!.orgNo, ...whole.generatedOrgNos.slice(-3)]) {
      expect(sliced.partyUuidOfOrg(orgNo)).toBe(whole.partyUuidOfOrg(orgNo));
    }
  });

  it('keeps the named clients of actors.md exactly, first and in order', () => {
    const d = buildDirectory(1, 300);
    expect(d.clients).toHaveLength(300);
    expect(d.clients.slice(0, 11).map((c) => [c.key, c.org.orgNo, c.org.name])).toEqual(NAMED_CLIENTS.map((c) => [c.key, c.orgNo, c.name]));
    const byKey = (k: string) => d.clients.find((c) => c.key === k)!;
    expect(byKey('c1').packages).toEqual([
      'regnskapsforer-med-signeringsrettighet',
      'regnskapsforer-uten-signeringsrettighet',
      'regnskapsforer-lonn',
      'skattegrunnlag',
    ]);
    expect(byKey('c9').packages).toEqual(['forretningsforer-eiendom']);
    expect(byKey('c10').packages).toEqual(['skattegrunnlag']);
    expect(byKey('c11').packages).toEqual([]);
    expect(d.clientByOrgNo.has('310000086')).toBe(false);
  });

  it('generates valid, unique synthetic org numbers starting with 3', () => {
    const d = buildDirectory(3, 3000);
    const generated = d.generatedOrgNos;
    expect(generated).toHaveLength(2989);
    expect(new Set(d.clients.map((c) => c.org.orgNo)).size).toBe(3000);
    for (const o of generated) {
      expect(o).toMatch(/^3\d{8}$/);
      expect(isValidOrgNumber(o)).toBe(true);
    }
  });

  it('mixes relationships: REGN, REVI, FFØR (BRL only), sub-units, and SU-B AND-rule failures', () => {
    const d = buildDirectory(1, 300);
    const gen = d.clients.slice(11);
    expect(gen.some((c) => c.roles.includes('REVI'))).toBe(true);
    expect(
      gen.filter((c) => c.packages.includes('forretningsforer-eiendom')).every((c) => c.org.form === 'BRL' || c.org.form === 'ESEK'),
    ).toBe(true);
    expect(gen.some((c) => c.org.form === 'BEDR' && c.org.parentOrgNo)).toBe(true);
    const suB = ['regnskapsforer-med-signeringsrettighet', 'skattegrunnlag'];
    expect(gen.some((c) => missingPackages(suB, c.packages).length === 0)).toBe(true);
    expect(gen.some((c) => c.roles.includes('REGN') && missingPackages(suB, c.packages).length > 0)).toBe(true);
  });

  it('gives every generated client the packages of its own form and roles, though clients of one mix share the list', () => {
    const d = buildDirectory(5, 3000);
    for (const c of d.clients.slice(NAMED_CLIENTS.length)) expect(c.packages).toEqual(clientPackages(c.org.form, c.roles, c.direct));
    // FFØR gives packages to some forms only, so a list shared without regard to the form would be wrong.
    const ffor = d.clients.filter((c) => c.roles.includes('FFØR'));
    expect(new Set(ffor.map((c) => c.org.form)).size).toBeGreaterThan(1);
  });

  it('contains names with markup and quotes, at fixed places', () => {
    const names = buildDirectory(5, 100).clients.map((c) => c.org.name);
    expect(names).toContain('<img src=x onerror=alert(1)> AS');
    expect(names.some((n) => n.includes('"') && n.includes('&'))).toBe(true);
    expect(buildDirectory(6, 100).clients[14]!.org.name).toBe('<img src=x onerror=alert(1)> AS');
  });

  it('scales to 50,000 clients with unique org numbers', () => {
    const d = buildDirectory(1, 50_000);
    expect(d.clients).toHaveLength(50_000);
    expect(d.clientByOrgNo.size).toBe(50_000);
  });

  it('gives the named fixtures the story ids, KIDs with a Luhn check digit', () => {
    const c1 = namedClaims('313367002')!;
    expect(c1.claims.map((c) => c.id)).toEqual(['KRAV-31336701', 'KRAV-31336702']);
    expect(c1.claims[0]!.instalments[0]!.kid).toBe('31336700225080');
    expect(c1.claims[1]!.instalments[0]!.kid).toBe('31336700226039');
    expect(namedClaims('310000043')).toBeNull();
  });

  it('draws the same party UUIDs from a seed as before, so a persisted world keeps its ids', () => {
    const rng = createRng(42);
    expect([seededUuid(rng), seededUuid(rng)]).toEqual(['97da2849-d73e-4438-a907-d090402c802d', '7c570089-3a34-4d83-841a-abe1f6f21057']);
  });
});
