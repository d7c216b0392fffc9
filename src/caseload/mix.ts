/**
 * The mix of a caseload: how cases spread over tier x case type, how many are T2A, and which are
 * inactive. Synthetic caseloads draw their cases from a mix.
 */
import { z } from 'zod';
import { CASE_TYPES, TIERS, changeLevelOf, protectLevelOf, tierSchema, type CaseType, type Tier } from '../tiers/index.js';
import { CASE_STATUSES } from '../workload/index.js';
import { deepFreeze } from '../freeze.js';

const weightSchema = z.number().min(0, 'expected a weight of 0 or more').max(1e9, 'expected a weight of at most 1e9');
const shareSchema = z.number().min(0, 'expected a share of 0 or more').max(1, 'expected a share of at most 1');
const tierWeightsSchema = z.partialRecord(tierSchema, weightSchema);

/** Zod schema of a {@link CaseMix}. */
export const caseMixSchema = z
  .strictObject({
    /** Relative weight of each tier x case type cell, `weights[caseType][tier]`; absent cells weigh 0. */
    weights: z.strictObject({ community: tierWeightsSchema, licence: tierWeightsSchema, custody: tierWeightsSchema }),
    /** Share (0..1) of cases that are T2A (transition to adulthood), weighed on the T2A grid. */
    t2aShare: shareSchema,
    /** Share (0..1) of community cases at change level 0 (no mandate for change) that are unpaid work only. */
    unpaidWorkOnlyShare: shareSchema,
    /** Share (0..1) of the other cases with an active warrant (inactive; keeps 0% by default). */
    activeWarrantShare: shareSchema,
    /** Share (0..1) of the other cases overdue for termination (inactive; keeps 0% by default). */
    overdueTerminationShare: shareSchema,
  })
  .refine((m) => CASE_TYPES.some((t) => Object.values(m.weights[t]).some((w) => w > 0)), {
    message: 'expected at least one tier x case type cell with a weight above 0',
    path: ['weights'],
  })
  .refine((m) => m.activeWarrantShare + m.overdueTerminationShare <= 1, {
    message: 'expected activeWarrantShare + overdueTerminationShare of at most 1',
    path: ['overdueTerminationShare'],
  });
/** A caseload mix (see {@link caseMixSchema}). */
export type CaseMix = z.input<typeof caseMixSchema>;

type Row = Readonly<Partial<Record<Tier, number>>>;

/** A row of weights in UTM_TIERS order (A3 … D0), then untiered. */
function row(weights: readonly number[], untiered: number): Row {
  const out: Partial<Record<Tier, number>> = {};
  weights.forEach((w, i) => {
    if (w > 0) out[TIERS[i] as Tier] = w;
  });
  if (untiered > 0) out.untiered = untiered;
  return out;
}

/**
 * The default national mix: relative weights per 1,000 cases of each tier x case type
 * (community 55%, licence 25%, custody 20%; protect level A about 6%, B 35%, C 29%, D 30%), plus a
 * few untiered cases; 5% T2A; 80% of community cases without a mandate for change are unpaid work
 * only; 2% of the others have an active warrant and 1% are overdue for termination.
 * Illustrative figures for synthetic data: the tier distribution of the live caseload is not in
 * the sources.
 *
 * @example
 * ```ts
 * DEFAULT_CASE_MIX.weights.community.C2; // 60
 * generateCases({ count: 1000, seed: 1, pduCount: 108, mix: DEFAULT_CASE_MIX });
 * ```
 */
export const DEFAULT_CASE_MIX: CaseMix = deepFreeze({
  weights: {
    //                A3 A2 A1 A0  B3  B2  B1  B0  C3  C2  C1  C0  D3  D2  D1  D0
    community: row([4, 6, 4, 1, 30, 60, 40, 15, 25, 60, 60, 30, 15, 50, 80, 70], 10),
    licence: row([8, 10, 6, 0, 35, 50, 30, 0, 15, 25, 20, 0, 8, 18, 25, 0], 5),
    custody: row([6, 8, 4, 0, 30, 40, 22, 0, 12, 22, 18, 0, 6, 12, 20, 0], 5),
  },
  t2aShare: 0.05,
  unpaidWorkOnlyShare: 0.8,
  activeWarrantShare: 0.02,
  overdueTerminationShare: 0.01,
});

/** Zod schema of relative weights by protect level (and untiered), tilting a mix toward or away from risk. */
export const protectTiltSchema = z.strictObject({
  A: weightSchema,
  B: weightSchema,
  C: weightSchema,
  D: weightSchema,
  untiered: weightSchema,
});
/** Multipliers of a mix's weights by protect level: `{ A, B, C, D, untiered }`. */
export type ProtectTilt = z.input<typeof protectTiltSchema>;

// --- Drawing from a mix (internal) ---------------------------------------------------------------

/** Walker's alias table: draws an index in O(1) from one uniform number. */
export interface AliasTable {
  readonly probability: Float64Array;
  readonly alias: Uint32Array;
}

/** Builds the alias table of non-negative `weights` with a positive sum (Vose's method, deterministic). */
export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  const scaled = Float64Array.from({ length: n }, (_, i) => ((weights[i] as number) * n) / sum);
  const probability = new Float64Array(n);
  const alias = new Uint32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = n - 1; i >= 0; i--) ((scaled[i] as number) < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    probability[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    ((scaled[l] as number) < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) {
    probability[i] = 1;
    alias[i] = i;
  }
  return { probability, alias };
}

/** The index an alias table gives for a uniform number `u` in [0, 1). */
export function drawAlias(table: AliasTable, u: number): number {
  const x = u * table.probability.length;
  const i = Math.floor(x);
  return x - i < (table.probability[i] as number) ? i : (table.alias[i] as number);
}

const ACTIVE = CASE_STATUSES.indexOf('active');
const ACTIVE_WARRANT = CASE_STATUSES.indexOf('activeWarrant');
const UNPAID_WORK_ONLY = CASE_STATUSES.indexOf('unpaidWorkOnly');
const OVERDUE_TERMINATION = CASE_STATUSES.indexOf('overdueTermination');

/**
 * A mix compiled for drawing: every outcome (tier x case type x T2A x status) of positive weight,
 * drawn with one uniform number through an alias table.
 */
export interface MixSampler {
  readonly table: AliasTable;
  /** Per outcome: position in TIERS, CASE_TYPES, 0/1 T2A, position in CASE_STATUSES. */
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a: Uint8Array;
  readonly statusIndex: Uint8Array;
  /** Total weight of the outcomes (0 when nothing can be drawn). */
  readonly totalWeight: number;
}

/** A mix split three ways: every case, the cases counted toward the ceiling, the unpaid-work-only ones. */
export interface MixSamplers {
  readonly all: MixSampler;
  readonly counted: MixSampler;
  readonly unpaidWorkOnly: MixSampler;
}

interface Outcome {
  readonly tier: number;
  readonly caseType: number;
  readonly t2a: number;
  readonly status: number;
  readonly weight: number;
}

function samplerOf(outcomes: readonly Outcome[]): MixSampler {
  const totalWeight = outcomes.reduce((sum, o) => sum + o.weight, 0);
  return {
    table: totalWeight > 0 ? aliasTable(outcomes.map((o) => o.weight)) : aliasTable([1]),
    tierIndex: Uint8Array.from(outcomes, (o) => o.tier),
    caseTypeIndex: Uint8Array.from(outcomes, (o) => o.caseType),
    t2a: Uint8Array.from(outcomes, (o) => o.t2a),
    statusIndex: Uint8Array.from(outcomes, (o) => o.status),
    totalWeight,
  };
}

/**
 * Scales weights whose largest is `max` by a power of two that brings `max` to [1, 2): exact in
 * doubles (the same tables for every mix of ordinary weights), and no tiny weight (5e-324) then
 * underflows to 0 when multiplied by the shares, which would leave nothing to draw but the first
 * outcome.
 */
function powerOfTwoToUnit(max: number): (weight: number) => number {
  if (!(max > 0) || !Number.isFinite(max)) return (weight) => weight;
  const exponent = -Math.floor(Math.log2(max));
  // 2^1074 (for 5e-324) is past a double's range: two exact steps.
  const first = 2 ** Math.min(exponent, 1000);
  const second = 2 ** (exponent - Math.min(exponent, 1000));
  return (weight) => weight * first * second;
}

/**
 * Compiles a parsed mix, its weights multiplied by `tilt` per protect level. A community case at
 * change level 0 (no mandate for change) is unpaid work only with the mix's share, else active; any
 * other case has an active warrant, is overdue for termination, or is active, by the mix's shares.
 */
export function mixSamplers(mix: z.output<typeof caseMixSchema>, tilt?: z.output<typeof protectTiltSchema>): MixSamplers {
  const outcomes: Outcome[] = [];
  const { t2aShare, unpaidWorkOnlyShare, activeWarrantShare, overdueTerminationShare } = mix;
  const tilted = (caseType: CaseType, tier: Tier) => (mix.weights[caseType][tier] ?? 0) * (tilt === undefined ? 1 : tilt[protectLevelOf(tier) ?? 'untiered']);
  const toUnit = powerOfTwoToUnit(Math.max(...CASE_TYPES.flatMap((caseType) => TIERS.map((tier) => tilted(caseType, tier)))));
  CASE_TYPES.forEach((caseType: CaseType, t) => {
    TIERS.forEach((tier: Tier, k) => {
      const weight = toUnit(tilted(caseType, tier));
      const statuses: [number, number][] =
        caseType === 'community' && changeLevelOf(tier) === 0
          ? [
              [ACTIVE, 1 - unpaidWorkOnlyShare],
              [UNPAID_WORK_ONLY, unpaidWorkOnlyShare],
            ]
          : [
              [ACTIVE, 1 - activeWarrantShare - overdueTerminationShare],
              [ACTIVE_WARRANT, activeWarrantShare],
              [OVERDUE_TERMINATION, overdueTerminationShare],
            ];
      for (const [young, youngShare] of [[0, 1 - t2aShare], [1, t2aShare]] as const) {
        for (const [status, statusShare] of statuses) {
          const w = weight * youngShare * statusShare;
          if (w > 0) outcomes.push({ tier: k, caseType: t, t2a: young, status, weight: w });
        }
      }
    });
  });
  return {
    all: samplerOf(outcomes),
    counted: samplerOf(outcomes.filter((o) => o.status !== UNPAID_WORK_ONLY)),
    unpaidWorkOnly: samplerOf(outcomes.filter((o) => o.status === UNPAID_WORK_ONLY)),
  };
}

/** Case columns being filled by {@link drawCase}. */
export interface CaseColumnsBeingDrawn {
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a: Uint8Array;
  readonly statusIndex: Uint8Array;
}

/** Draws case `j` from a sampler with one uniform number `u` in [0, 1). */
export function drawCase(sampler: MixSampler, columns: CaseColumnsBeingDrawn, j: number, u: number): void {
  const o = drawAlias(sampler.table, u);
  columns.tierIndex[j] = sampler.tierIndex[o] as number;
  columns.caseTypeIndex[j] = sampler.caseTypeIndex[o] as number;
  columns.t2a[j] = sampler.t2a[o] as number;
  columns.statusIndex[j] = sampler.statusIndex[o] as number;
}
