/**
 * The terms of a Dynamic Framework contract: for each contract year, the projected volume and the
 * volume bands that set the payment (one band with a volume cap for a fixed-price contract).
 * Built by `volumeBands`, changed by `adjustToBudget`, read by payment and portfolio functions.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { countSchema, parseInput } from '../validate.js';
import { penceSchema, sumExact, type Pence } from '../money.js';
import { deepFreeze } from '../freeze.js';

/** How a contract pays: `banded` (volume bands, larger contracts) or `fixed-price` (one price, a volume cap). */
export const CONTRACT_KINDS = deepFreeze(['banded', 'fixed-price'] as const);
/** One of {@link CONTRACT_KINDS}. */
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** Zod schema of who and what a contract is for. */
export const contractIdentitySchema = z.strictObject({
  /** Unique contract reference. */
  id: z.string().min(1, 'expected a contract id'),
  /** Probation region, e.g. `London`. */
  region: z.string().min(1, 'expected a region'),
  /** Intervention pathway, e.g. `accommodation` (see `DAY_ONE_PATHWAYS`; more can be added). */
  pathway: z.string().min(1, 'expected a pathway'),
  /** Whether the provider is a voluntary, community or social enterprise (VCSE) organisation. */
  vcse: z.boolean(),
});
/** Who and what a contract is for. */
export type ContractIdentity = z.infer<typeof contractIdentitySchema>;

/** Zod schema of one volume band of a contract year. */
export const volumeBandSchema = z.strictObject({
  /** 1 for the lowest band. */
  band: z.number().int().min(1),
  /** Referrals: the band's low estimate. */
  lowVolume: countSchema,
  /** Referrals: the band's high estimate; the most the band pays for. */
  highVolume: countSchema,
  /** Pence: the band's contract value for the year. */
  value: penceSchema,
});
/** One volume band: referrals from `lowVolume` to `highVolume` are paid `value` pence for the year. */
export type VolumeBand = z.infer<typeof volumeBandSchema>;

/** Zod schema of one contract year's terms; `estimateBand` and `estimatedValue` are derived, checked if given. */
export const contractYearSchema = z.strictObject({
  /** Contract year, 1 for the first. */
  year: z.number().int().min(1),
  /** Referrals projected for the year. */
  projectedVolume: countSchema,
  /** Bands, lowest first. */
  bands: z.array(volumeBandSchema).min(1, 'expected at least one band').readonly(),
  estimateBand: z.number().int().min(1).optional(),
  estimatedValue: penceSchema.optional(),
});

/** One contract year's terms. */
export interface ContractYear {
  /** Contract year, 1 for the first. */
  readonly year: number;
  /** Referrals projected for the year. */
  readonly projectedVolume: number;
  /** Bands, lowest first; bands[0].value is the year's guaranteed minimum, the top band's high volume its cap. */
  readonly bands: readonly VolumeBand[];
  /** The band that applies at the projected volume. */
  readonly estimateBand: number;
  /** Pence: the payment at the projected volume (that band's value). */
  readonly estimatedValue: Pence;
}

/** A contract's terms over all its years. */
export interface ContractTerms extends ContractIdentity {
  readonly kind: ContractKind;
  /** Why the contract has this kind, in words. */
  readonly reason: string;
  readonly years: readonly ContractYear[];
  /** Pence: the contract value, the sum of the years' estimated values (what budgets are set against). */
  readonly value: Pence;
  /** Pence: the sum of the years' lowest band values, the supplier's guaranteed minimum income. */
  readonly guaranteedMinimum: Pence;
  /** Pence: the sum of the years' top band values, the most the contract can pay. */
  readonly maximumValue: Pence;
}

/**
 * Trusted core: index (0 for the lowest) of the band that applies to `volume`: the lowest band
 * whose high volume covers it (so a volume on a shared boundary takes the lower band), or the band
 * below when the volume lies in a gap before that band's low volume; the top band above the cap.
 */
export function bandIndexFor(bands: readonly VolumeBand[], volume: number): number {
  const last = bands.length - 1;
  let i = 0;
  while (i < last && volume > (bands[i] as VolumeBand).highVolume) i++;
  return i > 0 && volume < (bands[i] as VolumeBand).lowVolume ? i - 1 : i;
}

/** Trusted core: complete terms from their primary data (identity, kind, volumes and bands). */
export function buildTerms(
  identity: ContractIdentity,
  kind: ContractKind,
  reason: string,
  years: readonly { readonly projectedVolume: number; readonly bands: readonly VolumeBand[] }[],
): ContractTerms {
  const built = years.map((y, index): ContractYear => {
    const estimate = bandIndexFor(y.bands, y.projectedVolume);
    return {
      year: index + 1,
      projectedVolume: y.projectedVolume,
      bands: y.bands,
      estimateBand: estimate + 1,
      estimatedValue: (y.bands[estimate] as VolumeBand).value,
    };
  });
  return {
    id: identity.id,
    region: identity.region,
    pathway: identity.pathway,
    vcse: identity.vcse,
    kind,
    reason,
    years: built,
    value: sumExact(
      built.map((y) => y.estimatedValue),
      'years',
    ),
    guaranteedMinimum: sumExact(
      built.map((y) => (y.bands[0] as VolumeBand).value),
      'years',
    ),
    maximumValue: sumExact(
      built.map((y) => (y.bands[y.bands.length - 1] as VolumeBand).value),
      'years',
    ),
  };
}

/**
 * Contract years any contract, projection or portfolio may span. Dynamic Framework contracts run a
 * few years (up to 10 with extensions); 50 keeps exact projections small (a year's growth is a
 * rational with a denominator of 10,000^years, so 50 years stay within doubles) and bounds the work.
 */
export const MAX_CONTRACT_YEARS = 50;

const contractTermsBaseSchema = contractIdentitySchema.extend({
  kind: z.enum(CONTRACT_KINDS, { error: () => `expected a contract kind: ${CONTRACT_KINDS.join(', ')}` }),
  reason: z.string().optional(),
  years: z.array(contractYearSchema).min(1, 'expected at least one contract year').max(MAX_CONTRACT_YEARS, `expected at most ${MAX_CONTRACT_YEARS} contract years`).readonly(),
  value: penceSchema.optional(),
  guaranteedMinimum: penceSchema.optional(),
  maximumValue: penceSchema.optional(),
});
type TermsInput = z.output<typeof contractTermsBaseSchema>;

/** Checks years and bands run in order, bands do not overlap and band values do not fall. */
function checkOrder(terms: TermsInput, ctx: z.RefinementCtx): void {
  terms.years.forEach((y, k) => {
    const issue = (message: string, ...path: (string | number)[]) => ctx.addIssue({ code: 'custom', path: ['years', k, ...path], message });
    if (y.year !== k + 1) issue(`expected year ${k + 1}: years run 1, 2, 3 in order`, 'year');
    if (terms.kind === 'fixed-price' && (y.bands.length !== 1 || y.bands[0]?.lowVolume !== 0)) {
      issue('expected one band from 0 referrals to the volume cap for a fixed-price contract', 'bands');
    }
    y.bands.forEach((band, i) => {
      const previous = y.bands[i - 1];
      if (band.band !== i + 1) issue(`expected band ${i + 1}: bands run 1, 2, 3 in order`, 'bands', i, 'band');
      if (band.highVolume < band.lowVolume) issue('expected a high volume at or above the low volume', 'bands', i, 'highVolume');
      if (previous !== undefined && band.lowVolume < previous.highVolume) {
        issue("expected the band to start at or above the previous band's high volume", 'bands', i, 'lowVolume');
      }
      if (previous !== undefined && band.value < previous.value) issue('expected band values not to fall as bands rise', 'bands', i, 'value');
    });
  });
}

/** Checks every derived figure given matches the one the terms imply. */
function checkDerived(terms: TermsInput, built: ContractTerms, ctx: z.RefinementCtx): void {
  terms.years.forEach((y, k) => {
    const expected = built.years[k] as ContractYear;
    if (y.estimateBand !== undefined && y.estimateBand !== expected.estimateBand) {
      ctx.addIssue({ code: 'custom', path: ['years', k, 'estimateBand'], message: `expected band ${expected.estimateBand}, the band that applies at the projected volume` });
    }
    if (y.estimatedValue !== undefined && y.estimatedValue !== expected.estimatedValue) {
      ctx.addIssue({ code: 'custom', path: ['years', k, 'estimatedValue'], message: `expected ${expected.estimatedValue} pence, the value of the band at the projected volume` });
    }
  });
  for (const key of ['value', 'guaranteedMinimum', 'maximumValue'] as const) {
    const given = terms[key];
    if (given !== undefined && given !== built[key]) ctx.addIssue({ code: 'custom', path: [key], message: `expected ${built[key]} pence, as the years' bands imply` });
  }
}

/**
 * Zod schema of a contract's terms, as `volumeBands` returns them or written by hand: years and
 * bands in order, band values not falling; the derived figures (`estimateBand`, `estimatedValue`,
 * `value`, `guaranteedMinimum`, `maximumValue`) may be left out, and are checked when given.
 * Parses to complete {@link ContractTerms}.
 */
export const contractTermsSchema = contractTermsBaseSchema.transform((terms, ctx): ContractTerms => {
  const before = ctx.issues.length;
  checkOrder(terms, ctx);
  if (ctx.issues.length > before) return z.NEVER;
  const built = buildTerms(terms, terms.kind, terms.reason ?? `${terms.kind} terms as given`, terms.years);
  checkDerived(terms, built, ctx);
  return built;
});
/** Contract terms as a function accepts them: complete, or without the derived figures. */
export type ContractTermsInput = z.input<typeof contractTermsSchema>;

/** Zod schema of a list of contracts (ids must also be unique: see {@link parseContracts}). */
export const contractListSchema = z.array(contractTermsSchema).readonly();

/**
 * Trusted boundary helper: parses a list of contracts, then refuses a repeated id with
 * `DUPLICATE_ID` at `name[i].id`.
 */
export function parseContracts(contracts: unknown, name: string): readonly ContractTerms[] {
  const parsed = parseInput(contractListSchema, contracts, name);
  const seen = new Set<string>();
  parsed.forEach((c, i) => {
    if (seen.has(c.id)) throw new WorkloadError('DUPLICATE_ID', `${name}[${i}].id: contract '${c.id}' appears twice`, { path: `${name}[${i}].id` });
    seen.add(c.id);
  });
  return parsed;
}
