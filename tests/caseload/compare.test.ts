import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_WEIGHTINGS, TIERS, compareCaseloads, compareRollUps, compareWithNational, generateNationalCaseload, organisationCaseload, type Organisation, rollUp } from '../../src/index.js';
import { CRC_2019_PROFILE } from '../../src/constants.js';
import { errorOf } from '../helpers.js';
import { AS_OF, HAND_ORGANISATION, cases } from './fixtures.js';

const SMALL = { seed: 3, practitioners: 400, pduCount: 12 };

describe('compareRollUps', () => {
  it('finds no change between a roll-up and itself', () => {
    const r = rollUp(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    const c = compareRollUps(r, r);
    for (const unit of [c.national, ...c.regions, ...c.pdus, ...c.teams]) {
      expect(unit.points.change).toBe(0);
      expect(unit.capacityPercent.change).toBe(0);
    }
    expect(c.national.casesPerFte).toEqual({ before: 34, after: 34, change: 0 });
    expect([c.onlyBefore, c.onlyAfter]).toEqual([[], []]);
  });

  it('shows what a weighting change does to every unit', () => {
    // A3 community +10 points: each active (or unpaid-work-only) ordinary A3 community case gains 10
    const refreshed = structuredClone(DEFAULT_WEIGHTINGS);
    refreshed.tierPoints.community.A3 = 216;
    const before = generateNationalCaseload(SMALL);
    const after = generateNationalCaseload({ ...SMALL, weightings: { ...refreshed, name: 'A3 refresh' } });
    const { tierIndex, caseTypeIndex, t2a, statusIndex } = before.columns.cases;
    let a3 = 0;
    for (let j = 0; j < tierIndex.length; j++) {
      if (TIERS[tierIndex[j] as number] === 'A3' && caseTypeIndex[j] === 0 && t2a?.[j] === 0 && (statusIndex?.[j] === 0 || statusIndex?.[j] === 2)) a3 += 1;
    }
    const c = compareRollUps(rollUp(before), rollUp(after));
    expect(c.to).toBe(after.name);
    expect(c.national.points.change).toBeCloseTo(10 * a3, 6);
    expect(c.national.cases.change).toBe(0);
    expect(c.national.availablePoints.change).toBe(0);
    expect(c.regions.reduce((s, r) => s + r.points.change, 0)).toBeCloseTo(10 * a3, 6);
  });

  it('shows the 2019 CRC picture against the unified service, unit by unit', () => {
    const crc = rollUp(generateNationalCaseload({ ...SMALL, profile: CRC_2019_PROFILE }));
    const unified = rollUp(generateNationalCaseload(SMALL));
    const c = compareRollUps(crc, unified);
    expect(c.regions).toHaveLength(12);
    expect(c.national.overCeilingShare.change).toBeLessThan(-0.3);
    expect([c.onlyBefore, c.onlyAfter]).toEqual([[], []]); // the same structure from the same seed
  });

  it('lists units found on one side only', () => {
    const r = rollUp(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    const fewer = { ...r, teams: r.teams.slice(1) };
    const c = compareRollUps(r, fewer);
    expect(c.onlyBefore).toEqual([{ level: 'team', id: 'A-01-01', name: 'Team A-01-01' }]);
    expect(compareRollUps(fewer, r).onlyAfter).toEqual([{ level: 'team', id: 'A-01-01', name: 'Team A-01-01' }]);
    expect(c.teams).toHaveLength(2);
  });

  it('refuses what is not a roll-up, naming the side and field', () => {
    const r = rollUp(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    expect(errorOf(() => compareRollUps({} as never, r)).path).toBe('before.name');
    const negative = { ...r, national: { ...r.national, cases: -1 } };
    expect(errorOf(() => compareRollUps(r, negative)).path).toBe('after.national.cases');
    const twice = { ...r, teams: [...r.teams, r.teams[0]!] };
    const error = errorOf(() => compareRollUps(r, twice));
    expect([error.code, error.path]).toEqual(['DUPLICATE_ID', 'after.teams[3].id']);
  });
});

describe('compareCaseloads: this month against last', () => {
  // Last month: the hand-built organisation. This month: p1 takes 40 more D1 community cases
  // (11 -> 51, above 50; 2277 + 40 x 29 = 3437 of 2070 points: 166.0%, red), p2 closes 10
  // (51 -> 41; 41 x 29 = 1189 of 1088: 109.3%, no longer red), p5 has left and p6 has joined.
  const lastMonth = organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF });
  const next: Organisation = structuredClone(HAND_ORGANISATION);
  next.practitioners[0]?.caseload?.cases.push(...cases(40, 'D1', 'community'));
  next.practitioners[1]!.caseload = { cases: cases(41, 'D1', 'community') };
  next.practitioners.splice(4, 1);
  next.practitioners.push({ id: 'p6', name: 'New starter', grade: 'PSO', contractedHours: 37, teamId: 'B-01-01', caseload: { cases: cases(5, 'D2', 'community') } });
  const thisMonth = organisationCaseload(next, { asOf: '2021-07-26' });
  const c = compareCaseloads(lastMonth, thisMonth);

  it('finds who crossed the ceiling, either way', () => {
    expect(c.crossedAboveCeiling.map((x) => [x.id, x.before.ceilingCases, x.after.ceilingCases])).toEqual([['p1', 11, 51]]);
    expect(c.crossedBelowCeiling.map((x) => [x.id, x.before.ceilingCases, x.after.ceilingCases])).toEqual([['p2', 51, 41]]);
    // one above 50 in each month (p2, then p1)
    expect(c.aboveCeiling).toEqual({ before: 1, after: 1, change: 0 });
    expect(c.ceiling).toBe(50);
  });

  it('finds who turned red and who left it, with the arithmetic', () => {
    expect(c.turnedRed.map((x) => x.id)).toEqual(['p1']);
    expect(c.turnedRed[0]?.after).toMatchObject({ points: 3437, availablePoints: 2070, status: 'red', teamId: 'A-01-01', grade: 'PO' });
    expect(c.turnedRed[0]?.before.status).toBe('over'); // exactly 110%: over, not red
    expect(c.leftRed.map((x) => [x.id, x.after.points, x.after.status])).toEqual([['p2', 1189, 'over']]);
  });

  it('lists who joined and who left', () => {
    expect(c.joined.map((x) => [x.id, x.name, x.month.ceilingCases])).toEqual([['p6', 'New starter', 5]]);
    expect(c.left.map((x) => [x.id, x.month.grade])).toEqual([['p5', 'PQiP']]);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('takes a ceiling and thresholds', () => {
    const at40 = compareCaseloads(lastMonth, thisMonth, { ceiling: 40 });
    // above 40: before p2 (51); after p1 (51) and p2 (41)
    expect(at40.aboveCeiling).toEqual({ before: 1, after: 2, change: 1 });
    expect(at40.crossedBelowCeiling).toEqual([]);
  });

  it('refuses bad input, naming the side', () => {
    expect(errorOf(() => compareCaseloads(lastMonth, thisMonth, { ceiling: -1 })).path).toBe('options.ceiling');
    expect(errorOf(() => compareCaseloads({} as never, thisMonth)).path).toBe('before.name');
    const twice = { ...thisMonth, practitioners: thisMonth.practitioners.map((x, i) => (i === 2 ? { ...x, id: 'p1' } : x)) };
    const error = errorOf(() => compareCaseloads(lastMonth, twice));
    expect([error.code, error.path]).toEqual(['DUPLICATE_ID', 'after.practitioners[2].id']);
    const noId = { ...thisMonth, practitioners: thisMonth.practitioners.map((x, i) => (i === 0 ? { ...x, id: '' } : x)) };
    expect(errorOf(() => compareCaseloads(lastMonth, noId)).path).toBe('after.practitioners[0].id');
  });
});

describe('compareWithNational: each region against the nation', () => {
  it('works the hand-built organisation out by hand', () => {
    const r = rollUp(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    const [a, b] = compareWithNational(r).units;
    // region A: 115 of 119 cases, 5648 of 5837 points; region B: 4 cases, 189 points
    expect(a?.shareOfCases).toBeCloseTo(115 / 119, 12);
    expect(b?.shareOfPoints).toBeCloseTo(189 / 5837, 12);
    // capacity A 5648 / 5334 = 105.89% against the nation's 5837 / 5769 = 101.18%: +4.71 points
    expect(a?.capacityPercent.difference).toBeCloseTo((5648 / 5334 - 5837 / 5769) * 100, 10);
    // cases per FTE: A 115 / 2.5 = 46 against 119 / 3.5 = 34
    expect(a?.casesPerFte).toEqual({ unit: 46, national: 34, difference: 12 });
    expect(compareWithNational(r, { level: 'team' }).units.map((u) => u.id)).toEqual(['A-01-01', 'A-01-02', 'B-01-01']);
  });

  test.prop([fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 50, max: 400 })], { numRuns: 15 })(
    "the regions' shares of cases and points sum to 100%",
    (seed, practitioners) => {
      const c = compareWithNational(rollUp(generateNationalCaseload({ seed, practitioners, pduCount: 12, targets: [] })));
      expect(c.units).toHaveLength(12);
      for (const key of ['shareOfCases', 'shareOfPoints', 'shareOfAvailablePoints', 'shareOfPractitioners'] as const) {
        expect(c.units.reduce((s, u) => s + (u[key] as number), 0)).toBeCloseTo(1, 12);
      }
    },
  );

  it('refuses bad input with its path', () => {
    const r = rollUp(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    expect(errorOf(() => compareWithNational(r, { level: 'street' as never })).path).toBe('options.level');
    expect(errorOf(() => compareWithNational({ ...r, national: { ...r.national, points: Number.NaN } })).path).toBe('rollUp.national.points');
  });
});
