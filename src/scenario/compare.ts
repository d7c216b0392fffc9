/** Two scenario reports side by side: what moved, by how much. */
import { z } from 'zod';
import { parseInput } from '../validate.js';
import type { ScenarioHeadline, ScenarioReport } from './run.js';

/** What {@link compareScenarios} reads of a report: its name, headline figures and regions after the transfer (other keys kept). */
const comparedReportSchema = z.looseObject({
  scenario: z.looseObject({ name: z.string() }),
  headline: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  transfer: z.looseObject({ regions: z.array(z.looseObject({ id: z.string(), name: z.string(), capacityAfter: z.number() })) }),
});

/** One headline figure in two reports. */
export interface HeadlineChange {
  readonly metric: keyof ScenarioHeadline;
  readonly before: number | boolean | null;
  readonly after: number | boolean | null;
  /** after - before for numbers; `null` otherwise. */
  readonly change: number | null;
}

/** One region's capacity after the transfer in two reports. */
export interface RegionChange {
  readonly id: string;
  readonly name: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** Result of {@link compareScenarios}. */
export interface ScenarioComparison {
  readonly from: string;
  readonly to: string;
  /** Headline figures that differ (all of them listed in `headline`, changed or not). */
  readonly changed: number;
  readonly headline: readonly HeadlineChange[];
  /** Capacity % after the transfer, by region (regions in both reports). */
  readonly regions: readonly RegionChange[];
}

/**
 * Compares two scenario reports: every headline figure and each region's capacity after the
 * lift and shift, with the change. A report compared with itself shows no change.
 *
 * @example
 * ```ts
 * const base = runScenario(NATIONAL_UNIFICATION_SCENARIO);
 * const more = runScenario({ ...NATIONAL_UNIFICATION_SCENARIO, transfer: { ...NATIONAL_UNIFICATION_SCENARIO.transfer, cases: 90_000 } });
 * compareScenarios(base, more).headline.find((h) => h.metric === 'capacityAfterTransfer')?.change; // > 0
 * ```
 */
export function compareScenarios(a: ScenarioReport, b: ScenarioReport): ScenarioComparison {
  parseInput(comparedReportSchema, a, 'a');
  parseInput(comparedReportSchema, b, 'b');
  const headline = (Object.keys(a.headline) as (keyof ScenarioHeadline)[]).map((metric): HeadlineChange => {
    const before = a.headline[metric];
    const after = b.headline[metric];
    return { metric, before, after, change: typeof before === 'number' && typeof after === 'number' ? after - before : null };
  });
  const afterById = new Map(b.transfer.regions.map((r) => [r.id, r]));
  const regions = a.transfer.regions.flatMap((r): RegionChange[] => {
    const other = afterById.get(r.id);
    return other === undefined ? [] : [{ id: r.id, name: r.name, before: r.capacityAfter, after: other.capacityAfter, change: other.capacityAfter - r.capacityAfter }];
  });
  return {
    from: a.scenario.name,
    to: b.scenario.name,
    changed: headline.filter((h) => h.before !== h.after).length,
    headline,
    regions,
  };
}
