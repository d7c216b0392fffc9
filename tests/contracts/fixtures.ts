/** Shared worked-example inputs and helpers for the contract tests (not a test file itself). */
import { expect } from 'vitest';
import { fc } from '@fast-check/vitest';
import { WorkloadError, type ContractInput, type Pricing, type WorkloadErrorCode } from '../../src/index.js';
import { type BandingRules, type ContractIdentity } from '../../src/schemas.js';
import { type ContractTermsInput } from '../../src/types.js';

/**
 * Unit costs £300 / £700 / £1,500 and a 50 / 35 / 15% mix:
 * blended = 0.50 x 300 + 0.35 x 700 + 0.15 x 1,500 = 150 + 245 + 225 = £620 a referral.
 */
export const PRICING: Pricing = {
  unitCosts: { low: 30_000, medium: 70_000, high: 150_000 },
  intensityMixBp: { low: 5_000, medium: 3_500, high: 1_500 },
};

/** Four scenarios: 75-90%, 90-100%, 100-110%, 110-125% of the projected volume; bands from £500,000. */
export const RULES: BandingRules = {
  scenarios: [
    { lowBp: 7_500, highBp: 9_000 },
    { lowBp: 9_000, highBp: 10_000 },
    { lowBp: 10_000, highBp: 11_000 },
    { lowBp: 11_000, highBp: 12_500 },
  ],
  bandThreshold: 50_000_000,
  volumeCapBp: 11_000,
};

/** A larger contract: 400, 420, 441 referrals, (400 + 420 + 441) x £620 = £781,820 at projection: banded. */
export const LARGE: ContractInput = {
  id: 'J-ACC-01',
  region: 'London',
  pathway: 'accommodation',
  vcse: true,
  projectedVolumes: [400, 420, 441],
  pricing: PRICING,
};

/** A small contract: 3 x 100 x £620 = £186,000 at projection, below £500,000: fixed price, cap 110. */
export const SMALL: ContractInput = {
  id: 'D-WS-01',
  region: 'Wales',
  pathway: "women's services",
  vcse: false,
  projectedVolumes: [100, 100, 100],
  pricing: PRICING,
};

/** A one-year fixed-price contract worth `value` pence for up to 10 referrals, written by hand. */
export function fixedContract(id: string, value: number, identity: Partial<ContractIdentity> = {}): ContractTermsInput {
  return {
    id,
    region: 'North East',
    pathway: 'personal wellbeing',
    vcse: true,
    ...identity,
    kind: 'fixed-price',
    years: [{ year: 1, projectedVolume: 10, bands: [{ band: 1, lowVolume: 0, highVolume: 10, value }] }],
  };
}

/** Runs `fn` and checks it throws a WorkloadError with `code` and `path`. */
export function expectWorkloadError(fn: () => unknown, code: WorkloadErrorCode, path: string): WorkloadError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WorkloadError);
  const error = caught as WorkloadError;
  expect({ code: error.code, path: error.path }).toEqual({ code, path });
  return error;
}

/** Any pricing: unit costs up to £5,000, a mix of three shares summing to 10 000 basis points. */
export const pricingArb = fc
  .record({
    low: fc.integer({ min: 0, max: 500_000 }),
    medium: fc.integer({ min: 0, max: 500_000 }),
    high: fc.integer({ min: 0, max: 500_000 }),
    cuts: fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })),
  })
  .map(({ low, medium, high, cuts }): Pricing => {
    const [a, b] = cuts[0] <= cuts[1] ? cuts : [cuts[1], cuts[0]];
    return { unitCosts: { low, medium, high }, intensityMixBp: { low: a, medium: b - a, high: 10_000 - b } };
  });

/** Any banding rules: 1 to 4 ordered scenarios within 0-200% and a threshold up to £2m. */
export const rulesArb = fc
  .record({
    factors: fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 2, maxLength: 8 }),
    bandThreshold: fc.integer({ min: 0, max: 200_000_000 }),
    volumeCapBp: fc.integer({ min: 0, max: 20_000 }),
  })
  .map(({ factors, bandThreshold, volumeCapBp }): BandingRules => {
    const sorted = [...factors].sort((a, b) => a - b);
    const scenarios = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) scenarios.push({ lowBp: sorted[i] as number, highBp: sorted[i + 1] as number });
    return { scenarios, bandThreshold, volumeCapBp };
  });

/** Any contract of 1 to 3 years of up to 5,000 referrals. */
export const contractArb = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    region: fc.constantFrom('North East', 'London', 'Wales'),
    pathway: fc.constantFrom('accommodation', 'personal wellbeing'),
    vcse: fc.boolean(),
    projectedVolumes: fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 3 }),
    pricing: pricingArb,
  })
  .map((c): ContractInput => c);
