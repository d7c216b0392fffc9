/**
 * Payment for an actual volume: which band applies, the payment, the guaranteed-minimum top-up when
 * volume falls short, the volume above the cap that is not paid, the effective price per referral
 * and the variance from the estimate; and the spread of payments over many simulated volumes.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { countSchema, parseInput } from '../validate.js';
import { checkSafe, formatPounds, mulDiv, roundingModeSchema, type Pence } from '../money.js';
import { bandIndexFor, contractTermsSchema, type ContractKind, type ContractTerms, type ContractTermsInput, type ContractYear, type VolumeBand } from './terms.js';
import type { RoundingMode } from '../rational.js';

/** Zod schema of the options of {@link paymentForActual} and {@link paymentRisk}. */
export const paymentOptionsSchema = z.strictObject({
  /** Contract year, 1 for the first; required when the contract has more than one year. */
  year: z.number().int('expected a whole contract year').min(1, 'expected a contract year of 1 or more').optional(),
  /** How the top-up, unpaid value, effective price and means become whole pence (default `half-up`). */
  rounding: roundingModeSchema.optional(),
});
/** Options of {@link paymentForActual} and {@link paymentRisk}. */
export type PaymentOptions = z.input<typeof paymentOptionsSchema>;

/** The numbers of a payment for one actual volume. */
export interface Settlement {
  /** Referrals actually received in the year. */
  readonly actualVolume: number;
  /** The band that applies, 1 for the lowest. */
  readonly band: number;
  /** Referrals: the applying band's low and high estimates. */
  readonly lowVolume: number;
  readonly highVolume: number;
  /** Pence: the payment for the year, the applying band's value. */
  readonly payment: Pence;
  /** Pence: the lowest band's value, the least the year can pay. */
  readonly guaranteedMinimum: Pence;
  /** Referrals short of the lowest band's low volume (0 when it was reached). */
  readonly shortfallVolume: number;
  /**
   * Pence: when volume falls short of the lowest band, the guaranteed minimum less its pro-rata
   * share for the referrals received (minimum x actual / low volume); 0 otherwise.
   */
  readonly guaranteedMinimumTopUp: Pence;
  /** Referrals: the top band's high volume, beyond which nothing more is paid. */
  readonly volumeCap: number;
  /** Referrals above the applying band's high volume (above the cap, or in a gap before the next band): not paid. */
  readonly unpaidVolume: number;
  /** Pence: the unpaid referrals at the band's price per referral (value / high volume; 0 for a band of 0 referrals). */
  readonly unpaidValue: Pence;
  /** Pence: payment / actual volume; `null` when no referrals came. */
  readonly effectivePricePerReferral: Pence | null;
  /** Referrals projected, and pence the projected volume would have paid. */
  readonly estimatedVolume: number;
  readonly estimatedValue: Pence;
  /** Referrals, signed: actual - estimated. */
  readonly volumeVariance: number;
  /** Pence, signed: payment - estimated value. */
  readonly paymentVariance: Pence;
}

/** A payment for one actual volume, explained. */
export interface Payment extends Settlement {
  readonly id: string;
  readonly year: number;
  readonly kind: ContractKind;
  /** The arithmetic in a sentence a commissioner can read out. */
  readonly explanation: string;
}

/** Trusted core: the guaranteed-minimum top-up for `volume` referrals (0 unless short of the lowest band). */
function topUpFor(lowest: VolumeBand, volume: number, rounding: RoundingMode): Pence {
  return volume < lowest.lowVolume ? lowest.value - mulDiv(lowest.value, volume, lowest.lowVolume, rounding) : 0;
}

/** Trusted core: `unpaid` referrals at the band's price per referral (0 for a band of 0 referrals). */
function unpaidValueFor(band: VolumeBand, unpaid: number, rounding: RoundingMode): Pence {
  return unpaid === 0 || band.highVolume === 0 ? 0 : mulDiv(band.value, unpaid, band.highVolume, rounding);
}

/** Trusted core: the payment of one contract year for `volume` referrals. */
export function settle(year: ContractYear, volume: number, rounding: RoundingMode): Settlement {
  const bands = year.bands;
  const applied = bands[bandIndexFor(bands, volume)] as VolumeBand;
  const lowest = bands[0] as VolumeBand;
  const payment = applied.value;
  const unpaidVolume = volume > applied.highVolume ? volume - applied.highVolume : 0;
  return {
    actualVolume: volume,
    band: applied.band,
    lowVolume: applied.lowVolume,
    highVolume: applied.highVolume,
    payment,
    guaranteedMinimum: lowest.value,
    shortfallVolume: volume < lowest.lowVolume ? lowest.lowVolume - volume : 0,
    guaranteedMinimumTopUp: topUpFor(lowest, volume, rounding),
    volumeCap: (bands[bands.length - 1] as VolumeBand).highVolume,
    unpaidVolume,
    unpaidValue: unpaidValueFor(applied, unpaidVolume, rounding),
    effectivePricePerReferral: volume === 0 ? null : mulDiv(payment, 1, volume, rounding),
    estimatedVolume: year.projectedVolume,
    estimatedValue: year.estimatedValue,
    volumeVariance: volume - year.projectedVolume,
    paymentVariance: payment - year.estimatedValue,
  };
}

/** Trusted boundary helper: the year named by `year`, which may be left out only for a one-year contract. */
function yearOf(contract: ContractTerms, year: number | undefined): ContractYear {
  const count = contract.years.length;
  if (year === undefined && count > 1) {
    throw new WorkloadError('INVALID_INPUT', `options.year: contract '${contract.id}' has ${count} years: say which one`, { path: 'options.year' });
  }
  const found = contract.years[(year ?? 1) - 1];
  if (found === undefined) throw new WorkloadError('INVALID_INPUT', `options.year: contract '${contract.id}' has ${count} years, not ${year}`, { path: 'options.year' });
  return found;
}

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text);

/** Where the volume stands against the applying band: short of the lowest, inside, above the cap, or in a gap before the next band. */
function placeIn(s: Settlement): string {
  if (s.actualVolume < s.lowVolume) return 'fall short of the lowest band,';
  if (s.actualVolume <= s.highVolume) return 'fall in';
  return s.highVolume === s.volumeCap ? 'are above the volume cap of the top band,' : 'fall after the high volume of';
}

/** The sentence behind a settlement. */
function explain(year: number, s: Settlement, kind: ContractKind): string {
  const range = `${s.lowVolume}-${s.highVolume} referrals`;
  const parts = [
    kind === 'fixed-price'
      ? `Year ${year}: ${s.actualVolume} referrals against a fixed price of ${formatPounds(s.payment)} (volume cap ${s.volumeCap}).`
      : `Year ${year}: ${s.actualVolume} referrals ${placeIn(s)} band ${s.band} (${range}), paid ${formatPounds(s.payment)}.`,
  ];
  if (s.shortfallVolume > 0) {
    const proRata = s.guaranteedMinimum - s.guaranteedMinimumTopUp;
    parts.push(
      `That is ${s.shortfallVolume} referrals short: pro rata it would pay ${formatPounds(proRata)}; the guaranteed minimum adds a top-up of ${formatPounds(s.guaranteedMinimumTopUp)}.`,
    );
  }
  if (s.unpaidVolume > 0) {
    const where = s.highVolume === s.volumeCap ? `the volume cap (${s.volumeCap})` : `band ${s.band}'s high volume (${s.highVolume}) before the next band starts`;
    parts.push(`${s.unpaidVolume} referrals above ${where} are not paid (${formatPounds(s.unpaidValue)} at the band's price).`);
  }
  if (s.effectivePricePerReferral !== null) parts.push(`Effective price ${formatPounds(s.effectivePricePerReferral)} a referral.`);
  parts.push(
    `Estimate ${s.estimatedVolume} referrals, ${formatPounds(s.estimatedValue)}: variance ${signed(s.volumeVariance, String(s.volumeVariance))} referrals, ${signed(s.paymentVariance, formatPounds(s.paymentVariance))}.`,
  );
  return parts.join(' ');
}

/**
 * The payment for one contract year given the referrals actually received: the band that applies,
 * the payment (that band's value), the guaranteed-minimum top-up, unpaid volume above the cap, the
 * effective price per referral and the variance from the estimate, with a sentence explaining it.
 *
 * @param contract contract terms (from `volumeBands` or `adjustToBudget`)
 * @param actualVolume referrals received in the year
 * @param options `year` (required for contracts of more than one year), `rounding`
 * @example
 * ```ts
 * const terms = volumeBands( // the volumeBands example: one year, bands 700-850, 850-1,000, 1,000-1,150, 1,150-1,300
 *   { id: 'J-ACC-1', region: 'London', pathway: 'accommodation', vcse: true, projectedVolumes: [1000],
 *     pricing: { unitCosts: { low: 50_000, medium: 50_000, high: 50_000 }, intensityMixBp: { low: 10_000, medium: 0, high: 0 } } },
 *   { scenarios: [{ lowBp: 7000, highBp: 8500 }, { lowBp: 8500, highBp: 10_000 }, { lowBp: 10_000, highBp: 11_500 }, { lowBp: 11_500, highBp: 13_000 }],
 *     bandThreshold: 10_000_000 },
 * );
 * // band 1 is 700-850 referrals for £425,000
 * const p = paymentForActual(terms, 600);
 * p.payment; // 42_500_000: band 1, the guaranteed minimum
 * p.guaranteedMinimumTopUp; // £425,000 - £425,000 x 600 / 700 = £60,714.29: 6_071_429 pence
 * ```
 */
export function paymentForActual(contract: ContractTermsInput, actualVolume: number, options: PaymentOptions = {}): Payment {
  const c = parseInput(contractTermsSchema, contract, 'contract');
  const volume = parseInput(countSchema, actualVolume, 'actualVolume');
  const o = parseInput(paymentOptionsSchema, options, 'options');
  const year = yearOf(c, o.year);
  const s = settle(year, volume, o.rounding ?? 'half-up');
  return { id: c.id, year: year.year, kind: c.kind, ...s, explanation: explain(year.year, s, c.kind) };
}

/** How payments spread over many simulated actual volumes for one contract year. */
export interface PaymentRisk {
  readonly id: string;
  readonly year: number;
  /** Simulated volumes. */
  readonly runs: number;
  /** Runs landing in each band, lowest first. */
  readonly byBand: readonly { readonly band: number; readonly runs: number }[];
  /** Pence: the smallest, mean (rounded once) and largest payment. */
  readonly minPayment: Pence;
  readonly meanPayment: Pence;
  readonly maxPayment: Pence;
  /** Pence: the year's estimated value, to compare with the mean. */
  readonly estimatedValue: Pence;
  /** The Ministry's risk: runs needing a guaranteed-minimum top-up, and the mean top-up over all runs (pence). */
  readonly runsWithTopUp: number;
  readonly meanTopUp: Pence;
  /** The supplier's risk: runs with unpaid volume, and the mean unpaid referrals (rounded once) and value (pence) over all runs. */
  readonly runsWithUnpaidVolume: number;
  readonly meanUnpaidVolume: number;
  readonly meanUnpaidValue: Pence;
}

/**
 * Zod schema of simulated actual volumes: a non-empty list of whole referrals, 0 or more. Checked by
 * one loop over the list (the first bad volume is reported with its index), so a million volumes
 * take milliseconds, not a schema parse each.
 */
export const actualVolumesSchema = z
  .custom<readonly number[]>((value) => Array.isArray(value), 'expected a list of actual volumes')
  .superRefine((volumes, ctx) => {
    if (volumes.length === 0) ctx.addIssue({ code: 'custom', message: 'expected at least one actual volume' });
    const bad = volumes.findIndex((v) => !Number.isSafeInteger(v) || v < 0);
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: [bad], message: `expected a whole number of referrals, 0 or more, got ${String(volumes[bad])}` });
  });

/**
 * Pays one contract year at each of many simulated actual volumes and summarises the spread: runs
 * per band, payments, the Ministry's top-ups and the supplier's unpaid volume. Validates once, then
 * settles every volume with trusted cores.
 *
 * @param contract contract terms
 * @param actualVolumes referrals per simulated year
 * @param options `year` (required for contracts of more than one year), `rounding` of top-ups and means
 * @example
 * ```ts
 * const terms = volumeBands( // the volumeBands example: one year, bands 700-850, 850-1,000, 1,000-1,150, 1,150-1,300
 *   { id: 'J-ACC-1', region: 'London', pathway: 'accommodation', vcse: true, projectedVolumes: [1000],
 *     pricing: { unitCosts: { low: 50_000, medium: 50_000, high: 50_000 }, intensityMixBp: { low: 10_000, medium: 0, high: 0 } } },
 *   { scenarios: [{ lowBp: 7000, highBp: 8500 }, { lowBp: 8500, highBp: 10_000 }, { lowBp: 10_000, highBp: 11_500 }, { lowBp: 11_500, highBp: 13_000 }],
 *     bandThreshold: 10_000_000 },
 * );
 * const risk = paymentRisk(terms, [800, 900, 1000, 1200]);
 * risk.byBand.map((b) => b.runs); // [1, 2, 0, 1]
 * risk.meanPayment; // (£425,000 + £500,000 x 2 + £650,000) / 4 = 51_875_000 pence
 * ```
 */
export function paymentRisk(contract: ContractTermsInput, actualVolumes: readonly number[], options: PaymentOptions = {}): PaymentRisk {
  const c = parseInput(contractTermsSchema, contract, 'contract');
  const volumes = parseInput(actualVolumesSchema, actualVolumes, 'actualVolumes');
  return paymentRiskOf(c, volumes, parseInput(paymentOptionsSchema, options, 'options'));
}

/** Trusted core of {@link paymentRisk}: parsed terms and options, volumes whole and 0 or more (at least one). */
export function paymentRiskOf(c: ContractTerms, volumes: readonly number[], o: z.output<typeof paymentOptionsSchema>): PaymentRisk {
  const year = yearOf(c, o.year);
  const rounding = o.rounding ?? 'half-up';
  const bands = year.bands;
  const lowest = bands[0] as VolumeBand;
  const byBand = new Array<number>(bands.length).fill(0);
  let minPayment = Number.POSITIVE_INFINITY;
  let maxPayment = 0;
  let totalPayment = 0;
  let runsWithTopUp = 0;
  let totalTopUp = 0;
  let runsWithUnpaidVolume = 0;
  let totalUnpaidVolume = 0;
  let totalUnpaidValue = 0;
  const runs = volumes.length;
  for (let r = 0; r < runs; r++) {
    const volume = volumes[r] as number;
    const index = bandIndexFor(bands, volume);
    const applied = bands[index] as VolumeBand;
    const payment = applied.value;
    byBand[index] = (byBand[index] as number) + 1;
    if (payment < minPayment) minPayment = payment;
    if (payment > maxPayment) maxPayment = payment;
    totalPayment += payment;
    const topUp = topUpFor(lowest, volume, rounding);
    if (topUp > 0) {
      runsWithTopUp++;
      totalTopUp += topUp;
    }
    if (volume > applied.highVolume) {
      const unpaid = volume - applied.highVolume;
      runsWithUnpaidVolume++;
      totalUnpaidVolume += unpaid;
      totalUnpaidValue += unpaidValueFor(applied, unpaid, rounding);
    }
  }
  const mean = (total: number) => mulDiv(checkSafe(total, 'actualVolumes'), 1, runs, rounding);
  return {
    id: c.id,
    year: year.year,
    runs,
    byBand: byBand.map((n, i) => ({ band: i + 1, runs: n })),
    minPayment,
    meanPayment: mean(totalPayment),
    maxPayment,
    estimatedValue: year.estimatedValue,
    runsWithTopUp,
    meanTopUp: mean(totalTopUp),
    runsWithUnpaidVolume,
    meanUnpaidVolume: mean(totalUnpaidVolume),
    meanUnpaidValue: mean(totalUnpaidValue),
  };
}
