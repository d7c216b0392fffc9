import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CASE_TYPES, RandomStream, generateNationalCaseload } from '../../src/index.js';
import { NO_DATE } from '../../src/constants.js';
import { drawCaseDates } from '../../src/caseload/synthetic-dates.js';
import { dayOf } from '../../src/forward/internal.js';
import { errorOf } from '../helpers.js';

const ASOF = '2021-06-26';
const TODAY = dayOf(ASOF); // 18,804
/** A stream that always draws 0.5 (and 0.9 for the reset exemption, the fourth draw of a custody or licence case). */
const half = { uniform: () => 0.5 } as unknown as RandomStream;
const types = (...names: (typeof CASE_TYPES)[number][]) => Uint8Array.from(names, (t) => CASE_TYPES.indexOf(t));

describe('drawCaseDates, worked by hand (every uniform 0.5, seen on 26 June 2021, day 18,804)', () => {
  it('a 12-month community order: 365 days, 182 elapsed: sentenced 26 Dec 2020, ends 26 Dec 2021', () => {
    // L = round(12 x 30.4375) = 365; elapsed = floor(0.5 x 365) = 182; sentence = 18,804 - 182; end = sentence + 365
    const d = drawCaseDates(types('community'), { communityOrderMonths: [{ months: 12, share: 1 }] }, ASOF, half);
    expect([d.sentenceDay[0], d.expectedEndDay[0], d.releaseDay[0], d.licenceEndDay[0]]).toEqual([dayOf('2020-12-26'), dayOf('2021-12-26'), NO_DATE, NO_DATE]);
  });
  it('a 36-month sentence released at half, in custody: released 27 Mar 2022, licence to 26 Sep 2023', () => {
    // S = round(36 x 30.4375) = 1,096; C = round(0.5 x 1,096) = 548; licence 1,096 - 548 = 548;
    // release = 18,804 - floor(0.5 x 548) + 548 = 18,804 + 274; sentence = release - 548 = 25 Sep 2020; end = release + 548
    const a = { custodySentenceMonths: [{ months: 36, share: 1 }], releaseFractions: [{ fraction: 0.5, share: 1 }] };
    const d = drawCaseDates(types('custody'), a, ASOF, half);
    expect([d.sentenceDay[0], d.releaseDay[0], d.licenceEndDay[0], d.expectedEndDay[0]]).toEqual([dayOf('2020-09-25'), dayOf('2022-03-27'), dayOf('2023-09-26'), NO_DATE]);
  });
  it('the same sentence on licence: released 25 Sep 2020 (274 days ago), sentenced 27 Mar 2019, licence ends 27 Mar 2022', () => {
    // release = 18,804 - floor(0.5 x 548) = 18,530; sentence = 18,530 - 548; end = 18,530 + 548
    const a = { custodySentenceMonths: [{ months: 36, share: 1 }], releaseFractions: [{ fraction: 0.5, share: 1 }] };
    const d = drawCaseDates(types('licence'), a, ASOF, half);
    expect([d.sentenceDay[0], d.releaseDay[0], d.licenceEndDay[0]]).toEqual([dayOf('2019-03-27'), dayOf('2020-09-25'), dayOf('2022-03-27')]);
  });
  it('a 12-month sentence (under 2 years): licence and supervision 12 months in all', () => {
    // S = round(365.25) = 365; C = round(182.5) = 183; licence = round(12 x 30.4375) = 365;
    // release = 18,804 - floor(91.5) + 183 = 18,896 (26 Sep 2021); sentence 27 Mar 2021; end 26 Sep 2022
    const a = { custodySentenceMonths: [{ months: 12, share: 1 }], releaseFractions: [{ fraction: 0.5, share: 1 }] };
    const d = drawCaseDates(types('custody'), a, ASOF, half);
    expect([d.sentenceDay[0], d.releaseDay[0], d.licenceEndDay[0]]).toEqual([dayOf('2021-03-27'), dayOf('2021-09-26'), dayOf('2022-09-26')]);
  });
  it('reset exemption at the stated percent (0.5 < 60% exempt; not below 40%); community cases never exempt', () => {
    expect(drawCaseDates(types('licence', 'community'), { resetExemptPercent: 60 }, ASOF, half).resetExempt).toEqual(Uint8Array.from([1, 0]));
    expect(drawCaseDates(types('licence'), { resetExemptPercent: 40 }, ASOF, half).resetExempt).toEqual(Uint8Array.from([0]));
  });
});

describe('generated caseloads with dates', () => {
  const small = { seed: 11, practitioners: 300, pduCount: 12, teamSize: 6 } as const;

  it('leaves the rest of the caseload byte-identical (the pins hold with dates asked for)', () => {
    const { dates, ...rest } = generateNationalCaseload({ ...small, dates: {} });
    expect(dates).toBeDefined();
    const without = generateNationalCaseload(small);
    expect(rest).toEqual(without);
    expect('dates' in without).toBe(false);
  });

  test.prop([fc.integer({ min: -1000, max: 1000 })], { numRuns: 5 })('every case has dates in order: sentenced by today, ends after it, custody released later, licence earlier', (seed) => {
    const g = generateNationalCaseload({ seed, practitioners: 60, pduCount: 12, dates: {} });
    const d = g.dates!;
    const c = g.columns.cases.caseTypeIndex;
    for (let i = 0; i < c.length; i++) {
      const type = CASE_TYPES[c[i] as number];
      expect(d.sentenceDay[i]).toBeLessThanOrEqual(TODAY);
      if (type === 'community') {
        expect(d.expectedEndDay[i]).toBeGreaterThan(TODAY);
        expect(d.releaseDay[i]).toBe(NO_DATE);
      } else {
        expect(d.releaseDay[i]).toBeGreaterThan(d.sentenceDay[i] as number);
        expect(d.licenceEndDay[i]).toBeGreaterThan(Math.max(TODAY, d.releaseDay[i] as number));
        if (type === 'custody') expect(d.releaseDay[i]).toBeGreaterThan(TODAY);
        else expect(d.releaseDay[i]).toBeLessThanOrEqual(TODAY);
      }
    }
  });

  it('is deterministic: same seed and distributions, same dates', () => {
    const a = generateNationalCaseload({ ...small, dates: { resetExemptPercent: 10 } }).dates!;
    const b = generateNationalCaseload({ ...small, dates: { resetExemptPercent: 10 } }).dates!;
    expect(Buffer.from(a.releaseDay.buffer).equals(Buffer.from(b.releaseDay.buffer))).toBe(true);
    expect(Buffer.from(a.expectedEndDay.buffer).equals(Buffer.from(b.expectedEndDay.buffer))).toBe(true);
  });

  it('refuses bad distributions at their path', () => {
    expect(errorOf(() => generateNationalCaseload({ ...small, dates: { communityOrderMonths: [] } })).path).toBe('options.dates.communityOrderMonths');
    expect(errorOf(() => generateNationalCaseload({ ...small, dates: { custodySentenceMonths: [{ months: 0, share: 1 }] } })).path).toBe('options.dates.custodySentenceMonths[0].months');
    expect(errorOf(() => generateNationalCaseload({ ...small, dates: { releaseFractions: [{ fraction: 0.5, share: 0 }] } })).path).toBe('options.dates.releaseFractions');
    expect(errorOf(() => generateNationalCaseload({ ...small, dates: { resetExemptPercent: 101 } })).path).toBe('options.dates.resetExemptPercent');
  });
});
