/** One case at a time, as a Senior Probation Officer sees it: the impact on each candidate, ranked. */
import { z } from 'zod';
import { weightingTableSchema } from '../weightings/index.js';
import { isoDateSchema, parseInput } from '../validate.js';
import {
  DEFAULT_CASE_CEILING,
  DEFAULT_OVER_THRESHOLD,
  DEFAULT_RED_THRESHOLD,
  capacityThresholdsSchema,
  caseSchema,
  type Case,
  type CapacityStatus,
} from '../workload/index.js';
import { capacityPercentUnchecked, capacityStatusUnchecked } from '../workload/internal.js';
import { exclusionsUnchecked } from './dispatch.js';
import {
  allocationCaseSchema,
  allocationOptionsSchema,
  allocationPractitionerSchema,
  problemUnchecked,
  type AllocationCase,
  type AllocationOptions,
  type AllocationPractitioner,
  type PreparedProblem,
} from './problem.js';
import { EXCLUSION_REASONS, GRADE_LIST_ORDER, type ExclusionReason } from './rules.js';
import { deepFreeze } from '../freeze.js';

/** What taking one more case does to a practitioner. */
export interface AllocationImpact {
  readonly practitionerId: string;
  /** They already hold the case: nothing changes. */
  readonly alreadyHeld: boolean;
  /** Points the case carries (0 added when already held). */
  readonly casePoints: number;
  readonly available: number;
  readonly pointsBefore: number;
  readonly pointsAfter: number;
  /** Capacity % before and after (0 when nothing is available). */
  readonly capacityBefore: number;
  readonly capacityAfter: number;
  readonly statusBefore: CapacityStatus;
  readonly statusAfter: CapacityStatus;
  readonly casesBefore: number;
  readonly casesAfter: number;
  readonly ceilingCasesBefore: number;
  readonly ceilingCasesAfter: number;
  /** Which lines the case takes them across: the ceiling, the over (100%) and red (110%) thresholds. */
  readonly crosses: { readonly ceiling: boolean; readonly over: boolean; readonly red: boolean };
  /** The live tool's sentence: "This will increase their workload from X% to Y%". */
  readonly message: string;
}

/** Numbers an impact is computed from (points in hundredths). */
interface ImpactInput {
  readonly id: string;
  readonly available: number;
  readonly pointsHundredths: number;
  readonly cases: number;
  readonly ceilingCases: number;
  readonly caseHundredths: number;
  readonly caseCounts: boolean;
  readonly alreadyHeld: boolean;
  readonly ceiling: number;
  readonly over: number;
  readonly red: number;
}

function percentText(value: number): string {
  return `${value.toFixed(1)}%`;
}

function impactOf(x: ImpactInput): AllocationImpact {
  const added = x.alreadyHeld ? 0 : x.caseHundredths;
  const pointsBefore = x.pointsHundredths / 100;
  const pointsAfter = (x.pointsHundredths + added) / 100;
  const capacityBefore = capacityPercentUnchecked(pointsBefore, x.available);
  const capacityAfter = capacityPercentUnchecked(pointsAfter, x.available);
  const statusBefore = capacityStatusUnchecked(pointsBefore, x.available, x.over, x.red);
  const statusAfter = capacityStatusUnchecked(pointsAfter, x.available, x.over, x.red);
  const casesAfter = x.cases + (x.alreadyHeld ? 0 : 1);
  const ceilingCasesAfter = x.ceilingCases + (!x.alreadyHeld && x.caseCounts ? 1 : 0);
  return {
    practitionerId: x.id,
    alreadyHeld: x.alreadyHeld,
    casePoints: x.caseHundredths / 100,
    available: x.available,
    pointsBefore,
    pointsAfter,
    capacityBefore,
    capacityAfter,
    statusBefore,
    statusAfter,
    casesBefore: x.cases,
    casesAfter,
    ceilingCasesBefore: x.ceilingCases,
    ceilingCasesAfter,
    crosses: {
      ceiling: x.ceilingCases <= x.ceiling && ceilingCasesAfter > x.ceiling,
      over: statusBefore === 'within' && statusAfter !== 'within',
      red: statusBefore !== 'red' && statusAfter === 'red',
    },
    message: x.alreadyHeld
      ? `They already hold this case: their workload stays at ${percentText(capacityBefore)}`
      : `This will increase their workload from ${percentText(capacityBefore)} to ${percentText(capacityAfter)}`,
  };
}

/** Zod schema of {@link allocationImpact}'s options. */
export const impactOptionsSchema = z.strictObject({
  asOf: isoDateSchema,
  weightings: weightingTableSchema.optional(),
  /** Case ceiling (default 50). */
  ceiling: z.number().int().min(0).optional(),
  countUnpaidWorkOnly: z.boolean().optional(),
  thresholds: capacityThresholdsSchema.optional(),
});
/** Options of {@link allocationImpact}. */
export type ImpactOptions = z.input<typeof impactOptionsSchema>;

/**
 * The impact of giving one case to one practitioner: capacity and cases before and after (unchanged
 * when they already hold it, matched by case id), and which lines it crosses.
 *
 * @example
 * ```ts
 * // 500 of 1,000 points (50%) + a 59-point case (A1 custody) = 559 / 1,000 = 55.9%
 * const weightings = { ...DEFAULT_WEIGHTINGS, nominalTarget: { ...DEFAULT_WEIGHTINGS.nominalTarget, PO: 1000 } };
 * allocationImpact(
 *   { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 500, cases: 20 } },
 *   { id: 'N1', tier: 'A1', caseType: 'custody' },
 *   { asOf: '2021-06-26', weightings },
 * ).message; // 'This will increase their workload from 50.0% to 55.9%'
 * ```
 */
export function allocationImpact(practitioner: AllocationPractitioner, newCase: Case, options: ImpactOptions): AllocationImpact {
  const o = parseInput(impactOptionsSchema, options, 'options');
  const c = parseInput(caseSchema, newCase, 'newCase');
  const ps = [parseInput(allocationPractitionerSchema, practitioner, 'practitioner')];
  const ceiling = o.ceiling ?? DEFAULT_CASE_CEILING;
  const rules = { scope: 'none', ceiling, ...(o.countUnpaidWorkOnly === undefined ? {} : { countUnpaidWorkOnly: o.countUnpaidWorkOnly }) } as const;
  const problem = problemUnchecked(ps, { asOf: o.asOf, ...(o.weightings ? { weightings: o.weightings } : {}), rules }, 1, (use) =>
    use({ ...c, id: c.id ?? 'new case' }, 0),
  );
  return impactFromProblem(problem, 0, ceiling, o.thresholds, c.id);
}

function impactFromProblem(
  problem: PreparedProblem,
  p: number,
  ceiling: number,
  thresholds: { over: number; red: number } | undefined,
  caseId: string | undefined,
): AllocationImpact {
  const { columns: c } = problem;
  const practitioner = problem.practitioners[p] as (typeof problem.practitioners)[number];
  const alreadyHeld = caseId !== undefined && (practitioner.caseload?.cases.some((held) => held.id === caseId) ?? false);
  return impactOf({
    id: practitioner.id,
    available: c.available[p] as number,
    pointsHundredths: c.pointsHundredths[p] as number,
    cases: c.cases[p] as number,
    ceilingCases: c.ceilingCases[p] as number,
    caseHundredths: c.caseWeight[0] as number,
    caseCounts: c.caseCounts[0] === 1,
    alreadyHeld,
    ceiling,
    over: thresholds?.over ?? DEFAULT_OVER_THRESHOLD,
    red: thresholds?.red ?? DEFAULT_RED_THRESHOLD,
  });
}

/** Orders of the candidate list. */
export const CANDIDATE_ORDERS = deepFreeze(['grade-then-workload', 'capacity-after'] as const);

const rankOptionsSchema = allocationOptionsSchema.extend({
  /** `grade-then-workload` (the live tool: PO, PSO, PQiP, others; lowest workload first) or `capacity-after`. */
  order: z.enum(CANDIDATE_ORDERS).optional(),
  /** Capacity thresholds for each impact's status and crossings (defaults 100 and 110). */
  thresholds: capacityThresholdsSchema.optional(),
});
/** Options of {@link rankCandidates}: the allocation options plus the list order and thresholds. */
export type RankOptions = AllocationOptions & {
  readonly order?: (typeof CANDIDATE_ORDERS)[number];
  readonly thresholds?: { readonly over: number; readonly red: number };
};

/** The candidate list for one case. */
export interface CandidateList {
  /** Practitioners who may take the case, in the stated order, each with its impact. */
  readonly eligible: readonly AllocationImpact[];
  /** Those who may not, with the first rule that excluded them. */
  readonly ineligible: readonly { readonly practitionerId: string; readonly reason: ExclusionReason }[];
}

/**
 * The practitioners who may take one case, in order, each with its impact; the others listed apart
 * with the rule that excluded them.
 *
 * @example
 * ```ts
 * const list = rankCandidates(
 *   [
 *     { id: 'pso-1', grade: 'PSO', contractedHours: 37 },
 *     { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 1088, cases: 20 } },
 *   ],
 *   { id: 'N1', tier: 'A3', caseType: 'licence' },
 *   { asOf: '2021-06-26' },
 * );
 * list.eligible[0]?.message; // 'This will increase their workload from 50.0% to 60.1%'
 * list.ineligible; // [{ practitionerId: 'pso-1', reason: 'GRADE_NOT_ELIGIBLE' }]
 * ```
 */
export function rankCandidates(practitioners: readonly AllocationPractitioner[], newCase: AllocationCase, options: RankOptions): CandidateList {
  const { order = 'grade-then-workload', thresholds, ...allocationOptions } = parseInput(rankOptionsSchema, options, 'options');
  const ps = parseInput(z.array(allocationPractitionerSchema), practitioners, 'practitioners');
  const c = parseInput(allocationCaseSchema, newCase, 'newCase');
  const problem = problemUnchecked(ps, allocationOptions, 1, (use) => use(c, 0), () => 'newCase');
  const exclusions = exclusionsUnchecked(problem.columns, problem.core, 0);
  const ceiling = problem.rules.ceiling ?? Number.POSITIVE_INFINITY;
  const eligible: AllocationImpact[] = [];
  const ineligible: { practitionerId: string; reason: ExclusionReason }[] = [];
  problem.practitioners.forEach((p, i) => {
    const excluded = exclusions[i] as number;
    if (excluded >= 0) ineligible.push({ practitionerId: p.id, reason: EXCLUSION_REASONS[excluded] as ExclusionReason });
    else eligible.push(impactFromProblem(problem, i, ceiling, thresholds, problem.caseIds[0]));
  });
  const gradeOf = new Map(problem.practitioners.map((p) => [p.id, GRADE_LIST_ORDER.indexOf(p.grade)]));
  const byId = (a: AllocationImpact, b: AllocationImpact) => (a.practitionerId < b.practitionerId ? -1 : a.practitionerId > b.practitionerId ? 1 : 0);
  eligible.sort(
    order === 'capacity-after'
      ? (a, b) => a.capacityAfter - b.capacityAfter || byId(a, b)
      : (a, b) => (gradeOf.get(a.practitionerId) as number) - (gradeOf.get(b.practitionerId) as number) || a.capacityBefore - b.capacityBefore || byId(a, b),
  );
  return { eligible, ineligible };
}

