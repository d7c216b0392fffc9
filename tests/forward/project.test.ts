import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTINGS, projectWorkload, type ForwardInput, type ForwardOptions } from '../../src/index.js';
import { type DatedCase } from '../../src/schemas.js';
import { type UnitProjection } from '../../src/types.js';
import { errorOf } from '../helpers.js';
import { ORGANISATION } from './fixtures.js';

const ASOF = '2021-06-26';
const unit = (units: readonly UnitProjection[], id: string) => units.find((u) => u.id === id) as UnitProjection;
const project = (cases: DatedCase[], rest: Partial<ForwardInput> = {}, options: Partial<ForwardOptions> = {}) =>
  projectWorkload({ organisation: ORGANISATION, cases, ...rest }, { asOf: ASOF, weeks: 12, ...options });
const points = (units: readonly UnitProjection[], id: string) => unit(units, id).weeks.map((w) => w.points);

describe('cases move through their dates', () => {
  it('a B1 custody case released in week 3 moves from 47 to 119 points', () => {
    expect(DEFAULT_WEIGHTINGS.tierPoints.custody.B1).toBe(47);
    expect(DEFAULT_WEIGHTINGS.tierPoints.licence.B1).toBe(119);
    // Released 11 July 2021 = 26 June + 15 days: week ceil(15 / 7) = 3. Weeks 0-2 custody 47, week 3 on licence 119.
    const p = project([{ id: 'c1', practitionerId: 'po1', tier: 'B1', caseType: 'custody', sentenceDate: '2021-01-04', releaseDate: '2021-07-11', licenceEndDate: '2022-01-10' }]);
    expect(points(p.units, 'po1').slice(0, 5)).toEqual([47, 47, 47, 119, 119]);
    expect(unit(p.units, 'po1').weeks[3]?.moved.release).toBe(72); // 119 - 47
    expect(unit(p.units, 'po1').weeks[2]?.lookAhead.releasesNext7Days).toBe(1);
    expect(p.cases[0]?.states).toEqual([{ week: 0, state: 'custody' }, { week: 3, state: 'licence' }]);
  });

  it('a community case ending in week 10 leaves', () => {
    // Ends 4 September 2021 = 26 June + 70 days: week 70 / 7 = 10. C2 community: 63 points and 1 case, then none.
    const p = project([{ id: 'c2', practitionerId: 'po1', tier: 'C2', caseType: 'community', sentenceDate: '2021-03-01', expectedEndDate: '2021-09-04' }]);
    const po = unit(p.units, 'po1');
    expect(po.weeks.map((w) => w.points)).toEqual([63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 0, 0, 0]);
    expect(po.weeks[9]?.cases).toBe(1);
    expect(po.weeks[10]?.cases).toBe(0);
    expect(po.weeks[10]?.moved.end).toBe(-63);
    // As of week 6 the end falls in weeks 7-10 (the next 4 weeks); as of week 5 it does not.
    expect(po.weeks[6]?.lookAhead.terminationsNext4Weeks).toBe(1);
    expect(po.weeks[5]?.lookAhead.terminationsNext4Weeks).toBe(0);
  });

  it('a licence case ends at its licence end date', () => {
    // 26 June + 21 days = 17 July: week 3. B3 licence 161.
    const p = project([{ id: 'l1', practitionerId: 'po1', tier: 'B3', caseType: 'licence', releaseDate: '2021-01-01', licenceEndDate: '2021-07-17' }], {}, { probationReset: false });
    expect(points(p.units, 'po1').slice(0, 5)).toEqual([161, 161, 161, 0, 0]);
  });

  it('probation reset: a licence case moves to its S tier at two-thirds of its licence, unless exempt', () => {
    // Licence 1 Jan 2024 to 1 Jan 2025: 366 days; two-thirds = floor(732 / 3) = 244 days: 1 September 2024.
    // From 3 August 2024 that is 29 days: week ceil(29 / 7) = 5. B2 licence 132 -> B2S licence 0; still a case.
    const licence: DatedCase = { id: 'l1', practitionerId: 'po1', tier: 'B2', caseType: 'licence', releaseDate: '2024-01-01', licenceEndDate: '2025-01-01' };
    const p = project([licence], {}, { asOf: '2024-08-03', weeks: 8 });
    expect(points(p.units, 'po1')).toEqual([132, 132, 132, 132, 132, 0, 0, 0, 0]);
    expect(unit(p.units, 'po1').weeks[5]).toMatchObject({ cases: 1, moved: { reset: -132 }, events: { reset: 1 } });
    expect(p.cases[0]?.states.at(-1)).toEqual({ week: 5, state: 'unsupervisedLicence' });
    for (const exempt of [{ mappaLevel: 1 }, { rosh: 'veryHigh' as const }, { childProtection: true }]) {
      expect(points(project([{ ...licence, ...exempt }], {}, { asOf: '2024-08-03', weeks: 8 }).units, 'po1')[8]).toBe(132);
    }
    expect(points(project([licence], {}, { asOf: '2024-08-03', weeks: 8, probationReset: false }).units, 'po1')[8]).toBe(132);
  });

  it('probation reset: a licence past its two-thirds point before the reset began moves on the first day', () => {
    // Licence 1 Jan 2023 to 1 Jan 2025 (731 days): two-thirds = 487 days, 2 May 2024, before 7 June 2024.
    // From 25 May 2024 the reset day 7 June is 13 days on: week 2.
    const p = project([{ id: 'l1', practitionerId: 'po1', tier: 'C1', caseType: 'licence', releaseDate: '2023-01-01', licenceEndDate: '2025-01-01' }], {}, { asOf: '2024-05-25', weeks: 3 });
    expect(points(p.units, 'po1')).toEqual([52, 52, 0, 0]);
  });

  it('reports drop out of the 30-day window', () => {
    // Completed 20 June 2021 (6 days before): counted until 19 July; 20 July = 26 June + 24 days: week 4.
    const p = project([], { reports: [{ practitionerId: 'po1', kind: 'standardDelivery', completedDate: '2021-06-20' }] });
    expect(points(p.units, 'po1').slice(0, 6)).toEqual([138, 138, 138, 138, 0, 0]);
    expect(unit(p.units, 'po1').weeks[4]?.moved.report).toBe(-138);
  });

  it('available points follow reductions by their dates', () => {
    // Long-term sickness 5-20 July 2021: week 2 (10 July) and week 3 (17 July) fall within it; week 4 (24 July) does not.
    const organisation = {
      ...ORGANISATION,
      practitioners: ORGANISATION.practitioners.map((p) => (p.id === 'po1' ? { ...p, reductions: [{ reason: 'longTermSickness' as const, start: '2021-07-05', end: '2021-07-20' }] } : p)),
    };
    const p = projectWorkload({ organisation, cases: [] }, { asOf: ASOF, weeks: 5 });
    expect(unit(p.units, 'po1').weeks.map((w) => w.available)).toEqual([2176, 2176, 0, 0, 2176, 2176]);
    expect(unit(p.units, 'A-01-01').weeks.map((w) => w.available)).toEqual([4352, 4352, 2176, 2176, 4352, 4352]);
  });
});

describe('new demand', () => {
  it('allocates each week by the library allocation, the case to the lighter practitioner; nothing dropped', () => {
    // po1 holds A3 licence (219), po2 nothing: one C2 community a week (63) goes to po2 until it passes po1's 219 (4 x 63 = 252).
    const p = project([{ id: 'l1', practitionerId: 'po1', tier: 'A3', caseType: 'licence', releaseDate: '2021-01-01' }], {
      demand: [
        { pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 1 },
        { pduId: 'A-02', tier: 'C2', caseType: 'community', perWeek: 0.5 },
      ],
    }, { weeks: 4, policy: 'least-loaded' });
    expect(points(p.units, 'po2')).toEqual([0, 63, 126, 189, 252]);
    expect(unit(p.units, 'po2').weeks[1]?.lookAhead.allocatedPast7Days).toBe(1);
    // PDU A-02 has only an SPO: its cases (0.5 a week: weeks 2 and 4) come back with the allocation's reason.
    expect(p.unplaced).toEqual([
      { week: 2, pduId: 'A-02', reason: 'NO_ELIGIBLE_PRACTITIONER', cases: 1 },
      { week: 4, pduId: 'A-02', reason: 'NO_ELIGIBLE_PRACTITIONER', cases: 1 },
    ]);
  });

  it('a new case with a duration ends after it', () => {
    const p = project([], { demand: [{ pduId: 'A-01', tier: 'D1', caseType: 'community', perWeek: 0.5, durationWeeks: 3 }] }, { weeks: 6 });
    // Whole cases as 0.5 a week reaches them: weeks 2, 4 and 6. The week-2 case ends in week 5 (2 + 3), the week-4 case in week 7 (after the horizon).
    expect(unit(p.units, 'A-01').weeks.map((w) => w.cases)).toEqual([0, 0, 1, 1, 2, 1, 2]);
  });

  it('pooled at team level: a PDU\'s cases shared by its teams\' available points', () => {
    const p = project([], { demand: [{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 2 }] }, { weeks: 2, demandMode: 'pool' });
    expect(unit(p.units, 'A-01-01').weeks.map((w) => w.points)).toEqual([0, 126, 252]);
    expect(points(p.units, 'po1')).toEqual([0, 0, 0]);
  });
});

describe('crossings and runs', () => {
  it('first week above 100%, above 110%, over 50 cases, and a run of 4 weeks above 110%', () => {
    // One A3 licence (219) a week to po1 alone (po2 at 37 h with long-term sickness has none available):
    // week 10: 2,190 > 2,176 (100.6%); week 11: 2,409 > 2,393.6 (110.7%); runs weeks 11-14.
    const organisation = {
      ...ORGANISATION,
      practitioners: ORGANISATION.practitioners.map((p) => (p.id === 'po2' ? { ...p, reductions: [{ reason: 'longTermSickness' as const }] } : p)),
    };
    const heavy = projectWorkload(
      { organisation, cases: [], demand: [{ pduId: 'A-01', tier: 'A3', caseType: 'licence', perWeek: 1 }] },
      { asOf: ASOF, weeks: 14, probationReset: false },
    );
    expect(unit(heavy.units, 'po1').crossings).toEqual({ firstOver: 10, firstRed: 11, firstOverCeiling: null, excessiveRuns: [{ fromWeek: 11, toWeek: 14 }] });
    // Ten D0 community cases a week (29 points) with no ceiling: 60 cases in week 6 (> 50; 50 in week 5 is not above).
    const many = projectWorkload(
      { organisation, cases: [], demand: [{ pduId: 'A-01', tier: 'D0', caseType: 'community', perWeek: 10 }] },
      { asOf: ASOF, weeks: 6, rules: { ceiling: null } },
    );
    expect(unit(many.units, 'po1').crossings.firstOverCeiling).toBe(6);
  });
});

describe('bad input', () => {
  const base: DatedCase = { id: 'c1', practitionerId: 'po1', tier: 'B1', caseType: 'custody' };
  it('an end date before its start', () => {
    const e = errorOf(() => project([{ ...base, caseType: 'community', sentenceDate: '2021-03-01', expectedEndDate: '2021-02-01' }]));
    expect([e.code, e.path]).toEqual(['INVALID_INPUT', 'input.cases[0].expectedEndDate']);
    expect(errorOf(() => project([{ ...base, releaseDate: '2021-09-01', licenceEndDate: '2021-08-01' }])).path).toBe('input.cases[0].licenceEndDate');
  });
  it('a release before the sentence', () => {
    expect(errorOf(() => project([{ ...base, sentenceDate: '2021-03-01', releaseDate: '2021-02-01' }])).path).toBe('input.cases[0].releaseDate');
  });
  it('a case held by an unknown practitioner', () => {
    const e = errorOf(() => project([{ ...base, practitionerId: 'nobody' }]));
    expect([e.code, e.path]).toEqual(['UNKNOWN_REFERENCE', 'input.cases[0].practitionerId']);
  });
  it('negative demand, and demand for an unknown PDU', () => {
    expect(errorOf(() => project([], { demand: [{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: -1 }] })).path).toBe('input.demand[0].perWeek');
    expect(errorOf(() => project([], { demand: [{ pduId: 'Z', tier: 'C2', caseType: 'community', perWeek: 1 }] })).path).toBe('input.demand[0].pduId');
  });
  it('weeks outside 1-260', () => {
    for (const weeks of [0, 261, 1.5, Number.NaN]) expect(errorOf(() => project([], {}, { weeks })).path).toBe('options.weeks');
  });
  it('team scope for per-PDU demand, and red below over', () => {
    expect(errorOf(() => project([], {}, { rules: { scope: 'team' } })).path).toBe('options.rules.scope');
    expect(errorOf(() => project([], {}, { over: 120, red: 110 })).path).toBe('options.red');
  });
});
