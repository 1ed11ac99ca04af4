import fc from 'fast-check';
import { parseRoster, rankAnalysts, type Analyst, type RankedAnalyst } from '../../../src/procedure/analysts';

const MODULE = 'modulo_faturamento';

const analyst = (id: number, name: string, seniority: number | null, extra: Partial<Analyst> = {}): Analyst => ({
  id,
  name,
  seniority,
  modules: [MODULE],
  role: 'agent',
  ...extra,
});

const ids = (ranked: RankedAnalyst[]) => ranked.map((entry) => entry.id);

describe('rankAnalysts', () => {
  const noTickets = { module: MODULE, leadId: null, openTickets: new Map<number, number>() };

  it('puts the most senior analyst of the module first and numbers the ranks from 1', () => {
    const ranked = rankAnalysts([analyst(1, 'Bruno', 3), analyst(2, 'Ana', 9), analyst(3, 'Carla', 5)], noTickets);
    expect(ids(ranked)).toEqual([2, 3, 1]);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 3]);
  });

  it('keeps only agents and admins who serve the ticket module', () => {
    const pool = [
      analyst(1, 'Ana', 9, { modules: ['modulo_estoque'] }),
      analyst(2, 'Bruno', 8, { role: 'end-user' }),
      analyst(3, 'Carla', 7, { role: 'admin' }),
      analyst(4, 'Davi', 6, { modules: ['modulo_estoque', MODULE] }),
      analyst(5, 'Eva', 5, { role: 'other' }),
    ];
    expect(ids(rankAnalysts(pool, noTickets))).toEqual([3, 4]);
  });

  it('excludes the lead of the module: the lead designates, is not designated', () => {
    const pool = [analyst(10, 'Líder', 10), analyst(11, 'Ana', 4)];
    expect(ids(rankAnalysts(pool, { ...noTickets, leadId: 10 }))).toEqual([11]);
  });

  it('breaks seniority ties with fewer open consulting tickets, and reports the count', () => {
    const openTickets = new Map([
      [1, 4],
      [2, 1],
    ]);
    const ranked = rankAnalysts([analyst(1, 'Ana', 7), analyst(2, 'Bruno', 7), analyst(3, 'Carla', 7)], { ...noTickets, openTickets });
    expect(ids(ranked)).toEqual([3, 2, 1]);
    expect(ranked.map((entry) => entry.openTickets)).toEqual([0, 1, 4]);
  });

  it('then orders by name in pt-BR collation, then by id', () => {
    const pool = [analyst(4, 'Érica', 5), analyst(3, 'eva', 5), analyst(2, 'Eduardo', 5), analyst(1, 'Édson', 5), analyst(9, 'Ana', 5), analyst(8, 'Ana', 5)];
    expect(rankAnalysts(pool, noTickets).map((entry) => `${entry.name}#${entry.id}`)).toEqual(['Ana#8', 'Ana#9', 'Édson#1', 'Eduardo#2', 'Érica#4', 'eva#3']);
  });

  it('ranks analysts without seniority (or with a non-number) last', () => {
    const pool = [analyst(1, 'Ana', null), analyst(2, 'Bruno', 0), analyst(3, 'Carla', Number.NaN), analyst(4, 'Davi', 2)];
    expect(ids(rankAnalysts(pool, noTickets))).toEqual([4, 2, 1, 3]);
  });

  it('gives an empty ranking when nobody serves the module', () => {
    expect(rankAnalysts([analyst(1, 'Ana', 9, { modules: ['outro'] })], noTickets)).toEqual([]);
  });
});

describe('rankAnalysts properties', () => {
  const modules = ['m_a', 'm_b', 'm_c'];
  const poolArb = fc
    .uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 200 }),
        name: fc.constantFrom('Ana', 'ana', 'Álvaro', 'Bruno', 'Érica', 'Eva', 'Zé', 'Ísis', 'Ó', ''),
        seniority: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
        modules: fc.subarray(modules),
        role: fc.constantFrom('agent', 'admin', 'end-user', 'other'),
      }),
      { selector: (entry) => entry.id, maxLength: 25 },
    );
  const scenarioArb = fc.record({
    pool: poolArb,
    module: fc.constantFrom(...modules),
    leadId: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
    tickets: fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 3 })), { maxLength: 40 }),
  });
  const RUNS = { numRuns: 400 };

  const eligibleOf = (pool: Analyst[], module: string, leadId: number | null) =>
    pool.filter((entry) => (entry.role === 'agent' || entry.role === 'admin') && entry.modules.includes(module) && entry.id !== leadId);

  it('the first is never less senior than any other eligible analyst', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pool, module, leadId, tickets }) => {
        const [first] = rankAnalysts(pool, { module, leadId, openTickets: new Map(tickets) });
        if (!first) return eligibleOf(pool, module, leadId).length === 0;
        return eligibleOf(pool, module, leadId).every((other) => other.seniority === null || (first.seniority !== null && first.seniority >= other.seniority));
      }),
      RUNS,
    );
  });

  it('within equal seniority, fewer open tickets come first', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pool, module, leadId, tickets }) => {
        const ranked = rankAnalysts(pool, { module, leadId, openTickets: new Map(tickets) });
        return ranked.every((entry, index) => {
          const next = ranked[index + 1];
          return !next || next.seniority !== entry.seniority || entry.openTickets <= next.openTickets;
        });
      }),
      RUNS,
    );
  });

  it('reports each analyst open tickets from the map (missing = 0)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pool, module, leadId, tickets }) => {
        const openTickets = new Map(tickets);
        return rankAnalysts(pool, { module, leadId, openTickets }).every((entry) => entry.openTickets === (openTickets.get(entry.id) ?? 0));
      }),
      RUNS,
    );
  });

  it('is a permutation of the eligible pool, ranked 1..n', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pool, module, leadId, tickets }) => {
        const ranked = rankAnalysts(pool, { module, leadId, openTickets: new Map(tickets) });
        const expected = eligibleOf(pool, module, leadId);
        expect(ranked.map((entry) => entry.rank)).toEqual(expected.map((_, index) => index + 1));
        expect([...ids(ranked)].sort((a, b) => a - b)).toEqual(expected.map((entry) => entry.id).sort((a, b) => a - b));
        for (const entry of ranked) {
          expect(entry).toEqual({ ...pool.find((candidate) => candidate.id === entry.id), openTickets: entry.openTickets, rank: entry.rank });
        }
      }),
      RUNS,
    );
  });

  it('gives the same ranking whatever the order of the pool', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) => fc.tuple(fc.constant(scenario), fc.shuffledSubarray(scenario.pool, { minLength: scenario.pool.length, maxLength: scenario.pool.length }))),
        ([{ pool, module, leadId, tickets }, shuffled]) => {
          const context = { module, leadId, openTickets: new Map(tickets) };
          expect(rankAnalysts(shuffled, context)).toEqual(rankAnalysts(pool, context));
        },
      ),
      RUNS,
    );
  });

  it('does not modify the pool it is given', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pool, module, leadId, tickets }) => {
        const before = structuredClone(pool);
        rankAnalysts(pool, { module, leadId, openTickets: new Map(tickets) });
        expect(pool).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseRoster', () => {
  it('reads the documented example (role defaults to agent)', () => {
    expect(parseRoster('[{"user_id":2001,"name":"Ana","seniority":9,"modules":["modulo_faturamento"]}]')).toEqual({
      ok: true,
      roster: [{ id: 2001, name: 'Ana', seniority: 9, modules: ['modulo_faturamento'], role: 'agent' }],
    });
  });

  it('accepts a null seniority, an admin role, an empty list, and trims texts', () => {
    const result = parseRoster(' [{"user_id":7,"name":" Bruno Lima ","seniority":null,"modules":[" m1 ","m2"],"role":"admin"}] ');
    expect(result).toEqual({ ok: true, roster: [{ id: 7, name: 'Bruno Lima', seniority: null, modules: ['m1', 'm2'], role: 'admin' }] });
    expect(parseRoster('[]')).toEqual({ ok: true, roster: [] });
  });

  it.each([
    ['{oops', null, null, /not valid JSON/],
    ['{"user_id":1}', null, null, /must be a JSON array/],
    ['[42]', 0, null, /^entry 1 must be an object/],
    ['[{"user_id":"2001","name":"Ana","seniority":9,"modules":["m"]}]', 0, 'user_id', /^entry 1 \("Ana"\): "user_id" must be a positive whole number/],
    ['[{"user_id":2.5,"name":"Ana","seniority":9,"modules":["m"]}]', 0, 'user_id', /"user_id" must be a positive/],
    ['[{"user_id":1,"name":"  ","seniority":9,"modules":["m"]}]', 0, 'name', /^entry 1: "name" must be a non-empty text/],
    ['[{"user_id":1,"name":"Ana","modules":["m"]}]', 0, 'seniority', /"seniority" is missing \(use null when unknown\)/],
    ['[{"user_id":1,"name":"Ana","seniority":"9","modules":["m"]}]', 0, 'seniority', /"seniority" must be a number ≥ 0 or null/],
    ['[{"user_id":1,"name":"Ana","seniority":-1,"modules":["m"]}]', 0, 'seniority', /"seniority" must be a number ≥ 0 or null/],
    ['[{"user_id":1,"name":"Ana","seniority":1,"modules":[]}]', 0, 'modules', /"modules" must be a non-empty list/],
    ['[{"user_id":1,"name":"Ana","seniority":1,"modules":"m"}]', 0, 'modules', /"modules" must be a non-empty list/],
    ['[{"user_id":1,"name":"Ana","seniority":1,"modules":["m",""]}]', 0, 'modules', /"modules" item 1 must be a non-empty text/],
    ['[{"user_id":1,"name":"Ana","seniority":1,"modules":["m"],"role":"end-user"}]', 0, 'role', /"role" must be "agent" or "admin"/],
    ['[{"user_id":1,"name":"Ana","seniority":1,"modulos":["m"]}]', 0, 'modulos', /"modulos" is not a roster field \(expected user_id, name, seniority, modules, role\)/],
    [
      '[{"user_id":1,"name":"Ana","seniority":1,"modules":["m"]},{"user_id":2,"name":"Bia","seniority":1,"modules":["m"]},{"user_id":1,"name":"Caio","seniority":2,"modules":["m"]}]',
      2,
      'user_id',
      /^entry 3 \("Caio"\): "user_id" 1 already appears in entry 1$/,
    ],
  ])('rejects %s, naming the entry and field', (json, entry, field, message) => {
    const result = parseRoster(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.entry).toBe(entry);
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(message);
  });

  it('feeds rankAnalysts directly', () => {
    const result = parseRoster('[{"user_id":1,"name":"Ana","seniority":2,"modules":["m"]},{"user_id":2,"name":"Bia","seniority":8,"modules":["m"]}]');
    if (!result.ok) throw new Error(result.error.message);
    expect(ids(rankAnalysts(result.roster, { module: 'm', leadId: null, openTickets: new Map() }))).toEqual([2, 1]);
  });
});
