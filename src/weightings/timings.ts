/**
 * Weightings from activity timings, and back: the refresh the Inspectorate asked for
 * ("assumptions about timings that reflect current practice for all activities").
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { ROUNDING_MODES, add, div, fromDecimal, mul, ratio, round, toNumber, type Rational } from '../rational.js';
import { CASE_TYPES, WEIGHTED_TIERS, caseTypeSchema, type CaseType, type WeightedTier } from '../tiers/index.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { DEFAULT_WEIGHTINGS, weightingTableSchema, type WeightingTable } from './table.js';
import { deepFreeze } from '../freeze.js';

/** The two tier-point grids of a table. */
export const TIER_GRIDS = deepFreeze(['tierPoints', 't2aTierPoints'] as const);
/** `tierPoints` or `t2aTierPoints`. */
export type TierGrid = (typeof TIER_GRIDS)[number];

const weightedTierSchema = z.enum(WEIGHTED_TIERS, {
  error: () => `expected a weighted tier: ${WEIGHTED_TIERS.join(', ')}`,
});

/** Zod schema of the conversion from hours to points. */
export const timingsConversionSchema = z.strictObject({
  /** Points of a full-time practitioner (default: the base table's PO nominal target, 2,176). */
  nominalTarget: z.number().int().positive('expected a positive nominal target').optional(),
  /** Hours of a full-time week (default: the base table's PO default hours, 37). */
  defaultHours: z.number().positive('expected positive default hours').optional(),
  /** Weeks in a year; a month is this / 12 weeks (default 52). */
  weeksPerYear: z.number().int().positive().optional(),
  /** How exact points become whole points (default `half-up`). */
  rounding: z.enum(ROUNDING_MODES).optional(),
});
/** Options of the hours <-> points conversion. */
export type TimingsConversion = z.input<typeof timingsConversionSchema>;

/** Zod schema of one activity's timing for one tier and case type. */
export const activityTimingSchema = z.strictObject({
  tier: weightedTierSchema,
  caseType: caseTypeSchema,
  /** For the T2A grid instead of the ordinary one (default false). */
  t2a: z.boolean().optional(),
  /** What the activity is, e.g. `supervision appointment`. */
  name: z.string().min(1, 'expected an activity name'),
  /** Minutes per occurrence. */
  minutes: z.number().min(0, 'expected minutes of 0 or more').max(100_000),
  /** Occurrences per case per month. */
  perMonth: z.number().min(0, 'expected occurrences of 0 or more').max(10_000),
  /** Extra time for responsive, unplanned work, in percent of the planned time (default 0). */
  upliftPercent: z.number().min(0, 'expected an uplift of 0% or more').max(1_000).optional(),
});
/** One activity's timing. */
export type ActivityTiming = z.input<typeof activityTimingSchema>;

const timingsInputSchema = z.strictObject({
  activities: z.array(activityTimingSchema).min(1, 'expected at least one activity'),
  /** The table whose other fields, and cells without activities, are kept (default: the 2021 defaults). */
  base: weightingTableSchema.optional(),
  /** Name of the derived table (default `derived from timings`). */
  name: z.string().min(1).optional(),
  /** `YYYY-MM-DD` the derived table comes into force (default: the base table's). */
  effectiveFrom: isoDateSchema.optional(),
  conversion: timingsConversionSchema.optional(),
}).refine((t) => {
  const to = (t.base ?? DEFAULT_WEIGHTINGS).effectiveTo;
  return t.effectiveFrom === undefined || to === undefined || t.effectiveFrom <= to;
}, {
  message: "expected effectiveFrom on or before the base table's effectiveTo",
  path: ['effectiveFrom'],
});
/** Input of {@link weightingsFromTimings}. */
export type TimingsInput = z.input<typeof timingsInputSchema>;

/** One activity's contribution to a cell. */
export interface ActivityShare {
  readonly name: string;
  /** Hours per case per month, uplift included. */
  readonly hoursPerMonth: number;
  /** Fraction (0..1) of the cell's hours. */
  readonly share: number;
}

/** One cell of a derived table, with the hours behind it. */
export interface TimingsCell {
  readonly grid: TierGrid;
  readonly caseType: CaseType;
  readonly tier: WeightedTier;
  /** Whole points written into the table. */
  readonly points: number;
  /** Points before rounding (nearest double of the exact value). */
  readonly exactPoints: number;
  /** Hours per case per month behind the cell. */
  readonly hoursPerMonth: number;
  readonly activities: readonly ActivityShare[];
}

/** Result of {@link weightingsFromTimings}. */
export interface TimingsResult {
  readonly table: WeightingTable;
  /** The cells that activities set, in grid, case type and tier order; other cells are the base table's. */
  readonly cells: readonly TimingsCell[];
  /** Points per hour worked each week (2176 / 37 = 58.81 by default). */
  readonly pointsPerWeeklyHour: number;
  /** Weeks in a month (52 / 12 = 4.33 by default). */
  readonly weeksPerMonth: number;
  readonly rounding: (typeof ROUNDING_MODES)[number];
}

interface Conversion {
  /** Points per hour per month: nominalTarget / defaultHours / weeksPerMonth. */
  readonly pointsPerMonthlyHour: Rational;
  readonly pointsPerWeeklyHour: Rational;
  readonly weeksPerMonth: Rational;
  readonly rounding: (typeof ROUNDING_MODES)[number];
}

function conversionOf(options: z.output<typeof timingsConversionSchema> | undefined, base: WeightingTable): Conversion {
  const nominalTarget = fromDecimal(options?.nominalTarget ?? base.nominalTarget.PO);
  const defaultHours = fromDecimal(options?.defaultHours ?? base.defaultContractedHours.PO);
  if (defaultHours.num === 0n) {
    throw new WorkloadError('INVALID_INPUT', 'conversion.defaultHours: the base table gives PO 0 default hours; pass conversion.defaultHours', {
      path: 'conversion.defaultHours',
    });
  }
  const weeksPerMonth = ratio(BigInt(options?.weeksPerYear ?? 52), 12n);
  const pointsPerWeeklyHour = div(nominalTarget, defaultHours);
  return {
    pointsPerWeeklyHour,
    weeksPerMonth,
    pointsPerMonthlyHour: div(pointsPerWeeklyHour, weeksPerMonth),
    rounding: options?.rounding ?? 'half-up',
  };
}

const cellKey = (grid: TierGrid, caseType: CaseType, tier: WeightedTier) => `${grid}.${caseType}.${tier}`;

/**
 * Derives a full weighting table from activity timings. Each cell's points are its hours per case
 * per week times the nominal target over the default week: with the defaults, 58.81 points per
 * weekly hour (2176 / 37) and 52 / 12 weeks a month, rounded once per cell (`half-up` unless stated).
 * Cells without activities, and every other field, come from `base` (the 2021 defaults).
 *
 * @example
 * ```ts
 * // 4 one-hour appointments a month = 4 h/month = 0.923 h/week = 54.28 points -> 54
 * const { table, cells } = weightingsFromTimings({
 *   activities: [{ tier: 'C2', caseType: 'community', name: 'appointment', minutes: 60, perMonth: 4 }],
 * });
 * table.tierPoints.community.C2; // 54
 * cells[0]?.hoursPerMonth; // 4
 * ```
 */
export function weightingsFromTimings(input: TimingsInput): TimingsResult {
  const parsed = parseInput(timingsInputSchema, input, '');
  const base = parsed.base ?? DEFAULT_WEIGHTINGS;
  const conversion = conversionOf(parsed.conversion, base);
  const byCell = new Map<string, { grid: TierGrid; caseType: CaseType; tier: WeightedTier; parts: { name: string; hours: Rational }[] }>();
  for (const activity of parsed.activities) {
    const grid: TierGrid = activity.t2a === true ? 't2aTierPoints' : 'tierPoints';
    const key = cellKey(grid, activity.caseType, activity.tier);
    const cell = byCell.get(key) ?? { grid, caseType: activity.caseType, tier: activity.tier, parts: [] };
    const uplift = add(ratio(100n), fromDecimal(activity.upliftPercent ?? 0));
    const hours = div(mul(mul(fromDecimal(activity.minutes), fromDecimal(activity.perMonth)), uplift), ratio(6000n));
    cell.parts.push({ name: activity.name, hours });
    byCell.set(key, cell);
  }
  const table = structuredClone(base) as WeightingTable & { tierPoints: Record<CaseType, Record<WeightedTier, number>> };
  const cells: TimingsCell[] = [];
  for (const grid of TIER_GRIDS) {
    for (const caseType of CASE_TYPES) {
      for (const tier of WEIGHTED_TIERS) {
        const cell = byCell.get(cellKey(grid, caseType, tier));
        if (cell === undefined) continue;
        const total = cell.parts.reduce((sum, part) => add(sum, part.hours), ratio(0n));
        const exact = mul(total, conversion.pointsPerMonthlyHour);
        const points = Number(round(exact, conversion.rounding));
        if (points > 999) {
          throw new WorkloadError('INFEASIBLE', `${grid}.${caseType}.${tier}: timings give ${points} points, above the 999 a table allows`, {
            path: `${grid}.${caseType}.${tier}`,
          });
        }
        (table[grid] as Record<CaseType, Record<WeightedTier, number>>)[caseType][tier] = points;
        const totalHours = toNumber(total);
        cells.push({
          grid,
          caseType,
          tier,
          points,
          exactPoints: toNumber(exact),
          hoursPerMonth: totalHours,
          activities: cell.parts.map((part) => ({
            name: part.name,
            hoursPerMonth: toNumber(part.hours),
            share: total.num === 0n ? 0 : toNumber(div(part.hours, total)),
          })),
        });
      }
    }
  }
  const named = { ...table, name: parsed.name ?? 'derived from timings', effectiveFrom: parsed.effectiveFrom ?? base.effectiveFrom };
  return {
    // Only name and effectiveFrom are not the base table's, and both were checked above.
    table: parseInput(weightingTableSchema, named, 'base'),
    cells,
    pointsPerWeeklyHour: toNumber(conversion.pointsPerWeeklyHour),
    weeksPerMonth: toNumber(conversion.weeksPerMonth),
    rounding: conversion.rounding,
  };
}

/** Hours per case per month implied by one cell of a table. */
export interface ImpliedTiming {
  readonly grid: TierGrid;
  readonly caseType: CaseType;
  readonly tier: WeightedTier;
  readonly points: number;
  readonly hoursPerMonth: number;
  readonly hoursPerWeek: number;
}

/**
 * The inverse of {@link weightingsFromTimings}: for every cell, the hours per case per month its
 * points stand for (points x default hours / nominal target x 52/12 by default).
 *
 * @example
 * ```ts
 * const a3 = timingsImpliedBy(DEFAULT_WEIGHTINGS).find((c) => c.grid === 'tierPoints' && c.caseType === 'licence' && c.tier === 'A3');
 * // 219 points x 37 / 2176 = 3.724 h/week; x 52/12 = 16.14 h/month
 * a3?.hoursPerMonth; // 16.137…
 * ```
 */
export function timingsImpliedBy(table: unknown, conversion: TimingsConversion = {}): ImpliedTiming[] {
  const parsed = parseInput(weightingTableSchema, table, 'table');
  const options = parseInput(timingsConversionSchema, conversion, 'conversion');
  const { pointsPerMonthlyHour, pointsPerWeeklyHour } = conversionOf(options, parsed);
  const out: ImpliedTiming[] = [];
  for (const grid of TIER_GRIDS) {
    for (const caseType of CASE_TYPES) {
      for (const tier of WEIGHTED_TIERS) {
        const points = parsed[grid][caseType][tier];
        out.push({
          grid,
          caseType,
          tier,
          points,
          hoursPerMonth: toNumber(div(fromDecimal(points), pointsPerMonthlyHour)),
          hoursPerWeek: toNumber(div(fromDecimal(points), pointsPerWeeklyHour)),
        });
      }
    }
  }
  return out;
}

/** One difference between two tables. */
export interface WeightingDifference {
  /** Field path, e.g. `tierPoints.community.A3` or `reportPoints.fastDelivery`. */
  readonly path: string;
  readonly before: number;
  readonly after: number;
  /** after - before. */
  readonly change: number;
  /** Change as a percent of before; `null` when before is 0. */
  readonly percentChange: number | null;
}

/** Result of {@link compareWeightings}. */
export interface WeightingComparison {
  readonly from: string;
  readonly to: string;
  /** Changed fields, largest absolute change first (ties in table order). */
  readonly differences: readonly WeightingDifference[];
  /** How many numeric fields are the same in both. */
  readonly unchanged: number;
}

function numericFields(table: WeightingTable): [string, number][] {
  const fields: [string, number][] = [];
  for (const grid of TIER_GRIDS) {
    for (const caseType of CASE_TYPES) {
      for (const tier of WEIGHTED_TIERS) fields.push([`${grid}.${caseType}.${tier}`, table[grid][caseType][tier]]);
    }
  }
  for (const group of ['reportPoints', 'retention', 'nominalTarget', 'defaultContractedHours'] as const) {
    for (const [key, value] of Object.entries(table[group])) fields.push([`${group}.${key}`, value]);
  }
  return fields;
}

/**
 * Cell-by-cell differences between two tables, largest change first: what a timings refresh does
 * to every tier.
 *
 * @example
 * ```ts
 * const refreshed = structuredClone(DEFAULT_WEIGHTINGS);
 * refreshed.tierPoints.community.A3 = 230;
 * compareWeightings(DEFAULT_WEIGHTINGS, refreshed).differences[0];
 * // { path: 'tierPoints.community.A3', before: 206, after: 230, change: 24, percentChange: 11.65… }
 * ```
 */
export function compareWeightings(before: unknown, after: unknown): WeightingComparison {
  const a = parseInput(weightingTableSchema, before, 'before');
  const b = parseInput(weightingTableSchema, after, 'after');
  const afterFields = new Map(numericFields(b));
  const differences: WeightingDifference[] = [];
  let unchanged = 0;
  for (const [path, was] of numericFields(a)) {
    const now = afterFields.get(path) as number;
    if (now === was) {
      unchanged += 1;
      continue;
    }
    differences.push({ path, before: was, after: now, change: now - was, percentChange: was === 0 ? null : ((now - was) / was) * 100 });
  }
  // Array.prototype.sort is stable, so equal changes keep table order.
  differences.sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
  return { from: a.name, to: b.name, differences, unchanged };
}
