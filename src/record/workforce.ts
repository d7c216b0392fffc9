/**
 * The published workforce record: HMPPS workforce quarterly statistics and published answers to
 * 31 March 2023, as dated, sourced, frozen data. Each value says whether the source states it or it is
 * derived (from "X, an increase of N since date D", or by subtraction). Later in-post quarters are
 * published too; they are kept out of the library so that nothing can be fitted to them.
 */
import { deepFreeze } from '../freeze.js';

/** Whether a source states a value, or it is derived from what one states. */
export type RecordBasis = 'stated' | 'derived';

/** Where a value comes from: the document, and what it says. */
export interface RecordSource {
  readonly document: string;
  readonly says: string;
}

/** One published value: the date it describes (`YYYY-MM-DD`), the value and its unit, how it is known, and its source. */
export interface RecordValue {
  readonly date: string;
  readonly value: number;
  readonly unit: string;
  readonly basis: RecordBasis;
  readonly source: RecordSource;
}

/**
 * The last day the record may be fitted to: 31 March 2023.
 *
 * @example
 * ```ts
 * RECORD_TRAINING_END; // '2023-03-31'
 * ```
 */
export const RECORD_TRAINING_END = '2023-03-31';

const BULLETIN = 'HMPPS workforce quarterly statistics';

function source(document: string, says: string): RecordSource {
  return Object.freeze({ document, says });
}

function value(date: string, v: number, unit: string, basis: RecordBasis, from: RecordSource): RecordValue {
  return Object.freeze({ date, value: v, unit, basis, source: from });
}

/** A frozen series from `[date, value, basis]` rows, all in one unit and from one source. */
function series(unit: string, from: RecordSource, rows: readonly (readonly [string, number, RecordBasis])[]): readonly RecordValue[] {
  return Object.freeze(rows.map(([date, v, basis]) => value(date, v, unit, basis, from)));
}

const IN_POST = source(
  `${BULLETIN} (December 2020, March 2022, September 2022, March 2023 bulletins)`,
  'Band 4 Probation Officers (and Band 3 PSOs) FTE in post, NPS to June 2021 and the Probation Service after; derived values from "X, an increase of N since date D"',
);

/**
 * Band 4 Probation Officers in post, FTE, quarterly from 30 September 2019 to 31 March 2023. The
 * jump from March to September 2021 includes the POs who transferred from the CRCs on 26 June 2021
 * (no published figure splits it).
 *
 * @example
 * ```ts
 * PO_FTE_IN_POST.find((v) => v.date === '2021-03-31')?.value; // 3539 (derived)
 * ```
 */
export const PO_FTE_IN_POST: readonly RecordValue[] = series('FTE', IN_POST, [
  ['2019-09-30', 3358, 'derived'],
  ['2019-12-31', 3493, 'derived'],
  ['2020-06-30', 3613, 'stated'],
  ['2020-09-30', 3550, 'stated'],
  ['2020-12-31', 3654, 'stated'],
  ['2021-03-31', 3539, 'derived'],
  ['2021-09-30', 4287, 'derived'],
  ['2021-12-31', 4490, 'derived'],
  ['2022-03-31', 4338, 'stated'],
  ['2022-06-30', 4541, 'derived'],
  ['2022-09-30', 4371, 'stated'],
  ['2022-12-31', 4463, 'derived'],
  ['2023-03-31', 4413, 'stated'],
]);

/**
 * Band 3 Probation Services Officers in post, FTE (PQiP learners join as PSOs, so the grade rose with
 * recruitment and again with the CRC transfer).
 *
 * @example
 * ```ts
 * PSO_FTE_IN_POST.at(-1)?.value; // 6950 at 31 March 2023
 * ```
 */
export const PSO_FTE_IN_POST: readonly RecordValue[] = series('FTE', IN_POST, [
  ['2019-09-30', 2585, 'derived'],
  ['2019-12-31', 2565, 'derived'],
  ['2020-06-30', 2546, 'stated'],
  ['2020-09-30', 2888, 'stated'],
  ['2020-12-31', 2675, 'stated'],
  ['2021-03-31', 3135, 'derived'],
  ['2021-09-30', 5733, 'derived'],
  ['2021-12-31', 5739, 'derived'],
  ['2022-03-31', 6103, 'stated'],
  ['2022-06-30', 5811, 'derived'],
  ['2022-09-30', 6374, 'stated'],
  ['2022-12-31', 6209, 'derived'],
  ['2023-03-31', 6950, 'stated'],
]);

/** PQiP starters in a financial year (dated at its last day), or in one intake (dated at its first day). */
export interface PqipStarters extends RecordValue {
  /** `year` for a financial year's total; `intake` for one intake. */
  readonly kind: 'year' | 'intake';
  /** The financial year, e.g. `2022/23`. */
  readonly year: string;
}

const STARTERS = source(`${BULLETIN}; Probation Changes Bulletin 8 (November 2020); Napo`, 'PQiP starters by financial year and by intake; no completion or qualification counts are published');

function starters(kind: 'year' | 'intake', year: string, date: string, v: number, basis: RecordBasis): PqipStarters {
  return Object.freeze({ ...value(date, v, 'trainees', basis, STARTERS), kind, year });
}

/**
 * PQiP starters: by financial year, and by intake where the record dates one (an intake whose
 * number is derived is the year's total less the stated intake). 1,300 are committed for 2025/26
 * (a plan, not a count: not here).
 *
 * @example
 * ```ts
 * PQIP_STARTERS.filter((s) => s.kind === 'year').map((s) => s.value); // [1007, 1518, 1514, 543, 1057]
 * ```
 */
export const PQIP_STARTERS: readonly PqipStarters[] = deepFreeze([
  starters('intake', '2020/21', '2020-07-01', 443, 'stated'),
  starters('intake', '2020/21', '2021-01-01', 564, 'derived'),
  starters('year', '2020/21', '2021-03-31', 1007, 'stated'),
  starters('year', '2021/22', '2022-03-31', 1518, 'stated'),
  starters('intake', '2022/23', '2023-03-01', 891, 'stated'),
  starters('year', '2022/23', '2023-03-31', 1514, 'stated'),
  starters('intake', '2023/24', '2023-09-01', 328, 'stated'),
  starters('year', '2023/24', '2024-03-31', 543, 'stated'),
  starters('year', '2024/25', '2025-03-31', 1057, 'stated'),
]);

const LEAVING = source(BULLETIN, 'Leaving rate: share of staff in post who left in the 12 months to the date, percent');

/**
 * Probation Officers' leaving rate, percent of those in post leaving in the 12 months to each date:
 * financial years 2014/15 to 2022/23 and the quarters published between, up to 31 March 2023.
 *
 * @example
 * ```ts
 * PO_LEAVING_PERCENT.at(-1); // { date: '2023-03-31', value: 7.5, ... } (2022/23)
 * ```
 */
export const PO_LEAVING_PERCENT: readonly RecordValue[] = series('% a year', LEAVING, [
  ['2015-03-31', 5.5, 'stated'],
  ['2016-03-31', 5.2, 'stated'],
  ['2017-03-31', 5.7, 'stated'],
  ['2018-03-31', 5.1, 'stated'],
  ['2019-03-31', 6.5, 'stated'],
  ['2020-03-31', 6.3, 'stated'],
  ['2021-03-31', 5.1, 'stated'],
  ['2021-06-30', 5.8, 'stated'],
  ['2021-09-30', 6.9, 'stated'],
  ['2022-03-31', 8.0, 'stated'],
  ['2023-03-31', 7.5, 'stated'],
]);

/**
 * PSOs' leaving rate, percent in the 12 months to each date, up to 31 March 2023.
 *
 * @example
 * ```ts
 * PSO_LEAVING_PERCENT.map((v) => v.value); // [7, 8.4, 12.4]
 * ```
 */
export const PSO_LEAVING_PERCENT: readonly RecordValue[] = series('% a year', LEAVING, [
  ['2021-03-31', 7.0, 'stated'],
  ['2021-09-30', 8.4, 'stated'],
  ['2023-03-31', 12.4, 'stated'],
]);

const REQUIREMENT = source(
  'Justice Committee report on the future of probation; parliamentary written answers (PQ 22021, 87783, 110530)',
  'PO required staffing level (target) and the shortfall against those in post',
);

/**
 * The PO requirement ("required staffing level" or target), FTE: 31 March 2021 derived as 3,539 in
 * post plus the stated shortfall of 518; 31 March 2023 stated as 6,158 (shortfall 1,745, a 29%
 * vacancy rate). It rose with unification (the CRCs' cases came in) and with case complexity. The 30
 * June 2023 figure (6,780) is after the training window and is left for checking.
 *
 * @example
 * ```ts
 * PO_REQUIRED_FTE.map((v) => v.value); // [4057, 6158]
 * ```
 */
export const PO_REQUIRED_FTE: readonly RecordValue[] = series('FTE', REQUIREMENT, [
  ['2021-03-31', 4057, 'derived'],
  ['2023-03-31', 6158, 'stated'],
]);

/**
 * The PO shortfall against the requirement, FTE, as stated.
 *
 * @example
 * ```ts
 * PO_SHORTFALL_FTE.map((v) => v.value); // [518, 1745]
 * ```
 */
export const PO_SHORTFALL_FTE: readonly RecordValue[] = series('FTE', REQUIREMENT, [
  ['2021-03-31', 518, 'stated'],
  ['2023-03-31', 1745, 'stated'],
]);

const CASELOAD_SOURCE = source('Offender management statistics; HMPPS WMT published figures', 'People under probation supervision; average WMT caseload per PO over the year to June');

/**
 * The caseload: people under supervision at a date, and the average WMT caseload per PO over the
 * year to 30 June (dated at its end).
 *
 * @example
 * ```ts
 * CASELOAD.underSupervision[0]?.value; // 230578 at 30 June 2021
 * ```
 */
export const CASELOAD = deepFreeze({
  underSupervision: series('people', CASELOAD_SOURCE, [
    ['2021-06-30', 230_578, 'stated'],
    ['2022-03-31', 240_922, 'stated'],
  ]),
  casesPerPo: series('cases per PO (average over the year to the date)', CASELOAD_SOURCE, [
    ['2022-06-30', 36.0, 'stated'],
    ['2023-06-30', 37.1, 'stated'],
  ]),
});

/**
 * The CRC transfer into the unified service: 26 June 2021 (so at the end of June 2021 in a monthly model).
 *
 * @example
 * ```ts
 * UNIFICATION_DATE; // '2021-06-26'
 * ```
 */
export const UNIFICATION_DATE = '2021-06-26';
