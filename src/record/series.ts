/** The record turned into the monthly series the pipeline reads: end-of-month values, and rates by period. */
import { z } from 'zod';
import { isoDateSchema, parseInput } from '../validate.js';
import type { RecordValue } from './workforce.js';

/** A series of record values: each dated and finite, in strictly increasing date order (other fields kept). */
const recordValuesSchema = z
  .array(z.looseObject({ date: isoDateSchema, value: z.number() }))
  .superRefine((values, ctx) => {
    for (let i = 1; i < values.length; i++) {
      if ((values[i] as { date: string }).date <= (values[i - 1] as { date: string }).date) {
        ctx.addIssue({ code: 'custom', message: 'expected dates in increasing order, each once', path: [i, 'date'] });
        return;
      }
    }
  });

const windowSchema = z.strictObject({ from: isoDateSchema.optional(), until: isoDateSchema.optional() });
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** A record value at the end of its month: `{ month: 'YYYY-MM', value }`. */
export interface MonthValue {
  readonly month: string;
  readonly value: number;
}

/**
 * The values dated from `from` to `until` (`YYYY-MM-DD`, both inclusive; default all), each at the end
 * of its month, in date order.
 *
 * @example
 * ```ts
 * monthlyValues(PO_FTE_IN_POST, { from: '2021-03-31', until: '2022-03-31' });
 * // [{ month: '2021-03', value: 3539 }, { month: '2021-09', value: 4287 }, { month: '2021-12', value: 4490 }, { month: '2022-03', value: 4338 }]
 * ```
 */
export function monthlyValues(values: readonly RecordValue[], window: { readonly from?: string; readonly until?: string } = {}): MonthValue[] {
  const vs = parseInput(recordValuesSchema, values, 'values');
  const w = parseInput(windowSchema, window, 'window');
  return vs
    .filter((v) => (w.from === undefined || v.date >= w.from) && (w.until === undefined || v.date <= w.until))
    .map((v) => ({ month: v.date.slice(0, 7), value: v.value }));
}

/**
 * Rates published for the 12 months to each date, as steps a projection from `start` (`YYYY-MM`) can
 * read: each month takes the rate of the first published period ending in or after it, and the last
 * rate holds after its date. Periods ending before `start` are passed over.
 *
 * @example
 * ```ts
 * rateSteps(PO_LEAVING_PERCENT, '2021-04');
 * // [{ from: '2021-04', value: 5.8 }, { from: '2021-07', value: 6.9 }, { from: '2021-10', value: 8 }, { from: '2022-04', value: 7.5 }]
 * ```
 */
export function rateSteps(values: readonly RecordValue[], start: string): { from: string; value: number }[] {
  const vs = parseInput(recordValuesSchema, values, 'values');
  const steps: { from: string; value: number }[] = [];
  let from = parseInput(monthSchema, start, 'start');
  for (const v of vs) {
    const month = v.date.slice(0, 7);
    if (month < from) continue;
    steps.push({ from, value: v.value });
    from = nextMonth(month);
  }
  return steps;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
