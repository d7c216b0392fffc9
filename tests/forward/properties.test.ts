import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CASE_TYPES, DEFAULT_WEIGHTINGS, TIERS, forwardMonteCarlo, projectWorkload, type ForwardInput, type Tier } from '../../src/index.js';
import { type DatedCase, type WeeklyDemand } from '../../src/schemas.js';
import { type CaseState } from '../../src/types.js';
import { isoOf, dayOf } from '../../src/forward/dates.js';

const ASOF = '2024-05-04';
const START = dayOf(ASOF);
const WEEKS = 20;
const organisation: ForwardInput['organisation'] = {
  name: 'Property organisation (synthetic)',
  regions: [
    { id: 'A', name: 'North East' },
    { id: 'B', name: 'North West' },
  ],
  pdus: [
    { id: 'A-01', name: 'PDU A-01', regionId: 'A' },
    { id: 'B-01', name: 'PDU B-01', regionId: 'B' },
  ],
  teams: [
    { id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' },
    { id: 'A-01-02', name: 'Team A-01-02', pduId: 'A-01' },
    { id: 'B-01-01', name: 'Team B-01-01', pduId: 'B-01' },
  ],
  practitioners: [
    { id: 'p1', grade: 'PO', contractedHours: 37, teamId: 'A-01-01' },
    { id: 'p2', grade: 'PSO', contractedHours: 30, teamId: 'A-01-01' },
    { id: 'p3', grade: 'PO', contractedHours: 18.5, teamId: 'A-01-02' },
    { id: 'p4', grade: 'PQiP', contractedHours: 37, teamId: 'B-01-01', reductions: [{ reason: 'pqipFirst6Months', start: '2024-05-20', end: '2024-07-01' }] },
  ],
};
const ids = organisation.practitioners.map((p) => p.id);

const day = fc.option(fc.integer({ min: -500, max: 300 }), { nil: undefined });
const datedCase = fc
  .record({
    practitioner: fc.constantFrom(...ids),
    tier: fc.constantFrom(...TIERS),
    caseType: fc.constantFrom(...CASE_TYPES),
    sentence: fc.integer({ min: -900, max: -600 }),
    release: day,
    length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    mappaLevel: fc.integer({ min: 0, max: 3 }),
    status: fc.constantFrom('active', 'unpaidWorkOnly', 'overdueTermination') as fc.Arbitrary<'active' | 'unpaidWorkOnly' | 'overdueTermination'>,
  })
  .map((r, ): Omit<DatedCase, 'id'> => {
    const at = (offset: number) => isoOf(START + offset);
    const end = r.length === undefined ? undefined : at((r.release ?? -600) + r.length);
    return {
      practitionerId: r.practitioner,
      tier: r.tier,
      caseType: r.caseType,
      status: r.status,
      mappaLevel: r.mappaLevel,
      sentenceDate: at(r.sentence),
      ...(r.caseType === 'community' ? { expectedEndDate: end } : { releaseDate: r.release === undefined ? undefined : at(r.release), licenceEndDate: r.release === undefined ? undefined : end }),
    };
  });
const cases = fc.array(datedCase, { maxLength: 25 }).map((list) => list.map((c, i) => ({ ...c, id: `c${i}` }) as DatedCase));
const demand = fc.array(
  fc.record({ pduId: fc.constantFrom('A-01', 'B-01'), tier: fc.constantFrom(...TIERS), caseType: fc.constantFrom(...CASE_TYPES), perWeek: fc.double({ min: 0, max: 3, noNaN: true }) }),
  { maxLength: 4 },
);

const ORDER: Readonly<Record<CaseState, readonly CaseState[]>> = {
  custody: ['licence', 'unsupervisedLicence', 'ended'],
  licence: ['unsupervisedLicence', 'ended'],
  unsupervisedLicence: ['ended'],
  community: ['ended'],
  ended: [],
};

const cell = (tier: Tier, state: CaseState, t2a = false) => {
  if (state === 'ended' || tier === 'untiered') return 0;
  const s = state === 'unsupervisedLicence' && !tier.endsWith('S') ? (`${tier}S` as Tier) : tier;
  const column = state === 'community' ? 'community' : state === 'custody' ? 'custody' : 'licence';
  return (t2a ? DEFAULT_WEIGHTINGS.t2aTierPoints : DEFAULT_WEIGHTINGS.tierPoints)[column][s as Exclude<Tier, 'untiered'>];
};

describe('forward projection properties', () => {
  test.prop([cases], { numRuns: 60 })('every case is in exactly one state each week, ended stays ended, and the states sum to the points', (list) => {
    const p = projectWorkload({ organisation, cases: list }, { asOf: ASOF, weeks: WEEKS });
    const expected = new Map(ids.map((id) => [id, new Array<number>(WEEKS + 1).fill(0)]));
    p.cases.forEach((c, i) => {
      expect(c.states[0]?.week).toBe(0);
      for (let k = 1; k < c.states.length; k++) {
        expect(c.states[k]!.week).toBeGreaterThan(c.states[k - 1]!.week);
        expect(ORDER[c.states[k - 1]!.state]).toContain(c.states[k]!.state);
      }
      const source = list[i]!;
      const retained = source.status === 'active' ? 100 : DEFAULT_WEIGHTINGS.retention[source.status as 'unpaidWorkOnly'];
      for (let w = 0; w <= WEEKS; w++) {
        const state = [...c.states].reverse().find((s) => s.week <= w)!.state; // exactly one state in week w
        expected.get(c.practitionerId)![w]! += (cell(source.tier, state) * retained) / 100;
      }
    });
    for (const id of ids) {
      const weeks = p.units.find((u) => u.id === id)!.weeks.map((w) => w.points);
      weeks.forEach((x, w) => expect(x).toBeCloseTo(expected.get(id)![w]!, 6));
    }
  });

  test.prop([cases, demand, demand], { numRuns: 40 })('more demand never lowers any unit\'s projected points', (list, d, extra) => {
    const more: WeeklyDemand[] = [...d.map((x, i) => ({ ...x, perWeek: x.perWeek + (extra[i]?.perWeek ?? 0) })), ...extra.slice(d.length)];
    const pooled = (demand: WeeklyDemand[]) => projectWorkload({ organisation, cases: list, demand }, { asOf: ASOF, weeks: WEEKS, demandMode: 'pool' }).units;
    const allocated = (demand: WeeklyDemand[]) => projectWorkload({ organisation, cases: list, demand }, { asOf: ASOF, weeks: WEEKS, rules: { ceiling: null } }).units;
    for (const [run, levels] of [
      [pooled, ['team', 'pdu', 'region', 'national']],
      [allocated, ['pdu', 'region', 'national']],
    ] as const) {
      const before = run(d);
      const after = run(more);
      before.forEach((u, k) => {
        if (!levels.includes(u.level as never)) return;
        u.weeks.forEach((w, i) => expect(after[k]!.weeks[i]!.points).toBeGreaterThanOrEqual(w.points - 1e-9));
      });
    }
  });

  test.prop([fc.array(fc.record({ practitioner: fc.constantFrom(...ids), tier: fc.constantFrom(...TIERS), caseType: fc.constantFrom(...CASE_TYPES) }), { maxLength: 30 })], { numRuns: 30 })(
    'with no demand and no dates, the projection is flat',
    (list) => {
      const flat = { ...organisation, practitioners: organisation.practitioners.map(({ reductions: _r, ...p }) => p) };
      const p = projectWorkload({ organisation: flat, cases: list.map((c, i) => ({ id: `c${i}`, practitionerId: c.practitioner, tier: c.tier, caseType: c.caseType })) }, { asOf: ASOF, weeks: WEEKS });
      for (const u of p.units) for (const w of u.weeks) expect([w.points, w.available, w.cases]).toEqual([u.weeks[0]!.points, u.weeks[0]!.available, u.weeks[0]!.cases]);
    },
  );

  test.prop([cases, demand, fc.integer()], { numRuns: 15 })('same input and seed, byte-identical output', (list, d, seed) => {
    const input = { organisation, cases: list, demand: d };
    expect(JSON.stringify(projectWorkload(input, { asOf: ASOF, weeks: 8 }))).toBe(JSON.stringify(projectWorkload(input, { asOf: ASOF, weeks: 8 })));
    const options = { asOf: ASOF, weeks: 8, runs: 30, seed, recallWeeklyRate: 0.02, earlyRelease: { rate: 0.3, weeks: 2 }, dispersion: 2 };
    expect(JSON.stringify(forwardMonteCarlo(input, options))).toBe(JSON.stringify(forwardMonteCarlo(input, options)));
  });

  test.prop([cases, demand], { numRuns: 40 })('a week\'s roll-up equals the sum of its practitioners', (list, d) => {
    const p = projectWorkload({ organisation, cases: list, demand: d }, { asOf: ASOF, weeks: WEEKS });
    const practitioners = p.units.filter((u) => u.level === 'practitioner');
    const teamOf = new Map(organisation.practitioners.map((x) => [x.id, x.teamId]));
    const pduOf = new Map(organisation.teams.map((t) => [t.id, t.pduId]));
    const regionOf = new Map(organisation.pdus.map((x) => [x.id, x.regionId]));
    const parentOf = (level: string, id: string): string => {
      const team = teamOf.get(id)!;
      return level === 'team' ? team : level === 'pdu' ? pduOf.get(team)! : level === 'region' ? regionOf.get(pduOf.get(team)!)! : 'national';
    };
    for (const u of p.units.filter((x) => x.level !== 'practitioner')) {
      const members = practitioners.filter((x) => parentOf(u.level, x.id) === u.id);
      u.weeks.forEach((w, i) => {
        for (const key of ['points', 'available', 'cases', 'ceilingCases'] as const) {
          expect(w[key]).toBeCloseTo(members.reduce((s, m) => s + m.weeks[i]![key], 0), 6);
        }
      });
    }
  });
});
