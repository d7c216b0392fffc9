import { describe, expect, it } from 'vitest';
import { PO_FTE_IN_POST, PO_REQUIRED_FTE, PO_SHORTFALL_FTE, PSO_FTE_IN_POST, monthlyValues, rateSteps } from '../../src/index.js';
import { CASELOAD, PO_LEAVING_PERCENT, PQIP_STARTERS, PSO_LEAVING_PERCENT, RECORD_TRAINING_END } from '../../src/constants.js';
import { type RecordValue } from '../../src/types.js';

const ALL: readonly (readonly RecordValue[])[] = [PO_FTE_IN_POST, PSO_FTE_IN_POST, PO_LEAVING_PERCENT, PSO_LEAVING_PERCENT, PO_REQUIRED_FTE, PO_SHORTFALL_FTE, CASELOAD.underSupervision, CASELOAD.casesPerPo];

describe('the published workforce record', () => {
  it('gives every value a date in order, a unit, a basis and a source, and is frozen', () => {
    for (const series of ALL) {
      expect(Object.isFrozen(series)).toBe(true);
      series.forEach((v, i) => {
        expect(Object.isFrozen(v)).toBe(true);
        expect(v.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (i > 0) expect(v.date > (series[i - 1] as RecordValue).date).toBe(true);
        expect(['stated', 'derived']).toContain(v.basis);
        expect(v.unit.length).toBeGreaterThan(0);
        expect(v.source.document.length).toBeGreaterThan(0);
        expect(Number.isFinite(v.value) && v.value >= 0).toBe(true);
      });
    }
    expect(() => (PO_FTE_IN_POST as RecordValue[]).push(PO_FTE_IN_POST[0] as RecordValue)).toThrow();
  });

  it('holds nothing in post after the training window (later quarters are for checking, not fitting)', () => {
    for (const series of [PO_FTE_IN_POST, PSO_FTE_IN_POST, PO_LEAVING_PERCENT, PSO_LEAVING_PERCENT, PO_REQUIRED_FTE]) {
      expect(series.every((v) => v.date <= RECORD_TRAINING_END)).toBe(true);
    }
  });

  it('agrees with itself: shortfall = required - in post, intakes sum to the year, derived values marked', () => {
    // 31 March 2021: 3,539 in post + 518 short = 4,057 required (derived); 31 March 2023: 6,158 - 1,745 = 4,413.
    const at = (series: readonly RecordValue[], date: string) => series.find((v) => v.date === date);
    expect(at(PO_FTE_IN_POST, '2021-03-31')).toMatchObject({ value: 3539, basis: 'derived' });
    expect((at(PO_REQUIRED_FTE, '2021-03-31')?.value ?? 0) - (at(PO_SHORTFALL_FTE, '2021-03-31')?.value ?? 0)).toBe(3539);
    expect((at(PO_REQUIRED_FTE, '2023-03-31')?.value ?? 0) - (at(PO_SHORTFALL_FTE, '2023-03-31')?.value ?? 0)).toBe(at(PO_FTE_IN_POST, '2023-03-31')?.value);
    // 2020/21: 443 in July 2020 + 564 in January 2021 = 1,007.
    const intakes = PQIP_STARTERS.filter((s) => s.kind === 'intake' && s.year === '2020/21').reduce((sum, s) => sum + s.value, 0);
    expect(intakes).toBe(PQIP_STARTERS.find((s) => s.kind === 'year' && s.year === '2020/21')?.value);
  });

  it('turns into monthly series the pipeline reads', () => {
    expect(monthlyValues(PO_FTE_IN_POST, { from: '2021-03-31', until: '2022-03-31' })).toEqual([
      { month: '2021-03', value: 3539 },
      { month: '2021-09', value: 4287 },
      { month: '2021-12', value: 4490 },
      { month: '2022-03', value: 4338 },
    ]);
    // Each month takes the first published 12-month rate ending in or after it; periods before April 2021 are passed over.
    expect(rateSteps(PO_LEAVING_PERCENT, '2021-04')).toEqual([
      { from: '2021-04', value: 5.8 },
      { from: '2021-07', value: 6.9 },
      { from: '2021-10', value: 8 },
      { from: '2022-04', value: 7.5 },
    ]);
  });
});
