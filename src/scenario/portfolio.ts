/**
 * A day-one Dynamic Framework portfolio built from a few illustrative inputs: contracts spread over
 * the 12 regions and the day-one pathways, volumes projected from caseload (an assumed eligible
 * share of it, or the people a needs analysis finds eligible), priced by intensity, banded when
 * large. Real prices and volumes are not public: every figure is an input.
 */
import { z } from 'zod';
import { PROBATION_REGIONS } from '../caseload/index.js';
import { DAY_ONE_PATHWAYS, MAX_CONTRACT_YEARS, bandingRulesSchema, eligiblePeopleSchema, pricingSchema, volumeBands, volumeProjectionInputSchema, type ContractTerms } from '../contracts/index.js';
import { projectVolumesUnchecked } from '../contracts/internal.js';
import { WorkloadError } from '../errors.js';
import { allocatePence } from '../money.js';
import { countSchema, parseInput } from '../validate.js';

const lots = PROBATION_REGIONS.length * DAY_ONE_PATHWAYS.length;

const pathwayInputSchema = z.strictObject({
  /** Basis points of the caseload eligible for the service (1 500 = 15%): an assumed share, given only when the eligible people do not come from needs. */
  eligibilityBp: z.number().int().min(0).max(10_000).optional(),
  pricing: pricingSchema,
});

/** Zod schema of the inputs of {@link dayOnePortfolio}. */
export const portfolioInputSchema = z.strictObject({
  /** Contracts awarded (at least two per region and pathway; 110 on day one). */
  contracts: z.number().int().min(2 * lots, `expected at least ${2 * lots} contracts (two per region and pathway)`).max(3 * lots, `expected at most ${3 * lots} contracts`),
  /** Cases a year across England and Wales from which eligible referrals are drawn (given only when the caseload does not come from needs). */
  nationalCaseload: countSchema.optional(),
  /** Eligibility and pricing of each day-one pathway. */
  pathways: z.strictObject(
    Object.fromEntries(DAY_ONE_PATHWAYS.map((p) => [p, pathwayInputSchema])) as Record<(typeof DAY_ONE_PATHWAYS)[number], typeof pathwayInputSchema>,
  ),
  /** Caseload forecast: growth in each contract year, signed basis points (-100% to +100%; at most 50 years, as `projectVolumes`). */
  growthBpByYear: volumeProjectionInputSchema.shape.growthBpByYear,
  /** Extra caseload from more police officers each year, basis points of the caseload (not compounded; 0 to 10,000, at most the caseload again). */
  policeDemandBpByYear: z
    .array(z.number().int('expected whole basis points').min(0, 'expected 0 basis points or more').max(10_000, 'expected at most 10 000 basis points (+100% of the caseload)'))
    .min(1, 'expected police demand for at least one contract year')
    .max(MAX_CONTRACT_YEARS, `expected at most ${MAX_CONTRACT_YEARS} contract years`),
  banding: bandingRulesSchema,
  /** Every n-th contract goes to a provider that is not a VCSE organisation (3: two-thirds VCSE). */
  nonVcseEvery: z.number().int().min(1),
});
/** Inputs of {@link dayOnePortfolio}. */
export type PortfolioInput = z.input<typeof portfolioInputSchema>;

/** Zod schema of the caseload and eligible people a portfolio's volumes come from (a needs analysis). */
export const portfolioNeedSchema = z.strictObject({
  /** People a year in each region's caseload (the base year), each of the 12 regions once. */
  people: z.array(z.strictObject({ region: z.string().min(1, 'expected a region'), people: countSchema })).readonly(),
  /** People a year eligible per region and pathway (a needs analysis's `eligibleByRegion`); a pair not listed has nobody eligible. */
  eligible: z.array(eligiblePeopleSchema).readonly(),
});
/** The caseload and eligible people behind a portfolio's volumes (see {@link portfolioNeedSchema}). */
export type PortfolioNeed = z.input<typeof portfolioNeedSchema>;

/** Each lot's caseload and eligible people: from the need when given (checked), else the region's share of the national caseload (unrounded) and no count. */
function lotBasis(o: z.output<typeof portfolioInputSchema>, need: PortfolioNeed | undefined): (region: string, pathway: (typeof DAY_ONE_PATHWAYS)[number]) => { caseload: number; eligiblePeople: number | null } {
  const fail = (path: string, message: string): never => {
    throw new WorkloadError('INVALID_INPUT', `${path}: ${message}`, { path });
  };
  if (need === undefined) {
    if (o.nationalCaseload === undefined) fail('portfolio.nationalCaseload', 'is missing; expected the caseload a year (or volumes from needs)');
    for (const p of DAY_ONE_PATHWAYS) if (o.pathways[p].eligibilityBp === undefined) fail(`portfolio.pathways.${p}.eligibilityBp`, 'is missing; expected an assumed eligible share (or volumes from needs)');
    const weight = new Map(PROBATION_REGIONS.map((r) => [r.name, r.syntheticWeight]));
    // not rounded here: each contract's share is rounded once, below
    return (region) => ({ caseload: ((o.nationalCaseload as number) * (weight.get(region) as number)) / 100, eligiblePeople: null });
  }
  const n = parseInput(portfolioNeedSchema, need, 'need');
  if (o.nationalCaseload !== undefined) fail('portfolio.nationalCaseload', 'is given, but the caseload comes from needs; expected it absent');
  for (const p of DAY_ONE_PATHWAYS) if (o.pathways[p].eligibilityBp !== undefined) fail(`portfolio.pathways.${p}.eligibilityBp`, 'is given, but the eligible people come from needs; expected it absent');
  const people = new Map<string, number>();
  n.people.forEach((r, k) => {
    if (people.has(r.region)) fail(`need.people[${k}].region`, `"${r.region}" is listed twice`);
    people.set(r.region, r.people);
  });
  PROBATION_REGIONS.forEach((r) => {
    if (!people.has(r.name)) fail('need.people', `has no row for region "${r.name}"; expected each of the 12 regions once`);
  });
  const eligible = new Map<string, number>();
  n.eligible.forEach((e, k) => {
    const key = `${e.region}\u0000${e.pathway}`;
    if (eligible.has(key)) fail(`need.eligible[${k}]`, `region "${e.region}" and pathway "${e.pathway}" are listed twice`);
    const base = people.get(e.region);
    if (base === undefined) fail(`need.eligible[${k}].region`, `unknown region "${e.region}"; expected one of need.people's`);
    if (e.people > (base as number)) fail(`need.eligible[${k}].people`, `${e.people} is more than the ${base} people of "${e.region}"; eligible people are part of its caseload`);
    eligible.set(key, e.people);
  });
  return (region, pathway) => ({ caseload: people.get(region) as number, eligiblePeople: eligible.get(`${region}\u0000${pathway}`) ?? 0 });
}

/**
 * Builds the contracts: two per region and pathway (local lots), one more in the lots of the largest
 * regions until `contracts` are awarded; each contract's caseload is its region's caseload split
 * over its lot, its eligible volume projected forward and banded. The region's caseload and
 * eligible people come from `need` (a needs analysis: the people of the region, those eligible for
 * the pathway, each split over the lot's contracts by largest remainder), or, without it, from the
 * portfolio's `nationalCaseload` by region size and each pathway's assumed `eligibilityBp`.
 *
 * @example
 * ```ts
 * // 20,000 people in each region, 8,000 of them eligible for accommodation (nobody for the other pathways)
 * const people = PROBATION_REGIONS.map((r) => ({ region: r.name, people: 20_000 }));
 * const eligible = PROBATION_REGIONS.map((r) => ({ region: r.name, pathway: 'accommodation', people: 8_000 }));
 * const contracts = dayOnePortfolio(NATIONAL_UNIFICATION_SCENARIO.contracts.portfolio, { people, eligible });
 * contracts.length; // 110
 * ```
 */
export function dayOnePortfolio(input: PortfolioInput, need?: PortfolioNeed): ContractTerms[] {
  const o = parseInput(portfolioInputSchema, input, 'portfolio');
  const years = o.growthBpByYear.length;
  if (o.policeDemandBpByYear.length !== years) {
    parseInput(z.array(z.number()).length(years, `expected ${years} years, one per contract year`), o.policeDemandBpByYear, 'portfolio.policeDemandBpByYear');
  }
  const lotList = PROBATION_REGIONS.flatMap((region) => DAY_ONE_PATHWAYS.map((pathway) => ({ region, pathway })));
  const bySize = [...lotList.keys()].sort((a, b) => (lotList[b]?.region.syntheticWeight ?? 0) - (lotList[a]?.region.syntheticWeight ?? 0) || a - b);
  const extraLots = o.contracts - 2 * lots;
  const basis = lotBasis(o, need);
  let awarded = 0;
  return lotList.flatMap(({ region, pathway }, lot) => {
    const count = bySize.indexOf(lot) < extraLots ? 3 : 2;
    const lotBase = basis(region.name, pathway);
    const { eligibilityBp, pricing } = o.pathways[pathway];
    // equal parts by largest remainder, spare ones to the first contracts: eligible parts never pass caseload parts
    const split = (total: number) => allocatePence(total, new Array<number>(count).fill(1));
    const caseloads = lotBase.eligiblePeople === null ? new Array<number>(count).fill(Math.round(lotBase.caseload / count)) : split(lotBase.caseload);
    const eligibles = lotBase.eligiblePeople === null ? null : split(lotBase.eligiblePeople);
    return Array.from({ length: count }, (_, k) => {
      const caseload = caseloads[k] as number;
      // Built from parsed parts within their bounds; a volume too large to hold is named under `portfolio`.
      const projection = projectVolumesUnchecked(
        {
          historicalCaseload: caseload,
          ...(eligibles === null ? { eligibilityBp: eligibilityBp as number } : { eligiblePeople: eligibles[k] as number }),
          growthBpByYear: o.growthBpByYear,
          extraDemand: [{ name: 'more police officers', casesByYear: o.policeDemandBpByYear.map((bp) => Math.round((caseload * bp) / 10_000)) }],
        },
        'portfolio',
      );
      const id = `${region.id}-${DAY_ONE_PATHWAYS.indexOf(pathway) + 1}-${k + 1}`;
      const vcse = awarded++ % o.nonVcseEvery !== o.nonVcseEvery - 1;
      return volumeBands({ id, region: region.name, pathway, vcse, projectedVolumes: projection.volumes, pricing }, o.banding);
    });
  });
}
