import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimateWeeklyDemand, projectWorkload } from '../../src/index.js';
import { type AllocatedCase } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { ORGANISATION } from './fixtures.js';

const ASOF = '2021-06-26';
const c = (allocatedDate: string, extra: Partial<AllocatedCase> = {}): AllocatedCase => ({ pduId: 'A-01', tier: 'C2', caseType: 'community', allocatedDate, ...extra });

describe('estimateWeeklyDemand, worked by hand', () => {
  it('counts the cases allocated in the window, over its weeks, by PDU, tier, case type and T2A', () => {
    // 4 weeks to 26 Jun 2021: 29 May (exclusive) to 26 Jun (inclusive)
    const demand = estimateWeeklyDemand(
      [
        c('2021-05-29'), // day 28 before: outside
        c('2021-05-30', { endDate: '2021-06-06' }), // 7 days: 1 week
        c('2021-06-26', { endDate: '2021-07-10' }), // 14 days: 2 weeks
        c('2021-06-27'), // after asOf: outside
        c('2021-06-01', { pduId: 'A-02', tier: 'B1', caseType: 'custody', t2a: true, endDate: '2021-06-09' }), // 8 days: 2 weeks (rounded up)
        c('2021-06-02', { tier: 'C2', caseType: 'community', t2a: true }),
      ],
      { asOf: ASOF, weeks: 4 },
    );
    expect(demand).toEqual([
      // A-01 C2 community: 2 cases / 4 weeks = 0.5; durations [1, 2]: median (lower) 1
      { pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 0.5, durationWeeks: 1 },
      // A-01 C2 community T2A: 1 / 4 = 0.25, no end date: no duration
      { pduId: 'A-01', tier: 'C2', caseType: 'community', t2a: true, perWeek: 0.25 },
      { pduId: 'A-02', tier: 'B1', caseType: 'custody', t2a: true, perWeek: 0.25, durationWeeks: 2 },
    ]);
  });

  it('defaults to 13 weeks (91 days: 27 Mar 2021 is outside, 28 Mar inside)', () => {
    expect(estimateWeeklyDemand([c('2021-03-27'), c('2021-03-28')], { asOf: ASOF })).toEqual([{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 1 / 13 }]);
  });

  it('feeds the projection: 1 C2 community case a week for 8 weeks = 8 x 63 points by week 8', () => {
    const demand = estimateWeeklyDemand(Array.from({ length: 13 }, (_, k) => c(`2021-06-${String(1 + k).padStart(2, '0')}`)), { asOf: ASOF });
    expect(demand).toEqual([{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 1 }]);
    const p = projectWorkload({ organisation: ORGANISATION, cases: [], demand }, { asOf: ASOF, weeks: 8 });
    expect(p.units.find((u) => u.id === 'A-01')!.weeks[8]!.points).toBe(8 * 63);
  });
});

describe('estimateWeeklyDemand properties', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const cases = fc.array(fc.record({ pduId: fc.constantFrom('A-01', 'A-02'), tier: fc.constantFrom('A1', 'C2', 'D0'), caseType: fc.constantFrom('community', 'custody'), allocatedDate: day }), { maxLength: 60 });
  test.prop([cases, fc.integer({ min: 1, max: 52 })])('rates times weeks count every case in the window exactly once', (list, weeks) => {
    const demand = estimateWeeklyDemand(list as AllocatedCase[], { asOf: ASOF, weeks });
    const from = new Date(Date.UTC(2021, 5, 26) - 7 * weeks * 86_400_000).toISOString().slice(0, 10);
    const inWindow = list.filter((x) => x.allocatedDate > from && x.allocatedDate <= ASOF).length;
    expect(Math.round(demand.reduce((s, d) => s + d.perWeek * weeks, 0))).toBe(inWindow);
    for (const d of demand) expect(d.perWeek).toBeGreaterThan(0);
  });
});

describe('estimateWeeklyDemand bad input', () => {
  it('names the field', () => {
    expect(errorOf(() => estimateWeeklyDemand([c('2021-06-01', { endDate: '2021-05-01' })], { asOf: ASOF })).path).toBe('cases[0].endDate');
    expect(errorOf(() => estimateWeeklyDemand([c('2021-02-30')], { asOf: ASOF })).path).toBe('cases[0].allocatedDate');
    expect(errorOf(() => estimateWeeklyDemand([], { asOf: ASOF, weeks: 0 })).path).toBe('options.weeks');
    expect(errorOf(() => estimateWeeklyDemand([c('2021-06-01', { tier: 'Z9' as never })], { asOf: ASOF })).path).toBe('cases[0].tier');
  });
});
