/** Calibration: a caseload's figures beside the published ones its profile should reproduce. */
import { z } from 'zod';
import { parseInput } from '../validate.js';
import type { Grade } from '../weightings/index.js';
import { caseloadDistribution } from './distribution.js';
import type { OrganisationCaseload } from './organisation.js';
import { calibrationTargetSchema, type CalibrationTarget } from './profiles.js';

/** One published figure and the caseload's own. */
export interface CalibrationRow {
  readonly measure: string;
  readonly source: string;
  readonly grades: readonly Grade[];
  readonly statistic: 'casesPerFte' | 'shareAbove';
  /** The case count of a `shareAbove` measure; `null` for `casesPerFte`. */
  readonly cases: number | null;
  /** Cases per FTE, or a share 0..1. */
  readonly published: number;
  /** The caseload's value; `null` when it has no practitioners (or FTE) of those grades. */
  readonly modelled: number | null;
  /** modelled - published; `null` when modelled is. */
  readonly difference: number | null;
}

/**
 * Measures a caseload against published figures (a profile's `calibration`): cases per FTE
 * (sum over sum) or the share of practitioners above a case count, for the grades each names.
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 2021 });
 * for (const row of calibrationOf(national, UNIFIED_2021_PROFILE.calibration)) {
 *   console.log(row.measure, row.published, row.modelled); // e.g. 'Cases per FTE Probation Officer' 32.5 32.67…
 * }
 * ```
 */
export function calibrationOf(organisationCaseload: OrganisationCaseload, targets: readonly CalibrationTarget[]): CalibrationRow[] {
  const parsed = parseInput(z.array(calibrationTargetSchema).min(1, 'expected at least one figure'), targets, 'targets');
  return parsed.map((target) => {
    const cases = target.statistic === 'shareAbove' ? target.cases : null;
    const distribution = caseloadDistribution(organisationCaseload, { grades: target.grades, above: cases === null ? [] : [cases] });
    const modelled = cases === null ? distribution.casesPerFte : (distribution.above[0]?.share ?? null);
    return {
      measure: target.measure,
      source: target.source,
      grades: target.grades,
      statistic: target.statistic,
      cases,
      published: target.published,
      modelled,
      difference: modelled === null ? null : modelled - target.published,
    };
  });
}
