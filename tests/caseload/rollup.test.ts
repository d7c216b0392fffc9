import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_WEIGHTINGS, generateNationalCaseload, organisationCaseload, rollUp, type CaseloadSummary } from '../../src/index.js';
import { columnarPoints } from '../../src/columnar.js';
import { errorOf } from '../helpers.js';
import { AS_OF, HAND_ORGANISATION, cases } from './fixtures.js';

const hand = () => organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF });

describe('rollUp: worked example', () => {
  const r = rollUp(hand());
  const team = (id: string) => r.teams.find((t) => t.id === id) as CaseloadSummary;

  it('sums points and available points per team, capacity as sum over sum', () => {
    // Team A-01-01: p1 2277 + p2 1479 = 3756 points of 2070 + 1088 = 3158 available: 118.94%,
    // where the mean of p1's 2277 / 2070 = 110% and p2's 1479 / 1088 = 135.9375% would say 122.97%.
    expect(team('A-01-01').points).toBe(3756);
    expect(team('A-01-01').availablePoints).toBe(3158);
    expect(team('A-01-01').capacityPercent).toBeCloseTo(118.936, 3);
    expect(team('A-01-01').capacityPercent).toBeCloseTo((3756 / 3158) * 100, 10);
    const meanOfPercentages = ((2277 / 2070) * 100 + (1479 / 1088) * 100) / 2;
    expect(meanOfPercentages).toBeCloseTo(122.96875, 10); // (110 + 135.9375) / 2
    expect(team('A-01-01').capacityPercent).not.toBeCloseTo(meanOfPercentages, 1);
    // Team A-01-02: p3 1760 + SPO 132 = 1892 of 2176 + 0.
    expect(team('A-01-02').points).toBe(1892);
    expect(team('A-01-02').availablePoints).toBe(2176);
    // Team B-01-01: 189 of 435 (the warrant case keeps 0%).
    expect(team('B-01-01').points).toBe(189);
    expect(team('B-01-01').availablePoints).toBe(435);
  });

  it('rolls teams into PDUs, regions and the nation', () => {
    // PDU A-01 = 3756 + 1892 = 5648 of 3158 + 2176 = 5334; nation = 5648 + 189 = 5837 of 5769.
    expect(r.pdus.map((p) => [p.id, p.points, p.availablePoints])).toEqual([
      ['A-01', 5648, 5334],
      ['B-01', 189, 435],
    ]);
    expect(r.regions.map((p) => [p.id, p.parentId, p.points])).toEqual([
      ['A', 'national', 5648],
      ['B', 'national', 189],
    ]);
    expect(r.national.points).toBe(5837);
    expect(r.national.availablePoints).toBe(5769);
    expect(r.national.capacityPercent).toBeCloseTo((5837 / 5769) * 100, 10);
    expect(r.national.remainingPoints).toBe(5769 - 5837);
  });

  it('counts cases, the ceiling, FTE and thresholds', () => {
    // cases 11 + 51 + 52 + 1 + 4 = 119; toward the ceiling 11 + 51 + 12 + 1 + 4 = 79 (40 unpaid work only left out)
    expect(r.national.cases).toBe(119);
    expect(r.national.ceilingCases).toBe(79);
    // FTE 1 + 0.5 + 1 + 0 (SPO) + 1 = 3.5; 119 / 3.5 = 34 cases per FTE
    expect(r.national.fte).toBe(3.5);
    expect(r.national.casesPerFte).toBe(34);
    // only p2 holds more than 50; 1 of 5 practitioners
    expect(r.national.overCeiling).toBe(1);
    expect(r.national.overCeilingShare).toBe(0.2);
    // p1 is exactly 110%: over 100 but not red; p2 at 135.9% is red
    expect(r.national.overCapacity).toBe(2);
    expect(r.national.red).toBe(1);
    expect(team('A-01-01').red).toBe(1);
    // shares of headcount: 2 of 5 above 100%, 1 of 5 above 110%; team A-01-01: both, one
    expect([r.national.overCapacityShare, r.national.redShare]).toEqual([0.4, 0.2]);
    expect([team('A-01-01').overCapacityShare, team('A-01-01').redShare, team('A-01-01').overCeilingShare]).toEqual([1, 0.5, 0.5]);
    // by grade: both POs above 100%, one red; the PSO (80.9%) neither
    expect([r.national.byGrade.PO.overCapacity, r.national.byGrade.PO.red, r.national.byGrade.PO.redShare]).toEqual([2, 1, 0.5]);
    expect(r.national.byGrade.PSO.overCapacity).toBe(0);
    expect(r.national.byGrade.NQO.redShare).toBeNull();
  });

  it('lists the most loaded practitioners of every unit', () => {
    // capacity: p2 1479 / 1088 = 135.9%, p1 110%, p3 1760 / 2176 = 80.9%, p5 189 / 435 = 43.4%, p4 (SPO) 0%
    expect(r.national.mostLoaded.map((x) => [x.id, x.grade, x.teamId])).toEqual([
      ['p2', 'PO', 'A-01-01'],
      ['p1', 'PO', 'A-01-01'],
      ['p3', 'PSO', 'A-01-02'],
      ['p5', 'PQiP', 'B-01-01'],
      ['p4', 'SPO', 'A-01-02'],
    ]);
    expect(r.national.mostLoaded[0]).toEqual({
      index: 1, id: 'p2', name: null, grade: 'PO', teamId: 'A-01-01', cases: 51, ceilingCases: 51, points: 1479, availablePoints: 1088, capacityPercent: (1479 / 1088) * 100,
    });
    expect(team('A-01-02').mostLoaded.map((x) => x.id)).toEqual(['p3', 'p4']);
    expect(r.regions[1]?.mostLoaded.map((x) => x.id)).toEqual(['p5']);
    // at most `mostLoaded` each; 0 lists none
    expect(rollUp(hand(), { mostLoaded: 2 }).national.mostLoaded.map((x) => x.id)).toEqual(['p2', 'p1']);
    expect(rollUp(hand(), { mostLoaded: 0 }).pdus.every((d) => d.mostLoaded.length === 0)).toBe(true);
  });

  it('breaks every unit down by grade', () => {
    const po = r.national.byGrade.PO;
    // two POs: 1.5 FTE, 62 cases, 3756 points of 3158
    expect([po.practitioners, po.fte, po.cases, po.points, po.availablePoints, po.overCeiling]).toEqual([2, 1.5, 62, 3756, 3158, 1]);
    expect(po.casesPerFte).toBeCloseTo(62 / 1.5, 10);
    expect(r.national.byGrade.SPO.casesPerFte).toBeNull(); // FTE 0: undefined, not Infinity
    expect(r.national.byGrade.SPO.capacityPercent).toBe(0); // 0 available, as the live tool shows
    expect(r.national.byGrade.NQO.practitioners).toBe(0);
  });

  it('takes a ceiling, unpaid-work counting and thresholds', () => {
    const counted = rollUp(hand(), { countUnpaidWorkOnly: true, ceiling: 10 });
    // ceiling cases now 119; above 10: p1 (11), p2 (51), p3 (52)
    expect(counted.national.ceilingCases).toBe(119);
    expect(counted.national.overCeiling).toBe(3);
    const strict = rollUp(hand(), { thresholds: { over: 80, red: 109.99 } });
    // above 80%: p1 110, p2 135.9, p3 80.9; above 109.99: p1 and p2
    expect([strict.national.overCapacity, strict.national.red]).toEqual([3, 2]);
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('rollUp: properties', () => {
  const small = fc.record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    practitioners: fc.integer({ min: 20, max: 250 }),
    cases: fc.integer({ min: 0, max: 8_000 }),
    pduCount: fc.integer({ min: 12, max: 20 }),
    teamSize: fc.integer({ min: 1, max: 15 }),
  });

  test.prop([small], { numRuns: 25 })('conserves practitioners, cases and points at every level', (options) => {
    const national = generateNationalCaseload({ ...options, targets: [] });
    const r = rollUp(national);
    const sum = (units: readonly CaseloadSummary[], key: 'practitioners' | 'cases' | 'ceilingCases' | 'points' | 'availablePoints' | 'overCeiling' | 'red') =>
      units.reduce((s, u) => s + u[key], 0);
    const totalCases = national.columns.cases.tierIndex.length;
    expect(totalCases).toBe(national.generated.cases);
    for (const level of [r.teams, r.pdus, r.regions]) {
      expect(sum(level, 'practitioners')).toBe(national.practitioners.length);
      expect(sum(level, 'cases')).toBe(totalCases);
      expect(sum(level, 'ceilingCases')).toBe(r.national.ceilingCases);
      expect(sum(level, 'points')).toBeCloseTo(r.national.points, 6);
      expect(sum(level, 'availablePoints')).toBe(r.national.availablePoints);
      expect(sum(level, 'overCeiling')).toBe(r.national.overCeiling);
      expect(sum(level, 'red')).toBe(r.national.red);
    }
    // and within every unit, the grades add up to the unit
    for (const u of [r.national, ...r.regions, ...r.pdus, ...r.teams]) {
      const grades = Object.values(u.byGrade);
      expect(grades.reduce((s, g) => s + g.cases, 0)).toBe(u.cases);
      expect(grades.reduce((s, g) => s + g.points, 0)).toBeCloseTo(u.points, 6);
      expect(grades.reduce((s, g) => s + g.availablePoints, 0)).toBe(u.availablePoints);
    }
    expect(r.national.cases).toBe(totalCases);
    // national points = case points from columnarPoints + report points, recomputed flat
    const totals = columnarPoints(national.columns.cases);
    const p = national.columns.practitioners;
    let points = 0;
    let available = 0;
    for (let i = 0; i < p.count; i++) {
      points += (totals.points[i] as number) + (p.standardDeliveryReports[i] as number) * 138 + (p.fastDeliveryReports[i] as number) * 65;
      available += p.availablePoints[i] as number;
    }
    expect(r.national.points).toBeCloseTo(points, 6);
    expect(r.national.availablePoints).toBe(available);
    expect(r.national.capacityPercent).toBeCloseTo(available === 0 ? 0 : (points / available) * 100, 8);
    // bounds: no NaN, no negative counts
    for (const u of [r.national, ...r.regions, ...r.pdus, ...r.teams]) {
      expect(Number.isFinite(u.capacityPercent) && u.capacityPercent >= 0).toBe(true);
      expect(u.casesPerFte === null || Number.isFinite(u.casesPerFte)).toBe(true);
      expect(u.red).toBeLessThanOrEqual(u.overCapacity);
    }
  });

  test.prop([fc.integer({ min: 1, max: 30 }), fc.constantFrom('A3', 'C2', 'D0', 'untiered' as const)])(
    'more cases never lower points, at any level',
    (extra, tier) => {
      const before = rollUp(hand());
      const more = structuredClone(HAND_ORGANISATION);
      more.practitioners[4]?.caseload?.cases.push(...cases(extra, tier, 'community'));
      const after = rollUp(organisationCaseload(more, { asOf: AS_OF }));
      expect(after.national.points).toBeGreaterThanOrEqual(before.national.points);
      expect(after.regions[1]?.points).toBeGreaterThanOrEqual(before.regions[1]?.points as number);
      expect(after.national.cases).toBe(before.national.cases + extra);
    },
  );
});

describe('rollUp: bad input', () => {
  it('refuses bad options with their path', () => {
    const error = errorOf(() => rollUp(hand(), { thresholds: { over: 120, red: 110 } }));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'options.thresholds.red']);
    expect(errorOf(() => rollUp(hand(), { ceiling: -1 })).path).toBe('options.ceiling');
    expect(errorOf(() => rollUp(hand(), { ceiling: Number.NaN })).path).toBe('options.ceiling');
    expect(errorOf(() => rollUp(hand(), { mostLoaded: 101 })).path).toBe('options.mostLoaded');
    expect(errorOf(() => rollUp(hand(), { colour: 'blue' } as never)).path).toBe('options');
  });

  it('refuses a practitioner without an id when listing the most loaded', () => {
    const oc = hand();
    const practitioners = oc.practitioners.map((x, i) => (i === 1 ? { ...x, id: 7 } : x));
    const error = errorOf(() => rollUp({ ...oc, practitioners } as never));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'organisationCaseload.practitioners[1].id']);
  });

  it('refuses columns that disagree with the hierarchy or hold impossible values', () => {
    const oc = hand();
    const wrongRegion = { ...oc, columns: { ...oc.columns, practitioners: { ...oc.columns.practitioners, regionIndex: Uint32Array.of(1, 0, 0, 0, 1) } } };
    expect(errorOf(() => rollUp(wrongRegion)).path).toBe('organisationCaseload.columns.practitioners.regionIndex[0]');
    const tierIndex = oc.columns.cases.tierIndex.slice();
    tierIndex[3] = 99;
    const badTier = { ...oc, columns: { ...oc.columns, cases: { ...oc.columns.cases, tierIndex } } };
    const error = errorOf(() => rollUp(badTier));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'organisationCaseload.columns.cases.tierIndex[3]']);
    const shortFte = { ...oc, columns: { ...oc.columns, practitioners: { ...oc.columns.practitioners, fte: new Float64Array(2) } } };
    expect(errorOf(() => rollUp(shortFte)).path).toBe('organisationCaseload.columns.practitioners.fte');
    const nanFte = { ...oc, columns: { ...oc.columns, practitioners: { ...oc.columns.practitioners, fte: Float64Array.of(1, Number.NaN, 1, 0, 1) } } };
    expect(errorOf(() => rollUp(nanFte)).path).toBe('organisationCaseload.columns.practitioners.fte[1]');
    const plainArray = { ...oc, columns: { ...oc.columns, practitioners: { ...oc.columns.practitioners, gradeIndex: [0, 0, 1, 4, 2] } } };
    expect(errorOf(() => rollUp(plainArray as never)).path).toBe('organisationCaseload.columns.practitioners.gradeIndex');
    const badTable = { ...oc, weightings: { ...DEFAULT_WEIGHTINGS, nominalTarget: { ...DEFAULT_WEIGHTINGS.nominalTarget, PO: -1 } } };
    expect(errorOf(() => rollUp(badTable)).path).toBe('organisationCaseload.weightings.nominalTarget.PO');
  });
});
