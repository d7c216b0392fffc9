/**
 * An optional last phase of a synthetic national caseload: every case's dates. A community case
 * gets its sentence date and expected end from an order length; a custody or licence case its
 * sentence date, release and licence end from a sentence length and a release fraction (automatic
 * release at 40% or 50% of the sentence, licence to sentence expiry; under 2 years, licence and
 * post-sentence supervision 12 months in all). Each case is seen at a uniformly drawn point of the
 * part of its sentence it is in on the day assessed. Every distribution is an input (an assumption
 * of the scenario that gives it); the draws come from their own stream, so a caseload drawn without
 * dates is byte-identical to one drawn before this phase existed.
 */
import { z } from 'zod';
import type { RandomStream } from '../random.js';
import { CASE_TYPES } from '../tiers/index.js';
import { deepFreeze } from '../freeze.js';

/** A day column's value for "no such date" (the same value as the forward projection's `NO_DAY`). */
export const NO_DATE = -2147483648;

/** Days in an average calendar month (365.25 / 12): a length in months as days. */
const DAYS_PER_MONTH = 30.4375;
/** Sentences shorter than this (months) have licence and post-sentence supervision of 12 months in all. */
const SHORT_SENTENCE_MONTHS = 24;
/** Licence and post-sentence supervision of a short sentence, months. */
const SHORT_SENTENCE_SUPERVISION_MONTHS = 12;

const lengthsSchema = (what: string) =>
  z
    .array(
      z.strictObject({
        months: z.number().int('expected whole months').min(1, 'expected at least 1 month').max(600, 'expected at most 600 months'),
        share: z.number().min(0, 'expected a share of 0 or more').max(1e6),
      }),
    )
    .min(1, `expected at least one ${what}`)
    .max(100)
    .refine((list) => list.some((l) => l.share > 0), `expected a ${what} with a share above 0`);

/** Zod schema of the distributions the dates are drawn from (each field optional; the defaults are {@link DEFAULT_CASE_DATE_ASSUMPTIONS}). */
export const caseDateAssumptionsSchema = z.strictObject({
  /** Lengths of community orders, months, with their relative shares. */
  communityOrderMonths: lengthsSchema('community order length').optional(),
  /** Lengths of custodial sentences (custody and licence cases), months, with their relative shares. */
  custodySentenceMonths: lengthsSchema('custodial sentence length').optional(),
  /** Share of the sentence served in custody before release (0.4 or 0.5 for standard determinate sentences), with relative shares. */
  releaseFractions: z
    .array(z.strictObject({ fraction: z.number().gt(0, 'expected a fraction above 0').max(1, 'expected a fraction of at most 1'), share: z.number().min(0).max(1e6) }))
    .min(1, 'expected at least one release fraction')
    .max(100)
    .refine((list) => list.some((l) => l.share > 0), 'expected a release fraction with a share above 0')
    .optional(),
  /** Percent of custody and licence cases exempt from probation reset (MAPPA, very high RoSH, child protection, national security). */
  resetExemptPercent: z.number().min(0, 'expected a percent of 0 to 100').max(100, 'expected a percent of 0 to 100').optional(),
});
/** The distributions of {@link caseDateAssumptionsSchema}. */
export type CaseDateAssumptions = z.input<typeof caseDateAssumptionsSchema>;

/**
 * The default distributions, every one an assumption (no published distribution of the caseload's
 * order and sentence lengths is in the documents): community orders of 6 to 36 months, mostly 12 to
 * 24; custodial sentences of 6 months to 10 years; release at half the sentence for 80% and at 40%
 * for 20% (the two fractions the facts give); 20% of custody and licence cases exempt from reset.
 *
 * @example
 * ```ts
 * DEFAULT_CASE_DATE_ASSUMPTIONS.releaseFractions.map((r) => r.fraction); // [0.5, 0.4]
 * ```
 */
export const DEFAULT_CASE_DATE_ASSUMPTIONS = deepFreeze({
  communityOrderMonths: [
    { months: 6, share: 10 },
    { months: 12, share: 35 },
    { months: 18, share: 20 },
    { months: 24, share: 25 },
    { months: 36, share: 10 },
  ],
  custodySentenceMonths: [
    { months: 6, share: 15 },
    { months: 12, share: 20 },
    { months: 18, share: 10 },
    { months: 24, share: 15 },
    { months: 36, share: 15 },
    { months: 48, share: 10 },
    { months: 72, share: 10 },
    { months: 120, share: 5 },
  ],
  releaseFractions: [
    { fraction: 0.5, share: 80 },
    { fraction: 0.4, share: 20 },
  ],
  resetExemptPercent: 20,
} as const);

/**
 * Dates of a generated caseload's cases as day columns (whole days since 1970-01-01, UTC), entry `i`
 * of each for case `i`; {@link NO_DATE} where a case has no such date (a community case has no
 * release or licence end; a custody or licence case no expected end of an order).
 */
export interface SyntheticCaseDates {
  readonly sentenceDay: Int32Array;
  /** Community: the order's expected end. */
  readonly expectedEndDay: Int32Array;
  /** Custody (in the future) and licence (in the past): release from custody. */
  readonly releaseDay: Int32Array;
  /** Custody and licence: the licence (or post-sentence supervision) ends. */
  readonly licenceEndDay: Int32Array;
  /** 1 when exempt from probation reset (custody and licence cases only). */
  readonly resetExempt: Uint8Array;
}

/** Cumulative shares of a list, normalised to end at 1. */
function cumulative(shares: readonly number[]): Float64Array {
  const total = shares.reduce((s, x) => s + x, 0);
  const out = new Float64Array(shares.length);
  let sum = 0;
  shares.forEach((s, i) => {
    sum += s;
    out[i] = sum / total;
  });
  out[shares.length - 1] = 1;
  return out;
}

function pick(cdf: Float64Array, u: number): number {
  let k = 0;
  while (k < cdf.length - 1 && u >= (cdf[k] as number)) k++;
  return k;
}

/** Whole days since 1970-01-01 of a checked `YYYY-MM-DD` date. */
const dayOfIso = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

const COMMUNITY = CASE_TYPES.indexOf('community');
const CUSTODY = CASE_TYPES.indexOf('custody');

/**
 * Draws every case's dates (three uniforms a case from `rng`, then one more for custody and licence
 * cases' reset exemption), seen on `asOf`. Community: length `L` days (months x 30.4375, rounded),
 * `elapsed` uniform in 0..L-1, sentence = asOf - elapsed, expected end = sentence + L (after asOf).
 * Custody and licence: sentence `S` days, custody part `C` = round(fraction x S) (at least 1 day),
 * licence `S - C` days (365 for sentences under 24 months: 12 months of licence and supervision);
 * custody: elapsed uniform in 0..C-1, release = asOf - elapsed + C (after asOf); licence: elapsed
 * on licence uniform in 0..licence-1, release = asOf - elapsed, sentence = release - C; licence end =
 * release + licence (after asOf).
 */
export function drawCaseDates(caseTypeIndex: Uint8Array, assumptions: CaseDateAssumptions, asOf: string, rng: RandomStream): SyntheticCaseDates {
  const d = DEFAULT_CASE_DATE_ASSUMPTIONS;
  const a = {
    communityOrderMonths: assumptions.communityOrderMonths ?? d.communityOrderMonths,
    custodySentenceMonths: assumptions.custodySentenceMonths ?? d.custodySentenceMonths,
    releaseFractions: assumptions.releaseFractions ?? d.releaseFractions,
    resetExemptPercent: assumptions.resetExemptPercent ?? d.resetExemptPercent,
  };
  const n = caseTypeIndex.length;
  const out = {
    sentenceDay: new Int32Array(n),
    expectedEndDay: new Int32Array(n).fill(NO_DATE),
    releaseDay: new Int32Array(n).fill(NO_DATE),
    licenceEndDay: new Int32Array(n).fill(NO_DATE),
    resetExempt: new Uint8Array(n),
  };
  const orders = a.communityOrderMonths.map((l) => Math.max(1, Math.round(l.months * DAYS_PER_MONTH)));
  const orderCdf = cumulative(a.communityOrderMonths.map((l) => l.share));
  const sentences = a.custodySentenceMonths;
  const sentenceCdf = cumulative(sentences.map((l) => l.share));
  const fractionCdf = cumulative(a.releaseFractions.map((f) => f.share));
  const exempt = a.resetExemptPercent / 100;
  const today = dayOfIso(asOf);
  for (let i = 0; i < n; i++) {
    const type = caseTypeIndex[i] as number;
    const uLength = rng.uniform();
    const uFraction = rng.uniform();
    const uPosition = rng.uniform();
    if (type === COMMUNITY) {
      const length = orders[pick(orderCdf, uLength)] as number;
      const elapsed = Math.floor(uPosition * length);
      out.sentenceDay[i] = today - elapsed;
      out.expectedEndDay[i] = today - elapsed + length;
      continue;
    }
    const months = (sentences[pick(sentenceCdf, uLength)] as { months: number }).months;
    const total = Math.round(months * DAYS_PER_MONTH);
    const custodyDays = Math.max(1, Math.round(((a.releaseFractions[pick(fractionCdf, uFraction)] as { fraction: number }).fraction) * total));
    const licenceDays = months < SHORT_SENTENCE_MONTHS ? Math.round(SHORT_SENTENCE_SUPERVISION_MONTHS * DAYS_PER_MONTH) : Math.max(1, total - custodyDays);
    const release = type === CUSTODY ? today - Math.floor(uPosition * custodyDays) + custodyDays : today - Math.floor(uPosition * licenceDays);
    out.sentenceDay[i] = release - custodyDays;
    out.releaseDay[i] = release;
    out.licenceEndDay[i] = release + licenceDays;
    out.resetExempt[i] = rng.uniform() < exempt ? 1 : 0;
  }
  return out;
}
