/**
 * Tier codes of the Unified Tiering Model (UTM): a protect level A–D (risk of harm, A highest)
 * and a change level 0–3 (need, 3 highest), their `S` variants for unsupervised licence periods,
 * and `untiered`.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { describeValue } from '../validate.js';
import { deepFreeze } from '../freeze.js';

/** Protect levels, highest risk of harm first. */
export const PROTECT_LEVELS = deepFreeze(['A', 'B', 'C', 'D'] as const);
/** A protect level: `A` (highest risk of harm) to `D`. */
export type ProtectLevel = (typeof PROTECT_LEVELS)[number];

/** Change levels, highest need first. */
export const CHANGE_LEVELS = deepFreeze([3, 2, 1, 0] as const);
/** A change level: 3 (highest need and likelihood of reoffending) to 0 (no mandate for change). */
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

/** The 16 UTM tiers, highest first: `A3, A2, A1, A0, B3 … D0`. */
export const UTM_TIERS = deepFreeze([
  'A3', 'A2', 'A1', 'A0',
  'B3', 'B2', 'B1', 'B0',
  'C3', 'C2', 'C1', 'C0',
  'D3', 'D2', 'D1', 'D0',
] as const);
/** One of the 16 UTM tiers. */
export type UtmTier = (typeof UTM_TIERS)[number];

/** The 16 `S` variants (unsupervised licence periods, since April 2024): `A3S … D0S`. */
export const S_TIERS = deepFreeze([
  'A3S', 'A2S', 'A1S', 'A0S',
  'B3S', 'B2S', 'B1S', 'B0S',
  'C3S', 'C2S', 'C1S', 'C0S',
  'D3S', 'D2S', 'D1S', 'D0S',
] as const);
/** One of the 16 `S` tiers. */
export type STier = (typeof S_TIERS)[number];

/** Tiers that have a weighting cell: the 16 UTM tiers then their 16 `S` variants. */
export const WEIGHTED_TIERS = deepFreeze([...UTM_TIERS, ...S_TIERS] as const);
/** A tier with a weighting cell (every tier but `untiered`). */
export type WeightedTier = (typeof WEIGHTED_TIERS)[number];

/** The code of a case not yet tiered: always 0 points, still counted as a case. */
export const UNTIERED = 'untiered' as const;

/**
 * Every tier code a case may carry, in a fixed order whose position is the tier's index in the
 * columnar paths: `A3 … D0`, `A3S … D0S`, `untiered` (index 32).
 */
export const TIERS = deepFreeze([...WEIGHTED_TIERS, UNTIERED] as const);
/** Any tier code a case may carry. */
export type Tier = (typeof TIERS)[number];

/** Case types weighted separately in the WMT. */
export const CASE_TYPES = deepFreeze(['community', 'licence', 'custody'] as const);
/** `community`, `licence` or `custody`. */
export type CaseType = (typeof CASE_TYPES)[number];

/** Zod schema for a tier code (exact spelling; use {@link parseTier} for lenient input). */
export const tierSchema = z.enum(TIERS, { error: () => `expected a tier code: ${TIERS.join(', ')}` });
/** Zod schema for a case type. */
export const caseTypeSchema = z.enum(CASE_TYPES, {
  error: () => `expected a case type: ${CASE_TYPES.join(', ')}`,
});

const TIER_INDEX: ReadonlyMap<string, number> = new Map(TIERS.map((tier, index) => [tier, index]));

/**
 * Reads a tier code as a person types it (`a3`, ` B2s `, `Untiered`), or throws
 * `WorkloadError` `UNKNOWN_TIER` listing the valid codes.
 *
 * @example
 * ```ts
 * parseTier('b2s'); // 'B2S'
 * parseTier('E1'); // throws UNKNOWN_TIER: tier: unknown tier "E1"; expected one of A3, A2, …, untiered
 * ```
 */
export function parseTier(input: unknown, path = 'tier'): Tier {
  if (typeof input === 'string') {
    const trimmed = input.trim();
    const code = trimmed.toLowerCase() === UNTIERED ? UNTIERED : trimmed.toUpperCase();
    if (TIER_INDEX.has(code)) return code as Tier;
  }
  throw unknownTier(input, path);
}

function unknownTier(input: unknown, path: string): WorkloadError {
  return new WorkloadError('UNKNOWN_TIER', `${path}: unknown tier ${describeValue(input)}; expected one of ${TIERS.join(', ')}`, { path });
}

/** The position of an exact tier code in {@link TIERS}, or `UNKNOWN_TIER` (the helpers below take exact codes, as {@link tierSchema} does). */
function indexOfTier(tier: unknown): number {
  const index = typeof tier === 'string' ? TIER_INDEX.get(tier) : undefined;
  if (index === undefined) throw unknownTier(tier, 'tier');
  return index;
}

/**
 * The position of a tier in {@link TIERS} (A3 = 0 … D0S = 31, untiered = 32), used by the columnar paths.
 *
 * @example
 * ```ts
 * tierIndex('A3'); // 0
 * tierIndex('untiered'); // 32
 * ```
 */
export function tierIndex(tier: Tier): number {
  return indexOfTier(tier);
}

/**
 * The UTM tier behind a tier code: `B2S` -> `B2`; `untiered` -> `undefined`.
 *
 * @example
 * ```ts
 * baseTier('C1S'); // 'C1'
 * ```
 */
export function baseTier(tier: Tier): UtmTier | undefined {
  indexOfTier(tier);
  if (tier === UNTIERED) return undefined;
  return tier.slice(0, 2) as UtmTier;
}

/**
 * Protect level (A–D) of a tier, or `undefined` when untiered.
 *
 * @example
 * ```ts
 * protectLevelOf('B3S'); // 'B'
 * ```
 */
export function protectLevelOf(tier: Tier): ProtectLevel | undefined {
  return baseTier(tier)?.charAt(0) as ProtectLevel | undefined;
}

/**
 * Change level (0–3) of a tier, or `undefined` when untiered.
 *
 * @example
 * ```ts
 * changeLevelOf('D3'); // 3
 * ```
 */
export function changeLevelOf(tier: Tier): ChangeLevel | undefined {
  const base = baseTier(tier);
  return base === undefined ? undefined : (Number(base.charAt(1)) as ChangeLevel);
}

/**
 * Rank of a tier in the order used to list unallocated work: untiered 0, D0 1, D1 2 … A3 16.
 * An `S` tier ranks with its UTM tier.
 *
 * @example
 * ```ts
 * tierRank('D0'); // 1
 * tierRank('A3'); // 16
 * ```
 */
export function tierRank(tier: Tier): number {
  const base = baseTier(tier);
  return base === undefined ? 0 : 16 - UTM_TIERS.indexOf(base);
}

/**
 * Comparator for sorting tiers lowest first (untiered, D0 … A3); `S` tiers after their UTM tier.
 *
 * @example
 * ```ts
 * const tiers: Tier[] = ['A3', 'D0', 'B1'];
 * tiers.sort(compareTiers); // ['D0', 'B1', 'A3']
 * ```
 */
export function compareTiers(a: Tier, b: Tier): number {
  return tierRank(a) - tierRank(b) || Number(a.endsWith('S')) - Number(b.endsWith('S'));
}
