/**
 * Contract value = volume x unit cost by intensity (document 004, recommendation 10): each
 * referral is low, medium or high intensity, each intensity has its own unit cost, and the
 * expected mix gives one exact blended unit cost. Money is rounded once, per contract year.
 */
import { z } from 'zod';
import { countSchema, parseInput } from '../validate.js';
import { BASIS_POINTS, largestRemainder, mulDiv, penceSchema, sumExact, roundingModeSchema, toSafeNumber, type Pence, type Rate } from '../money.js';
import type { RoundingMode } from '../rational.js';
import { deepFreeze } from '../freeze.js';
import { MAX_CONTRACT_YEARS } from './terms.js';

/** Intensities of a referral, as the referral service grades complexity. */
export const INTENSITIES = deepFreeze(['low', 'medium', 'high'] as const);
/** One of {@link INTENSITIES}. */
export type Intensity = (typeof INTENSITIES)[number];

const basisPointsShareSchema = z.number().int('expected whole basis points (1 250 = 12.5%)').min(0, 'expected basis points of 0 or more');

/** Zod schema of how a contract is priced: unit costs by intensity, the expected mix, the rounding. */
export const pricingSchema = z.strictObject({
  /** Pence per referral at each intensity. */
  unitCosts: z.strictObject({ low: penceSchema, medium: penceSchema, high: penceSchema }),
  /** Expected share of referrals at each intensity, in basis points summing to 10 000. */
  intensityMixBp: z
    .strictObject({ low: basisPointsShareSchema, medium: basisPointsShareSchema, high: basisPointsShareSchema })
    .refine((mix) => mix.low + mix.medium + mix.high === BASIS_POINTS, 'expected intensity shares summing to 10 000 basis points (100%)'),
  /** How each year's exact value becomes whole pence (default `half-up`). */
  rounding: roundingModeSchema.optional(),
});
/** How a contract is priced. */
export type Pricing = z.input<typeof pricingSchema>;

/** Zod schema of volumes per contract year: whole referrals, at least one year. */
export const yearlyVolumesSchema = z
  .array(countSchema)
  .min(1, 'expected a volume for at least one contract year')
  .max(MAX_CONTRACT_YEARS, `expected at most ${MAX_CONTRACT_YEARS} contract years`)
  .readonly();

/** The value of one contract year. */
export interface PricedYear {
  /** Contract year, 1 for the first. */
  readonly year: number;
  /** Referrals. */
  readonly volume: number;
  /** Pence: volume x blended unit cost, rounded once. */
  readonly value: Pence;
  /** Pence: the year's value split by intensity (largest remainder, so the parts sum to `value`). */
  readonly valueByIntensity: Readonly<Record<Intensity, Pence>>;
}

/** A contract's value, year by year, with the arithmetic behind it. */
export interface ContractPrice {
  /** Pence per referral at each intensity. */
  readonly unitCosts: Readonly<Record<Intensity, Pence>>;
  /** Basis points of referrals at each intensity. */
  readonly intensityMixBp: Readonly<Record<Intensity, number>>;
  /** Pence per referral, exactly: sum of share x unit cost, over a scale of 10 000. */
  readonly blendedUnitCost: Rate;
  readonly rounding: RoundingMode;
  readonly years: readonly PricedYear[];
  /** Referrals over all years. */
  readonly totalVolume: number;
  /** Pence: the sum of the yearly values. */
  readonly totalValue: Pence;
}

/** A validated pricing, with its exact blended unit cost. Internal. */
export interface PricingBasis {
  readonly unitCosts: Readonly<Record<Intensity, Pence>>;
  readonly intensityMixBp: Readonly<Record<Intensity, number>>;
  readonly blendedUnitCost: Rate;
  readonly rounding: RoundingMode;
}

/** Trusted core: the exact blended unit cost of a validated pricing. */
export function pricingBasis(pricing: z.output<typeof pricingSchema>): PricingBasis {
  let sum = 0n;
  for (const intensity of INTENSITIES) sum += BigInt(pricing.unitCosts[intensity]) * BigInt(pricing.intensityMixBp[intensity]);
  return {
    unitCosts: pricing.unitCosts,
    intensityMixBp: pricing.intensityMixBp,
    blendedUnitCost: { value: toSafeNumber(sum, 'pricing.unitCosts'), scale: BASIS_POINTS },
    rounding: pricing.rounding ?? 'half-up',
  };
}

/** Trusted core: pence for `volume` referrals at the blended unit cost, rounded once. */
export function valueOfVolume(basis: PricingBasis, volume: number, path = ''): Pence {
  return mulDiv(volume, basis.blendedUnitCost.value, basis.blendedUnitCost.scale, basis.rounding, path);
}

/** Trusted core of {@link priceContract}. */
export function priceVolumes(volumes: readonly number[], basis: PricingBasis): ContractPrice {
  const weights = INTENSITIES.map((i) => basis.unitCosts[i] * basis.intensityMixBp[i]);
  const years = volumes.map((volume, index): PricedYear => {
    const value = valueOfVolume(basis, volume, `volumes[${index}]`);
    const [low = 0, medium = 0, high = 0] = largestRemainder(value, weights);
    return { year: index + 1, volume, value, valueByIntensity: { low, medium, high } };
  });
  return {
    unitCosts: basis.unitCosts,
    intensityMixBp: basis.intensityMixBp,
    blendedUnitCost: basis.blendedUnitCost,
    rounding: basis.rounding,
    years,
    totalVolume: sumExact(volumes, 'volumes'),
    totalValue: sumExact(
      years.map((y) => y.value),
      'volumes',
    ),
  };
}

/**
 * Values a contract: each year's volume x the blended unit cost of the intensity mix, rounded once
 * per year (default `half-up`); the total is the sum of the years.
 *
 * @param volumes referrals per contract year
 * @param pricing unit costs in pence per referral by intensity, and the mix in basis points
 * @example
 * ```ts
 * const price = priceContract([100, 120], {
 *   unitCosts: { low: 40_000, medium: 80_000, high: 150_000 }, // £400, £800, £1,500
 *   intensityMixBp: { low: 5000, medium: 3000, high: 2000 }, // 50%, 30%, 20%
 * });
 * // blended: 0.5 x 400 + 0.3 x 800 + 0.2 x 1,500 = £740 a referral
 * price.years[0]?.value; // 100 x £740 = 7_400_000 pence
 * price.totalValue; // 7_400_000 + 8_880_000 = 16_280_000 pence
 * ```
 */
export function priceContract(volumes: readonly number[], pricing: Pricing): ContractPrice {
  const v = parseInput(yearlyVolumesSchema, volumes, 'volumes');
  const p = parseInput(pricingSchema, pricing, 'pricing');
  return priceVolumes(v, pricingBasis(p));
}
