/** Calibration: a caseload's figures beside the targets it should reproduce, within stated tolerances. */
import { z } from 'zod';
import { parseInput } from '../validate.js';
import type { Grade } from '../weightings/index.js';
import { caseloadDistribution } from './distribution.js';
import type { OrganisationCaseload } from './organisation.js';
import { calibrationTargetSchema, type CalibrationTarget } from './profiles.js';
import { deepFreeze } from '../freeze.js';

/**
 * How close a caseload must come to a target to meet it: cases per FTE within 0.05 cases, a share
 * within 0.0025 (a quarter of a percentage point), or one step of the grades measured when that is
 * coarser (2 cases over their FTE; one practitioner over their headcount).
 *
 * @example
 * ```ts
 * CALIBRATION_TOLERANCE.share; // 0.0025
 * ```
 */
export const CALIBRATION_TOLERANCE: { readonly casesPerFte: number; readonly share: number } = deepFreeze({ casesPerFte: 0.05, share: 0.0025 });

/** One target and the caseload's own figure. */
export interface CalibrationRow {
  readonly measure: string;
  readonly source: string;
  readonly grades: readonly Grade[];
  readonly statistic: 'casesPerFte' | 'shareAbove';
  /** The case count of a `shareAbove` target; `null` for `casesPerFte`. */
  readonly cases: number | null;
  /** Cases per FTE, or a share 0..1. */
  readonly target: number;
  /** The caseload's value; `null` when it has no practitioners (or FTE) of those grades. */
  readonly achieved: number | null;
  /** achieved - target; `null` when achieved is. */
  readonly difference: number | null;
  /** The largest |difference| that meets the target ({@link CALIBRATION_TOLERANCE}); `null` when achieved is. */
  readonly tolerance: number | null;
  /** |difference| <= tolerance (false when nothing was measured). */
  readonly met: boolean;
}

/** The measure of a target as a person says it, when the target does not name it. */
function measureOf(t: z.output<typeof calibrationTargetSchema>): string {
  const who = t.grades.join(', ');
  return t.statistic === 'casesPerFte' ? `Cases per FTE (${who})` : `${who} above ${t.cases} cases`;
}

/** Trusted core of {@link measureCalibration}: parsed targets. */
export function calibrationRows(organisationCaseload: OrganisationCaseload, targets: readonly z.output<typeof calibrationTargetSchema>[]): CalibrationRow[] {
  return targets.map((t) => {
    const cases = t.statistic === 'shareAbove' ? t.cases : null;
    const d = caseloadDistribution(organisationCaseload, { grades: t.grades, above: cases === null ? [] : [cases] });
    const achieved = cases === null ? d.casesPerFte : (d.above[0]?.share ?? null);
    const tolerance =
      achieved === null ? null : cases === null ? Math.max(CALIBRATION_TOLERANCE.casesPerFte, 2 / d.fte) : Math.max(CALIBRATION_TOLERANCE.share, 1 / d.practitioners);
    const difference = achieved === null ? null : achieved - t.value;
    return {
      measure: t.measure ?? measureOf(t),
      source: t.source ?? '',
      grades: t.grades,
      statistic: t.statistic,
      cases,
      target: t.value,
      achieved,
      difference,
      tolerance,
      met: difference !== null && tolerance !== null && Math.abs(difference) <= tolerance,
    };
  });
}

/**
 * Measures a caseload against targets (a profile's `calibration`, say): cases per FTE (sum over
 * sum) or the share of practitioners above a case count, for the grades each names, and whether
 * each is met within {@link CALIBRATION_TOLERANCE}.
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 2021 });
 * const rows = measureCalibration(national, UNIFIED_2021_PROFILE.calibration);
 * rows.map((row) => [row.measure, row.target, row.achieved, row.met]); // [['Cases per FTE Probation Officer', 32.5, 32.50…, true], …]
 * ```
 */
export function measureCalibration(organisationCaseload: OrganisationCaseload, targets: readonly CalibrationTarget[]): CalibrationRow[] {
  const parsed = parseInput(z.array(calibrationTargetSchema).min(1, 'expected at least one target'), targets, 'targets');
  return calibrationRows(organisationCaseload, parsed);
}
