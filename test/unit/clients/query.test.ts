import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientQuery } from '../../../shared/contract/clients';
import { getClient, matchingOrgNumbers, queryClients } from '../../../electron/features/clients/client-query';
import { listSystemUsers } from '../../../electron/features/clients/system-users';
import { client, DEMO_CLIENTS, generatedClients, openTestDb, seed, SU_A, SU_B } from './helpers';

const GENERATED = 50_000;
let db: Database;
const page = (query: ClientQuery, offset = 0, limit = 1000) => queryClients(db, 'demo', query, offset, limit);
const orgs = (query: ClientQuery) => matchingOrgNumbers(db, 'demo', query);

beforeAll(() => {
  db = openTestDb();
  seed(db, { clients: [...DEMO_CLIENTS, ...generatedClients(GENERATED)] });
});

describe('searching 50 000 clients', () => {
  it('finds an org number typed with or without spaces, dots or a partial prefix', () => {
    for (const typed of ['313367002', '313 367 002', '313.367.002', '313 367']) {
      expect(orgs({ search: typed }), typed).toContain('313367002');
    }
    expect(orgs({ search: '313 367' })).toEqual(orgs({ search: '313367' }));
    expect(orgs({ search: '313 367 002' })).toEqual(['313367002']);
  });

  it('finds names by words in any order, case- and accent-insensitively, including Norwegian letters', () => {
    expect(orgs({ search: 'rørlegger fjellbekk' })).toEqual(['313367002']);
    expect(orgs({ search: 'FJELLBEKK' })).toEqual(['313367002']);
    expect(orgs({ search: 'solsiden kafe' })).toEqual(['314055403']);
    const ae = page({ search: 'ærlig' });
    expect(ae.total).toBeGreaterThan(0);
    expect(ae.rows.every((r) => r.name.includes('ÆRLIG'))).toBe(true);
  });

  it('counts a filtered search in the same pass as its page, and still past the last page', () => {
    const query: ClientQuery = { search: 'as', relationships: ['REGN'] };
    const all = orgs(query);
    expect(all.length).toBeGreaterThan(200);
    const first = page(query, 0, 100);
    expect(first.total).toBe(all.length);
    expect(first.rows.map((r) => r.orgNumber)).toEqual(all.slice(0, 100));
    const last = page(query, all.length - 3, 100);
    expect(last).toMatchObject({ total: all.length });
    expect(last.rows.map((r) => r.orgNumber)).toEqual(all.slice(-3));
    expect(page(query, all.length + 10, 100)).toEqual({ total: all.length, rows: [] });
    expect(page({ ...query, search: 'no such client anywhere' }, 0, 100)).toEqual({ total: 0, rows: [] });
  });

  it('matches short words (under three letters) too, and treats LIKE wildcards literally', () => {
    const oy = page({ search: 'øy' });
    expect(oy.total).toBeGreaterThan(0);
    expect(oy.rows.every((r) => r.name.toLowerCase().includes('øy'))).toBe(true);
    expect(page({ search: '%' }).total).toBe(0);
    expect(page({ search: '_' }).total).toBe(0);
  });

  it('survives search text that is FTS syntax', () => {
    for (const nasty of ['"', 'AND OR NOT', 'fjell*', '(bygg', 'NEAR(a b)', "o'neill", '-bygg']) {
      expect(() => page({ search: nasty }), nasty).not.toThrow();
    }
  });
});

describe('filtering, sorting and paging', () => {
  it('filters by relationship (any of those chosen)', () => {
    const revi = page({ relationships: ['REVI'] });
    // BERGTIND BYGG AS plus every 10th generated client.
    expect(revi.total).toBe(1 + GENERATED / 10);
    expect(revi.rows.every((r) => r.relationships.includes('REVI'))).toBe(true);
    const both = page({ relationships: ['REVI', 'FFØR'] }).total;
    expect(both).toBe(revi.total + 1);
  });

  it('filters by packages (every one chosen)', () => {
    const sg = orgs({ packages: ['skattegrunnlag'] });
    const sgAndRf = orgs({ packages: ['skattegrunnlag', 'regnskapsforer-med-signeringsrettighet'] });
    expect(sg).toContain('310000051');
    expect(sgAndRf).not.toContain('310000051');
    expect(sgAndRf).toContain('313367002');
    expect(sgAndRf.length).toBeLessThan(sg.length);
  });

  it('filters by delegated or not, to one system user or to any', () => {
    expect(orgs({ systemUserId: SU_B, delegated: 'yes' })).toEqual(['313367002']);
    expect(orgs({ systemUserId: SU_A, delegated: 'yes' }).sort()).toEqual([
      '212201782',
      '311851381',
      '313367002',
      '314055403',
      '314961900',
    ]);
    const notToA = orgs({ systemUserId: SU_A, delegated: 'no', search: 'kystlinje' });
    expect(notToA).toEqual(['310478717']);
    expect(page({ delegated: 'yes' }).total).toBe(5);
    expect(page({ delegated: 'no' }).total).toBe(DEMO_CLIENTS.length + GENERATED - 5);
  });

  it('includes, excludes or shows only sub-units', () => {
    const all = page({}).total;
    const only = page({ subUnits: 'only' });
    expect(only.total).toBe(1 + GENERATED / 20);
    expect(only.rows.every((r) => r.isSubUnit)).toBe(true);
    expect(page({ subUnits: 'exclude' }).total).toBe(all - only.total);
    expect(page({ subUnits: 'include' }).total).toBe(all);
  });

  it('sorts by name in Norwegian order (…Z, Æ, Ø, Å), both directions', () => {
    const small = openTestDb();
    seed(small, {
      clients: [
        client('313367002', 'ÅS AS', ['REGN']),
        client('311851381', 'ØST AS', ['REGN']),
        client('314961900', 'ÆBLE AS', ['REGN']),
        client('314055403', 'ZETA AS', ['REGN']),
        client('212201782', 'alfa as', ['REGN']),
      ],
    });
    const names = (direction: 'asc' | 'desc') => queryClients(small, 'demo', { sort: 'name', direction }, 0, 10).rows.map((r) => r.name);
    expect(names('asc')).toEqual(['alfa as', 'ZETA AS', 'ÆBLE AS', 'ØST AS', 'ÅS AS']);
    expect(names('desc')).toEqual(['ÅS AS', 'ØST AS', 'ÆBLE AS', 'ZETA AS', 'alfa as']);
  });

  it('sorts by org number and pages through the whole list without gaps or repeats', () => {
    const query: ClientQuery = { sort: 'orgNumber', direction: 'desc' };
    const first = page(query, 0, 3).rows.map((r) => r.orgNumber);
    expect(first).toEqual([...first].sort().reverse());
    const seen: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { rows, total } = page(query, offset, 1000);
      expect(total).toBe(DEMO_CLIENTS.length + GENERATED);
      seen.push(...rows.map((r) => r.orgNumber));
      if (rows.length < 1000) break;
    }
    expect(seen).toHaveLength(DEMO_CLIENTS.length + GENERATED);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(orgs(query));
  });

  it('combines search with filters and keeps the count right for the filtered set', () => {
    const result = page({ search: 'bakeri', relationships: ['REGN'], packages: ['skattegrunnlag'] }, 0, 5);
    expect(result.rows.length).toBeLessThanOrEqual(5);
    expect(result.total).toBe(orgs({ search: 'bakeri', relationships: ['REGN'], packages: ['skattegrunnlag'] }).length);
    for (const r of result.rows) {
      expect(r.name).toContain('BAKERI');
      expect(r.relationships).toContain('REGN');
      expect(r.packages).toContain('skattegrunnlag');
    }
  });
});

describe('the AND rule, offline', () => {
  it('flags the clients SU-B is offered but would refuse, naming the missing package (scenario S5)', () => {
    const named = orgs({ failsAndRuleFor: SU_B, search: '' }).filter((o) => DEMO_CLIENTS.some((c) => c.orgNumber === o));
    expect(named.sort()).toEqual(['212201782', '310000051', '310478717', '311851381', '314961900']);
    const havbris = getClient(db, 'demo', '311851381')!;
    expect(havbris.andRuleGaps).toEqual([{ systemUserId: SU_B, missingPackages: ['skattegrunnlag'] }]);
    const lysaker = getClient(db, 'demo', '310000051')!;
    // Offered to SU-B through skattegrunnlag; never offered to SU-A, so no gap is claimed for it.
    expect(lysaker.andRuleGaps).toEqual([{ systemUserId: SU_B, missingPackages: ['regnskapsforer-med-signeringsrettighet'] }]);
    // SU-A has one package, so a client is either offered and fine or not offered at all.
    expect(page({ failsAndRuleFor: SU_A }).total).toBe(0);
  });

  it('shows no gap for clients a system user is never offered, and none for those that qualify', () => {
    expect(getClient(db, 'demo', '310000035')!.andRuleGaps).toEqual([]);
    expect(getClient(db, 'demo', '313367002')!.andRuleGaps).toEqual([]);
  });

  it('limits the gaps to the system user the view is about', () => {
    const row = page({ systemUserId: SU_A, search: 'havbris' }).rows[0]!;
    expect(row.andRuleGaps).toEqual([]);
  });

  it('suggests the system user that fits each client, by its relationship', () => {
    expect(getClient(db, 'demo', '311851381')!.suggestedSystemUserId).toBe(SU_A);
    expect(getClient(db, 'demo', '310000051')!.suggestedSystemUserId).toBeNull();
    expect(getClient(db, 'demo', '310000035')!.suggestedSystemUserId).toBeNull();
  });

  it('counts per system user what is delegated, what qualifies and what would fail', () => {
    const [a, b] = listSystemUsers(db, 'demo');
    expect(a).toMatchObject({ id: SU_A, clientCount: 5, relationship: 'REGN' });
    expect(b).toMatchObject({ id: SU_B, clientCount: 1, relationship: 'REGN' });
    expect(b!.failingCount).toBe(page({ failsAndRuleFor: SU_B }).total);
    expect(b!.qualifyingCount).toBe(page({ packages: ['skattegrunnlag', 'regnskapsforer-med-signeringsrettighet'] }).total);
    expect(a!.qualifyingCount).toBe(page({ packages: ['regnskapsforer-med-signeringsrettighet'] }).total);
  });
});

describe('the two ways a search is answered agree', () => {
  // A plain search is answered from the in-memory index; a filter that keeps every current client
  // (relationships: all three) sends the same search through SQLite's trigram index instead.
  const viaSql = (search: string, direction: 'asc' | 'desc' = 'asc') =>
    page({ search, direction, relationships: ['REGN', 'REVI', 'FFØR'], subUnits: 'include' }, 0, 300);
  it('gives the same count and the same rows in the same order, both directions', () => {
    const everyRelationship = page({ relationships: ['REGN', 'REVI', 'FFØR'] }).total;
    // Sub-units hold no relationship, so compare within the clients that have one.
    const withRelationship = <R extends { relationships: string[] }>(rows: R[]) => rows.filter((r) => r.relationships.length > 0);
    expect(everyRelationship).toBeGreaterThan(0);
    for (const search of ['fjell', 'ø', 'ha', 'nord bygg', 'øy', 'konsult 4', '3200']) {
      for (const direction of ['asc', 'desc'] as const) {
        const plain = page({ search, direction }, 0, 5000);
        const sql = viaSql(search, direction);
        const plainWithRelationship = withRelationship(plain.rows);
        expect(
          plainWithRelationship.slice(0, 300).map((r) => r.orgNumber),
          `${search} ${direction}`,
        ).toEqual(withRelationship(sql.rows).map((r) => r.orgNumber));
        expect(plain.rows.every((r) => search.split(' ').every((t) => `${r.name.toLowerCase()} ${r.orgNumber}`.includes(t)))).toBe(true);
      }
    }
  });

  it('pages the plain search without gaps or repeats, and matchingOrgNumbers lists the same clients', () => {
    const all = orgs({ search: 'sol' });
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 700)
      paged.push(...page({ search: 'sol' }, offset, 700).rows.map((r) => r.orgNumber));
    expect(paged).toEqual(all);
    expect(page({ search: 'sol' }).total).toBe(all.length);
  });
});

describe('the search follows the syncs', () => {
  it('finds a renamed client by its new name only, through both indexes, after a small and after a large re-sync', () => {
    const small = openTestDb();
    const clients = [...DEMO_CLIENTS, ...generatedClients(3000)];
    seed(small, { clients });
    const renamed = clients.map((c) => (c.orgNumber === '313367002' ? { ...c, name: 'KVASIR KVERN AS' } : c));
    seed(small, { clients: renamed }, 'demo', new Date('2026-11-25T10:00:00Z'));
    const find = (search: string, filtered: boolean) =>
      matchingOrgNumbers(small, 'demo', filtered ? { search, relationships: ['REGN', 'REVI', 'FFØR'] } : { search });
    for (const filtered of [false, true]) {
      expect(find('kvasir', filtered), `filtered ${filtered}`).toEqual(['313367002']);
      expect(find('rørlegger fjellbekk', filtered)).toEqual([]);
    }
    // Every name changes: the index is rebuilt in one pass.
    seed(small, { clients: renamed.map((c) => ({ ...c, name: `${c.name} NY` })) }, 'demo', new Date('2026-11-26T10:00:00Z'));
    for (const filtered of [false, true]) {
      expect(find('kvern as ny', filtered)).toEqual(['313367002']);
      expect(find('konsult 17 ny', filtered).length).toBeGreaterThan(0);
    }
    // A client that leaves the firm drops out of the current list's search.
    seed(small, { clients: renamed.filter((c) => c.orgNumber !== '313367002') }, 'demo', new Date('2026-11-27T10:00:00Z'));
    expect(find('kvasir', false)).toEqual([]);
    expect(matchingOrgNumbers(small, 'demo', { search: 'kvasir', status: 'gone' })).toEqual(['313367002']);
    small.close();
  });
});
