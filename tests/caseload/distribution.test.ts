import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { caseloadDistribution, generateNationalCaseload, organisationCaseload, rollUp } from '../../src/index.js';
import { errorOf } from '../helpers.js';
import { AS_OF, HAND_ORGANISATION } from './fixtures.js';

const hand = () => organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF });

describe('caseloadDistribution: worked example', () => {
  // Case-holding grades (SPO left out): p1 11, p2 51, p3 12 (its 40 unpaid-work-only cases aside), p5 4.
  const d = caseloadDistribution(hand());

  it('measures the case-holders: shares above 50, 60, 70, 80', () => {
    expect(d.practitioners).toBe(4);
    expect(d.above).toEqual([
      { cases: 50, practitioners: 1, share: 0.25 },
      { cases: 60, practitioners: 0, share: 0 },
      { cases: 70, practitioners: 0, share: 0 },
      { cases: 80, practitioners: 0, share: 0 },
    ]);
  });

  it('gives cases per FTE sum over sum, quantiles and a histogram', () => {
    // all cases 11 + 51 + 52 + 4 = 118 over FTE 1 + 0.5 + 1 + 1 = 3.5
    expect(d.cases).toBe(118);
    expect(d.fte).toBe(3.5);
    expect(d.casesPerFte).toBeCloseTo(118 / 3.5, 12);
    // caseloads sorted 4, 11, 12, 51: mean 78 / 4 = 19.5; median (11 + 12) / 2 = 11.5
    expect(d.ceilingCases).toBe(78);
    expect(d.meanCaseload).toBe(19.5);
    expect(d.quantiles?.median).toBe(11.5);
    expect(d.quantiles?.max).toBe(51);
    expect(d.histogram.map((b) => [b.from, b.to, b.practitioners])).toEqual([
      // bins close on the right: nobody at 0; 4 in 1-10; 11 and 12 in 11-20; 51 in 51-60, past the ceiling's bin 41-50
      [0, 0, 0],
      [1, 10, 1],
      [11, 20, 2],
      [21, 30, 0],
      [31, 40, 0],
      [41, 50, 0],
      [51, 60, 1],
    ]);
  });

  it('gives the same figures grade by grade', () => {
    // POs p1 11 and p2 51: median 31, 1 of 2 above 50; PSO p3 12; PQiP p5 4
    expect(d.byGrade.map((g) => [g.grade, g.practitioners, g.quantiles?.median, g.above[0]?.practitioners])).toEqual([
      ['PO', 2, 31, 1],
      ['PSO', 1, 12, 0],
      ['PQiP', 1, 4, 0],
      ['NQO', 0, undefined, 0],
    ]);
    // PO cases per FTE: 62 / 1.5
    expect(d.byGrade[0]?.casesPerFte).toBeCloseTo(62 / 1.5, 12);
    expect(d.byGrade[3]?.casesPerFte).toBeNull();
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('counts unpaid work only when asked, and looks within one unit', () => {
    // p3 now holds 52: above 50
    expect(caseloadDistribution(hand(), { countUnpaidWorkOnly: true }).above[0]?.practitioners).toBe(2);
    const north = caseloadDistribution(hand(), { within: { level: 'pdu', id: 'B-01' } });
    expect([north.practitioners, north.cases, north.ceilingCases]).toEqual([1, 4, 4]);
    const pos = caseloadDistribution(hand(), { grades: ['PO'], above: [10, 50], binWidth: 25 });
    expect(pos.above.map((a) => a.practitioners)).toEqual([2, 1]);
    // PO caseloads 11 and 51 in bins 0 | 1-25 | 26-50 | 51-75
    expect(pos.histogram.map((b) => b.practitioners)).toEqual([0, 1, 0, 1]);
  });

  it('gives null ratios, not NaN, when nobody is measured', () => {
    const none = caseloadDistribution(hand(), { grades: ['NQO'] });
    expect(none.practitioners).toBe(0);
    expect(none.casesPerFte).toBeNull();
    expect(none.meanCaseload).toBeNull();
    expect(none.quantiles).toBeNull();
    expect(none.above[0]?.share).toBeNull();
    // an SPO has cases but no FTE
    expect(caseloadDistribution(hand(), { grades: ['SPO'] }).casesPerFte).toBeNull();
  });
});

describe('caseloadDistribution: properties', () => {
  test.prop([fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 120 })], { numRuns: 20 })(
    'agrees with the roll-up, and a higher count never has a larger share above it',
    (seed, threshold) => {
      const oc = generateNationalCaseload({ seed, practitioners: 200, pduCount: 12 });
      const all = caseloadDistribution(oc, { grades: ['PO', 'PSO', 'PQiP', 'NQO', 'SPO'], above: [50, threshold, threshold + 1] });
      const r = rollUp(oc);
      const headcount = oc.practitioners.length;
      expect(all.above[0]?.practitioners).toBe(r.national.overCeiling);
      expect(all.practitioners).toBe(headcount);
      expect(all.cases).toBe(r.national.cases);
      expect(all.histogram.reduce((s, b) => s + b.practitioners, 0)).toBe(headcount);
      // the bins above the ceiling's bin hold exactly those above 50, and the ceiling ends a bin
      expect(all.histogram.filter((b) => b.from > 50).reduce((s, b) => s + b.practitioners, 0)).toBe(r.national.overCeiling);
      expect(all.histogram.some((b) => b.to === 50) || all.histogram.length < 6).toBe(true);
      expect(all.above[2]?.practitioners).toBeLessThanOrEqual(all.above[1]?.practitioners as number);
      // the grades partition the whole: headcount, cases and those above each count add up
      expect(all.byGrade.reduce((s, g) => s + g.practitioners, 0)).toBe(headcount);
      expect(all.byGrade.reduce((s, g) => s + g.cases, 0)).toBe(all.cases);
      expect(all.byGrade.reduce((s, g) => s + (g.above[1]?.practitioners as number), 0)).toBe(all.above[1]?.practitioners);
    },
  );
});

describe('caseloadDistribution: bad input', () => {
  it('refuses options with their path', () => {
    const unknown = errorOf(() => caseloadDistribution(hand(), { within: { level: 'team', id: 'Z-99-99' } }));
    expect([unknown.code, unknown.path]).toEqual(['UNKNOWN_REFERENCE', 'options.within.id']);
    expect(errorOf(() => caseloadDistribution(hand(), { grades: [] })).path).toBe('options.grades');
    expect(errorOf(() => caseloadDistribution(hand(), { grades: ['Chief' as never] })).path).toBe('options.grades[0]');
    expect(errorOf(() => caseloadDistribution(hand(), { grades: ['PO', 'PSO', 'PO'] })).path).toBe('options.grades[2]');
    expect(errorOf(() => caseloadDistribution(hand(), { above: [Number.NaN] })).path).toBe('options.above[0]');
    expect(errorOf(() => caseloadDistribution(hand(), { above: [-5] })).path).toBe('options.above[0]');
    expect(errorOf(() => caseloadDistribution(hand(), { binWidth: 0 })).path).toBe('options.binWidth');
    expect(errorOf(() => caseloadDistribution({} as never)).code).toBe('INVALID_INPUT');
  });
});
