/**
 * Caseload profiles: how a synthetic workforce is staffed and loaded, grade by grade, with the
 * published figures each profile is calibrated against.
 */
import { z } from 'zod';
import { hoursSchema } from '../validate.js';
import { GRADES, gradeSchema, type Grade } from '../weightings/index.js';
import { reductionSchema } from '../workload/index.js';
import { DEFAULT_CASE_MIX, caseMixSchema, protectTiltSchema } from './mix.js';
import { deepFreeze } from '../freeze.js';

/** Zod schema of how one grade is staffed and loaded. */
export const gradeProfileSchema = z.strictObject({
  /** Relative share of case-holders in this grade (ignored for the SPO: one leads each team). */
  share: z.number().min(0, 'expected a share of 0 or more').max(1e6),
  /** Weekly hours of a full-timer. */
  fullTimeHours: hoursSchema(0, 37.5),
  /** Share (0..1) working part time. */
  partTimeShare: z.number().min(0).max(1),
  /** Weekly hours of a part-timer: one of these, with equal chance. */
  partTimeHours: z.array(hoursSchema(0, 37.5)).min(1, 'expected at least one part-time week'),
  /**
   * Cases per FTE: mean and standard deviation of a normal draw, scaled by the practitioner's FTE
   * after reductions (a trainee 80% reduced holds a fifth of a full-timer's caseload). The
   * generator shifts and stretches the draws of the grades its targets name until the targets
   * hold; the other grades share the remaining cases in proportion to their draws.
   */
  casesPerFte: z.strictObject({
    mean: z.number().min(0, 'expected a mean of 0 or more').max(500, 'expected a mean of at most 500'),
    sd: z.number().min(0, 'expected a standard deviation of 0 or more').max(500),
  }),
  /** Multipliers of the mix by protect level: trainees and PSOs hold little high-risk work. */
  protectTilt: protectTiltSchema,
  /** Reductions a practitioner of the grade may have: one of these, with equal chance (empty = none). */
  reductionChoices: z.array(reductionSchema),
  /** Court reports completed in the last 30 days, mean per FTE. */
  reportsPerFte: z.strictObject({
    standardDelivery: z.number().min(0).max(100),
    fastDelivery: z.number().min(0).max(100),
  }),
});
/** How one grade is staffed and loaded (see {@link gradeProfileSchema}). */
export type GradeProfile = z.input<typeof gradeProfileSchema>;

const targetFields = {
  /** What is measured, as a person says it (default: made from the statistic and grades). */
  measure: z.string().min(1).optional(),
  /** Where the figure comes from (default ''). */
  source: z.string().optional(),
  /** Grades the measure covers. */
  grades: z.array(gradeSchema).min(1, 'expected at least one grade'),
};

/**
 * Zod schema of a calibration target, a figure a caseload should reproduce: `casesPerFte` (all
 * cases / FTE of the grades, sum over sum, in cases) or `shareAbove` (share 0..1 of the grades'
 * practitioners holding more than `cases` cases toward the ceiling, unpaid-work-only cases aside).
 */
export const calibrationTargetSchema = z.discriminatedUnion('statistic', [
  z.strictObject({
    ...targetFields,
    statistic: z.literal('casesPerFte'),
    value: z.number().min(0, 'expected cases per FTE of 0 or more').max(500, 'expected cases per FTE of at most 500'),
  }),
  z.strictObject({
    ...targetFields,
    statistic: z.literal('shareAbove'),
    cases: z.number().int('expected a whole number of cases').min(0, 'expected a case count of 0 or more').max(10_000, 'expected a case count of at most 10,000'),
    value: z.number().min(0, 'expected a share of 0 or more').max(1, 'expected a share of at most 1'),
  }),
]);
/** A figure a caseload should reproduce (see {@link calibrationTargetSchema}). */
export type CalibrationTarget = z.input<typeof calibrationTargetSchema>;

/** Zod schema of a caseload profile. */
export const caseloadProfileSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string(),
  grades: z.strictObject(Object.fromEntries(GRADES.map((g) => [g, gradeProfileSchema])) as Record<Grade, typeof gradeProfileSchema>),
  mix: caseMixSchema,
  /** The figures the profile reproduces: the generator's default calibration targets. */
  calibration: z.array(calibrationTargetSchema),
});
/** How a synthetic organisation is staffed and loaded (see {@link caseloadProfileSchema}). */
export type CaseloadProfile = z.input<typeof caseloadProfileSchema>;

const NO_REPORTS = { standardDelivery: 0, fastDelivery: 0 };
const FULL_TILT = { A: 1, B: 1, C: 1, D: 1, untiered: 1 };
const PART_TIME = [18.5, 22.5, 30];

/** The team manager: one per team, no case capacity under the default weightings (0 default hours). */
const SENIOR_PROBATION_OFFICER: GradeProfile = {
  share: 0,
  fullTimeHours: 37,
  partTimeShare: 0,
  partTimeHours: [37],
  casesPerFte: { mean: 0, sd: 0 },
  protectTilt: FULL_TILT,
  reductionChoices: [],
  reportsPerFte: NO_REPORTS,
};

const SOURCE_2021 = 'Government response to the Justice Committee (2021), measured 21 April 2021';
const SOURCE_2019 = 'HM Inspectorate of Probation (2021), CRC staff interviewed in 2019';

/**
 * The unified service as measured on 21 April 2021: Probation Officers average 32.5 cases per FTE
 * and 2% of them hold more than 50 (unpaid-work-only cases aside, as the Committee's baseline).
 * POs hold most high-risk work; PSOs hold lower-risk and unpaid-work cases; trainees (PQiP, with
 * their 80/60/40% protected-caseload reductions) and newly qualified officers (20%) hold less.
 * Grade shares follow the 2023 workforce (4,418 FTE POs, 6,801 FTE PSOs) and the 1,186 FTE in
 * PQiP training in March 2021; PSO, trainee and report figures are illustrative. Its two
 * published figures are the generator's default targets.
 *
 * @example
 * ```ts
 * UNIFIED_2021_PROFILE.grades.PO.casesPerFte; // { mean: 32.55, sd: 10.8 }
 * generateNationalCaseload({ seed: 1, profile: UNIFIED_2021_PROFILE });
 * ```
 */
export const UNIFIED_2021_PROFILE: CaseloadProfile = deepFreeze<CaseloadProfile>({
  name: 'Unified service, April 2021',
  description: 'National average 32.5 cases per FTE Probation Officer, 2% of Probation Officers above 50 cases',
  grades: {
    PO: {
      share: 36,
      fullTimeHours: 37,
      partTimeShare: 0.15,
      partTimeHours: PART_TIME,
      casesPerFte: { mean: 32.55, sd: 10.8 },
      protectTilt: { A: 1.6, B: 1.3, C: 0.9, D: 0.5, untiered: 1 },
      reductionChoices: [],
      reportsPerFte: { standardDelivery: 0.5, fastDelivery: 1 },
    },
    PSO: {
      share: 48,
      fullTimeHours: 37,
      partTimeShare: 0.2,
      partTimeHours: PART_TIME,
      casesPerFte: { mean: 40, sd: 11 },
      protectTilt: { A: 0, B: 0.3, C: 1.1, D: 1.6, untiered: 1 },
      reductionChoices: [],
      reportsPerFte: { standardDelivery: 0, fastDelivery: 1 },
    },
    PQiP: {
      share: 10,
      fullTimeHours: 37,
      partTimeShare: 0,
      partTimeHours: [37],
      casesPerFte: { mean: 30, sd: 8 },
      protectTilt: { A: 0, B: 0.6, C: 1.2, D: 1.2, untiered: 1 },
      reductionChoices: [{ reason: 'pqipFirst6Months' }, { reason: 'pqip6To12Months' }, { reason: 'pqip12To18Months' }],
      reportsPerFte: NO_REPORTS,
    },
    NQO: {
      share: 6,
      fullTimeHours: 37,
      partTimeShare: 0.05,
      partTimeHours: PART_TIME,
      casesPerFte: { mean: 30, sd: 8 },
      protectTilt: { A: 0.6, B: 1.2, C: 1, D: 0.7, untiered: 1 },
      reductionChoices: [{ reason: 'newlyQualifiedOfficer' }],
      reportsPerFte: { standardDelivery: 0.25, fastDelivery: 0.5 },
    },
    SPO: SENIOR_PROBATION_OFFICER,
  },
  mix: DEFAULT_CASE_MIX,
  calibration: [
    { measure: 'Cases per FTE Probation Officer', source: SOURCE_2021, grades: ['PO'], statistic: 'casesPerFte', value: 32.5 },
    { measure: 'Probation Officers above 50 cases', source: SOURCE_2021, grades: ['PO'], statistic: 'shareAbove', cases: 50, value: 0.02 },
  ],
});

/**
 * Community Rehabilitation Companies as their staff described them in 2019: two-thirds of
 * case-holding staff above 50 cases and 42% above 60, with significant minorities above 70 and
 * into the 80s. CRCs held low- and medium-risk work (no protect level A); most of their
 * case-holders were PSOs. Grade shares and the case mix tilt are illustrative. Its targets cover
 * every grade it staffs, so with this profile they set the number of cases.
 *
 * @example
 * ```ts
 * generateNationalCaseload({ seed: 1, profile: CRC_2019_PROFILE });
 * ```
 */
export const CRC_2019_PROFILE: CaseloadProfile = deepFreeze<CaseloadProfile>({
  name: 'Community Rehabilitation Companies, 2019',
  description: 'Two-thirds of case-holding staff above 50 cases, 42% above 60',
  grades: {
    PO: {
      share: 35,
      fullTimeHours: 37,
      partTimeShare: 0.15,
      partTimeHours: PART_TIME,
      casesPerFte: { mean: 67.8, sd: 15 },
      protectTilt: { A: 0, B: 0.8, C: 1, D: 0.8, untiered: 1 },
      reductionChoices: [],
      reportsPerFte: NO_REPORTS,
    },
    PSO: {
      share: 65,
      fullTimeHours: 37,
      partTimeShare: 0.15,
      partTimeHours: PART_TIME,
      casesPerFte: { mean: 67.8, sd: 15 },
      protectTilt: { A: 0, B: 0.3, C: 1, D: 1.3, untiered: 1 },
      reductionChoices: [],
      reportsPerFte: NO_REPORTS,
    },
    PQiP: { ...SENIOR_PROBATION_OFFICER },
    NQO: { ...SENIOR_PROBATION_OFFICER },
    SPO: SENIOR_PROBATION_OFFICER,
  },
  mix: DEFAULT_CASE_MIX,
  calibration: [
    { measure: 'Case-holding staff above 50 cases', source: SOURCE_2019, grades: ['PO', 'PSO'], statistic: 'shareAbove', cases: 50, value: 2 / 3 },
    { measure: 'Case-holding staff above 60 cases', source: SOURCE_2019, grades: ['PO', 'PSO'], statistic: 'shareAbove', cases: 60, value: 0.42 },
  ],
});
