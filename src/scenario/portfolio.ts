/**
 * A day-one Dynamic Framework portfolio built from a few illustrative inputs: contracts spread over
 * the 12 regions and the day-one pathways, volumes projected from caseload, priced by intensity,
 * banded when large. Real prices and volumes are not public: every figure is an input.
 */
import { z } from 'zod';
import { PROBATION_REGIONS } from '../caseload/index.js';
import { DAY_ONE_PATHWAYS, bandingRulesSchema, pricingSchema, projectVolumes, volumeBands, type ContractTerms } from '../contracts/index.js';
import { countSchema, parseInput } from '../validate.js';

const lots = PROBATION_REGIONS.length * DAY_ONE_PATHWAYS.length;

const pathwayInputSchema = z.strictObject({
  /** Basis points of the caseload eligible for the service (1 500 = 15%). */
  eligibilityBp: z.number().int().min(0).max(10_000),
  pricing: pricingSchema,
});

/** Zod schema of the inputs of {@link dayOnePortfolio}. */
export const portfolioInputSchema = z.strictObject({
  /** Contracts awarded (at least two per region and pathway; 110 on day one). */
  contracts: z.number().int().min(2 * lots, `expected at least ${2 * lots} contracts (two per region and pathway)`).max(3 * lots, `expected at most ${3 * lots} contracts`),
  /** Cases a year across England and Wales from which eligible referrals are drawn. */
  nationalCaseload: countSchema,
  /** Eligibility and pricing of each day-one pathway. */
  pathways: z.strictObject(
    Object.fromEntries(DAY_ONE_PATHWAYS.map((p) => [p, pathwayInputSchema])) as Record<(typeof DAY_ONE_PATHWAYS)[number], typeof pathwayInputSchema>,
  ),
  /** Caseload forecast: growth in each contract year, signed basis points. */
  growthBpByYear: z.array(z.number().int().min(-10_000)).min(1),
  /** Extra caseload from more police officers each year, basis points of the caseload (not compounded). */
  policeDemandBpByYear: z.array(z.number().int().min(0)).min(1),
  banding: bandingRulesSchema,
  /** Every n-th contract goes to a provider that is not a VCSE organisation (3: two-thirds VCSE). */
  nonVcseEvery: z.number().int().min(1),
});
/** Inputs of {@link dayOnePortfolio}. */
export type PortfolioInput = z.input<typeof portfolioInputSchema>;

/**
 * Builds the contracts: two per region and pathway (local lots), one more in the lots of the largest
 * regions until `contracts` are awarded; each contract's caseload is its region's share of the
 * national caseload split over its lot, projected forward and banded.
 *
 * @example
 * ```ts
 * const contracts = dayOnePortfolio(NATIONAL_UNIFICATION_SCENARIO.contracts.portfolio);
 * contracts.length; // 110
 * ```
 */
export function dayOnePortfolio(input: PortfolioInput): ContractTerms[] {
  const o = parseInput(portfolioInputSchema, input, 'portfolio');
  const years = o.growthBpByYear.length;
  if (o.policeDemandBpByYear.length !== years) {
    parseInput(z.array(z.number()).length(years, `expected ${years} years, one per contract year`), o.policeDemandBpByYear, 'portfolio.policeDemandBpByYear');
  }
  const lotList = PROBATION_REGIONS.flatMap((region) => DAY_ONE_PATHWAYS.map((pathway) => ({ region, pathway })));
  const bySize = [...lotList.keys()].sort((a, b) => (lotList[b]?.region.syntheticWeight ?? 0) - (lotList[a]?.region.syntheticWeight ?? 0) || a - b);
  const extraLots = o.contracts - 2 * lots;
  let awarded = 0;
  return lotList.flatMap(({ region, pathway }, lot) => {
    const count = bySize.indexOf(lot) < extraLots ? 3 : 2;
    const caseload = Math.round((o.nationalCaseload * region.syntheticWeight) / 100 / count);
    const { eligibilityBp, pricing } = o.pathways[pathway];
    return Array.from({ length: count }, (_, k) => {
      const projection = projectVolumes({
        historicalCaseload: caseload,
        eligibilityBp,
        growthBpByYear: o.growthBpByYear,
        extraDemand: [{ name: 'more police officers', casesByYear: o.policeDemandBpByYear.map((bp) => Math.round((caseload * bp) / 10_000)) }],
      });
      const id = `${region.id}-${DAY_ONE_PATHWAYS.indexOf(pathway) + 1}-${k + 1}`;
      const vcse = awarded++ % o.nonVcseEvery !== o.nonVcseEvery - 1;
      return volumeBands({ id, region: region.name, pathway, vcse, projectedVolumes: projection.volumes, pricing }, o.banding);
    });
  });
}
