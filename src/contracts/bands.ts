/**
 * Volume bands (document 004, recommendation 10): for larger contracts, scenarios applied to the
 * projected volume give a low and a high estimate each, every band with its own value; the lowest
 * band's value is the supplier's guaranteed minimum. Contracts below a size threshold get one fixed
 * price with a volume cap instead.
 */
import { z } from 'zod';
import { parseInput } from '../validate.js';
import { BASIS_POINTS, formatPounds, mulDiv, penceSchema, roundingModeSchema } from '../money.js';
import { priceVolumes, pricingBasis, pricingSchema, valueOfVolume, yearlyVolumesSchema, type PricingBasis } from './pricing.js';
import { buildTerms, contractIdentitySchema, type ContractTerms, type VolumeBand } from './terms.js';
import type { RoundingMode } from '../rational.js';

const factorSchema = z.number().int('expected whole basis points (8 500 = a factor of 0.85)').min(0, 'expected a factor of 0 or more');

/** Zod schema of one scenario: low and high factors on the projected volume, in basis points. */
export const bandScenarioSchema = z.strictObject({
  /** Low estimate as basis points of the projected volume (8 500 = 85%). */
  lowBp: factorSchema,
  /** High estimate as basis points of the projected volume, at or above `lowBp`. */
  highBp: factorSchema,
});
/** One scenario: low and high factors on the projected volume. */
export type BandScenario = z.infer<typeof bandScenarioSchema>;

/** Zod schema of a competition's banding rules. */
export const bandingRulesSchema = z
  .strictObject({
    /** Scenarios, lowest first, each starting at or above the previous one's high factor (the Ministry used four). */
    scenarios: z.array(bandScenarioSchema).min(1, 'expected at least one scenario').readonly(),
    /** Pence: contracts valued below this at their projected volumes get one fixed price with a volume cap. */
    bandThreshold: penceSchema,
    /** Volume cap of a fixed-price contract, in basis points of the projected volume (default 10 000: the projection). */
    volumeCapBp: factorSchema.optional(),
    /** How scaled volumes become whole referrals (default `half-up`). */
    rounding: roundingModeSchema.optional(),
  })
  .superRefine((rules, ctx) => {
    rules.scenarios.forEach((s, i) => {
      if (s.highBp < s.lowBp) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'highBp'], message: 'expected the high factor at or above the low factor' });
      const previous = rules.scenarios[i - 1];
      if (previous !== undefined && s.lowBp < previous.highBp) {
        ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'lowBp'], message: "expected scenarios in order: the low factor at or above the previous scenario's high factor" });
      }
    });
  });
/** A competition's banding rules. */
export type BandingRules = z.input<typeof bandingRulesSchema>;

/** Zod schema of one contract to band: who it is for, its projected volumes and its pricing. */
export const contractInputSchema = contractIdentitySchema.extend({
  /** Referrals projected for each contract year (e.g. `projectVolumes(...).volumes`). */
  projectedVolumes: yearlyVolumesSchema,
  /** Unit costs by intensity and the expected mix. */
  pricing: pricingSchema,
});
/** One contract to band. */
export type ContractInput = z.input<typeof contractInputSchema>;

/** A band from `lowBp` to `highBp` of `projected`, priced at its high volume. */
function bandOf(band: number, projected: number, lowBp: number, highBp: number, basis: PricingBasis, rounding: RoundingMode): VolumeBand {
  const lowVolume = mulDiv(projected, lowBp, BASIS_POINTS, rounding, 'contract.projectedVolumes');
  const highVolume = mulDiv(projected, highBp, BASIS_POINTS, rounding, 'contract.projectedVolumes');
  return { band, lowVolume, highVolume, value: valueOfVolume(basis, highVolume, 'contract.pricing') };
}

/**
 * The terms of one contract: volume bands from the scenarios if its value at the projected volumes
 * reaches the threshold, otherwise one fixed price with a volume cap. Every band, and the fixed
 * price, is priced at its high volume (the most referrals it pays for) x the blended unit cost.
 *
 * @param contract identity, projected referrals per year, pricing (pence per referral)
 * @param rules scenarios (basis points of the projected volume), threshold (pence), volume cap
 * @example
 * ```ts
 * const terms = volumeBands(
 *   { id: 'J-ACC-1', region: 'London', pathway: 'accommodation', vcse: true, projectedVolumes: [1000],
 *     pricing: { unitCosts: { low: 50_000, medium: 50_000, high: 50_000 }, intensityMixBp: { low: 10_000, medium: 0, high: 0 } } },
 *   { scenarios: [{ lowBp: 7000, highBp: 8500 }, { lowBp: 8500, highBp: 10_000 }, { lowBp: 10_000, highBp: 11_500 }, { lowBp: 11_500, highBp: 13_000 }],
 *     bandThreshold: 10_000_000 },
 * );
 * // £500,000 at 1,000 referrals x £500 reaches the £100,000 threshold: four bands
 * terms.years[0]?.bands.map((b) => b.value); // 850 x £500, 1,000 x £500, 1,150 x £500, 1,300 x £500
 * terms.guaranteedMinimum; // 42_500_000 pence (£425,000)
 * ```
 */
export function volumeBands(contract: ContractInput, rules: BandingRules): ContractTerms {
  const c = parseInput(contractInputSchema, contract, 'contract');
  const r = parseInput(bandingRulesSchema, rules, 'rules');
  const basis = pricingBasis(c.pricing);
  const rounding = r.rounding ?? 'half-up';
  const atProjection = priceVolumes(c.projectedVolumes, basis).totalValue;
  const comparison = `value at projected volumes ${formatPounds(atProjection)}`;
  if (atProjection >= r.bandThreshold) {
    const years = c.projectedVolumes.map((projected) => ({
      projectedVolume: projected,
      bands: r.scenarios.map((s, i) => bandOf(i + 1, projected, s.lowBp, s.highBp, basis, rounding)),
    }));
    const reason = `${comparison} reaches the ${formatPounds(r.bandThreshold)} threshold: ${r.scenarios.length} volume bands, each priced at its high volume`;
    return buildTerms(c, 'banded', reason, years);
  }
  const capBp = r.volumeCapBp ?? BASIS_POINTS;
  const years = c.projectedVolumes.map((projected) => ({ projectedVolume: projected, bands: [bandOf(1, projected, 0, capBp, basis, rounding)] }));
  const reason = `${comparison} is below the ${formatPounds(r.bandThreshold)} threshold: one fixed price with a volume cap at ${capBp / 100}% of the projected volume`;
  return buildTerms(c, 'fixed-price', reason, years);
}
