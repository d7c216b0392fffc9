/** A practitioner and the points they can carry. */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { IdIndex } from '../id-index.js';
import { add, compare, div, floor, fromDecimal, mul, ratio, sub, toNumber, type Rational } from '../rational.js';
import { DEFAULT_WEIGHTINGS, gradeSchema, weightingTableSchema, type Grade, type WeightingTable } from '../weightings/index.js';
import { hoursSchema, isoDateSchema, parseInput } from '../validate.js';
import { REDUCTION_REASON_BY_ID, reductionSchema } from './reductions.js';

/** Zod schema of a practitioner. */
export const practitionerSchema = z.strictObject({
  id: z.string().min(1, 'expected a non-empty id'),
  name: z.string().optional(),
  grade: gradeSchema,
  /** Hours a week, decimals allowed (19.5), 0..168. */
  contractedHours: hoursSchema(0, 168),
  reductions: z.array(reductionSchema).optional(),
});
/** A practitioner: id, grade, contracted hours a week and reductions. */
export type Practitioner = z.input<typeof practitionerSchema>;

/** Options of {@link availablePoints}. */
export const availableOptionsSchema = z.strictObject({
  weightings: weightingTableSchema.optional(),
  /** The day to assess, `YYYY-MM-DD`: reductions count when it falls within them. */
  asOf: isoDateSchema,
});
/** `{ weightings?, asOf }`. */
export type AvailableOptions = z.input<typeof availableOptionsSchema>;

/** One reduction as counted on the day. */
export interface CountedReduction {
  readonly reason: string | undefined;
  /** Hours a week this reduction takes (percent reductions converted). */
  readonly hours: number;
  /** Whether `asOf` falls within its dates. */
  readonly active: boolean;
}

/** Available points and how they were reached. */
export interface AvailablePoints {
  /** Whole points the practitioner can carry: nominal target x effective hours / default hours, truncated. */
  readonly points: number;
  readonly nominalTarget: number;
  readonly defaultHours: number;
  readonly contractedHours: number;
  /** Hours of the reductions active on `asOf`. */
  readonly reductionHours: number;
  /** contracted - reductions, never below 0. */
  readonly effectiveHours: number;
  /** Reduction hours beyond contracted hours (0 unless over-reduced). */
  readonly overReducedHours: number;
  readonly reductions: readonly CountedReduction[];
}

type ParsedPractitioner = z.output<typeof practitionerSchema>;
type ParsedReduction = z.output<typeof reductionSchema>;

function isActiveOn(reduction: ParsedReduction, asOf: string): boolean {
  return (reduction.start === undefined || reduction.start <= asOf) && (reduction.end === undefined || asOf <= reduction.end);
}

function reductionHours(reduction: ParsedReduction, contracted: Rational): Rational {
  if (reduction.hours !== undefined) return fromDecimal(reduction.hours);
  const percent = reduction.percent ?? (REDUCTION_REASON_BY_ID.get(reduction.reason ?? '')?.allowancePercent as number);
  return div(mul(contracted, fromDecimal(percent)), ratio(100n));
}

/** Trusted core of {@link availablePoints}: exact, truncated once. */
export function availablePointsUnchecked(p: ParsedPractitioner, weightings: WeightingTable, asOf: string): AvailablePoints {
  const contracted = fromDecimal(p.contractedHours);
  const nominalTarget = weightings.nominalTarget[p.grade];
  const defaultHours = weightings.defaultContractedHours[p.grade];
  let reduced = ratio(0n);
  const reductions = (p.reductions ?? []).map((r): CountedReduction => {
    const hours = reductionHours(r, contracted);
    const active = isActiveOn(r, asOf);
    if (active) reduced = add(reduced, hours);
    return { reason: r.reason, hours: toNumber(hours), active };
  });
  const over = compare(reduced, contracted) > 0;
  const effective = over ? ratio(0n) : sub(contracted, reduced);
  const points =
    defaultHours === 0 || p.contractedHours === 0
      ? 0
      : Number(floor(div(mul(fromDecimal(nominalTarget), effective), fromDecimal(defaultHours))));
  return {
    points,
    nominalTarget,
    defaultHours,
    contractedHours: p.contractedHours,
    reductionHours: toNumber(reduced),
    effectiveHours: toNumber(effective),
    overReducedHours: over ? toNumber(sub(reduced, contracted)) : 0,
    reductions,
  };
}

/**
 * Points a practitioner can carry on a day: nominal target x (contracted hours - active reduction
 * hours) / default hours for the grade, computed exactly and truncated to a whole point once; 0 when
 * default or contracted hours are 0; never negative (an over-reduction is reported in
 * `overReducedHours` instead).
 *
 * @example
 * ```ts
 * // PO, 37 h, 1.8 h court duty: 2176 x 35.2 / 37 = 2070.14… -> 2070
 * availablePoints(
 *   { id: 'po1', grade: 'PO', contractedHours: 37, reductions: [{ reason: 'courtDuty', hours: 1.8 }] },
 *   { asOf: '2021-06-26' },
 * ).points; // 2070
 * ```
 */
export function availablePoints(practitioner: Practitioner, options: AvailableOptions): AvailablePoints {
  const p = parseInput(practitionerSchema, practitioner, 'practitioner');
  const o = parseInput(availableOptionsSchema, options, 'options');
  return availablePointsUnchecked(p, o.weightings ?? defaultWeightingsOn(o.asOf, 'options.asOf'), o.asOf);
}

/**
 * Full-time equivalent: contracted hours / default hours of the grade (0 when default hours are 0).
 *
 * @example
 * ```ts
 * fte({ id: 'pso', grade: 'PSO', contractedHours: 18.5 }); // 0.5
 * ```
 */
export function fte(practitioner: Practitioner, weightings: WeightingTable = DEFAULT_WEIGHTINGS): number {
  const p = parseInput(practitionerSchema, practitioner, 'practitioner');
  return fteUnchecked(p.grade, p.contractedHours, parseInput(weightingTableSchema, weightings, 'weightings'));
}

/** Trusted core of {@link fte}. */
export function fteUnchecked(grade: Grade, contractedHours: number, weightings: WeightingTable): number {
  const defaultHours = weightings.defaultContractedHours[grade];
  return defaultHours === 0 ? 0 : contractedHours / defaultHours;
}

/**
 * Throws `DUPLICATE_ID` when two entries share an id (path `${path}[i].id`); returns the index of ids.
 *
 * @example
 * ```ts
 * assertUniqueIds(['po-1', 'po-2'], 'practitioners').get('po-2'); // 1
 * ```
 */
export function assertUniqueIds(ids: readonly string[], path: string): IdIndex {
  return new IdIndex(ids, path);
}

/**
 * {@link DEFAULT_WEIGHTINGS} when they are in force on `asOf`; otherwise `NOT_IN_FORCE` at `path`
 * (the defaults start on their `effectiveFrom`, 2021-05-04, as `weightingsInForce` says).
 *
 * @example
 * ```ts
 * defaultWeightingsOn('2021-06-26', 'options.asOf').name; // 'UTM 2021 defaults'
 * defaultWeightingsOn('2021-01-01', 'options.asOf'); // throws NOT_IN_FORCE at options.asOf
 * ```
 */
export function defaultWeightingsOn(asOf: string, path: string): WeightingTable {
  const { effectiveFrom, effectiveTo, name } = DEFAULT_WEIGHTINGS;
  if (asOf < effectiveFrom || (effectiveTo !== undefined && asOf > effectiveTo)) {
    throw new WorkloadError('NOT_IN_FORCE', `${path}: the default weightings (${name}) are in force from ${effectiveFrom}, not on ${asOf}; pass options.weightings for that date`, { path });
  }
  return DEFAULT_WEIGHTINGS;
}
