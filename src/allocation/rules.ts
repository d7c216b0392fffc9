/** The rules of allocation: who may take which case, within what scope and limits. */
import { z } from 'zod';
import { GRADES, gradeSchema, type Grade } from '../weightings/index.js';
import { deepFreeze } from '../freeze.js';

/** Protect levels as allocation sees them: A–D and `untiered`. */
export const ALLOCATION_LEVELS = deepFreeze(['A', 'B', 'C', 'D', 'untiered'] as const);
/** A protect level, or `untiered`. */
export type AllocationLevel = (typeof ALLOCATION_LEVELS)[number];

/** Scopes a case is allocated within: its PDU, its team, or anywhere. */
export const ALLOCATION_SCOPES = deepFreeze(['pdu', 'team', 'none'] as const);
/** `pdu`, `team` or `none`. */
export type AllocationScope = (typeof ALLOCATION_SCOPES)[number];

/** Batch policies. */
export const ALLOCATION_POLICIES = deepFreeze(['least-loaded', 'balanced', 'grade-order'] as const);
/**
 * `least-loaded`: each case, in input order, to the eligible practitioner with the lowest current
 * capacity. `balanced`: cases fewest practitioners may take first, heaviest first, each to the
 * eligible practitioner whose capacity after taking it is lowest (where the ceiling binds, counting
 * their other free slots as filled at the mean weight still to come); then swaps between the most
 * and a less loaded practitioner while they lower the highest capacity. `grade-order`: the live tool's
 * list (PO, PSO, PQiP, then others; lowest workload first within a grade), first that can take it.
 */
export type AllocationPolicy = (typeof ALLOCATION_POLICIES)[number];

/** Why a case could not be placed. */
export const UNPLACED_REASONS = deepFreeze(['OUTSIDE_SCOPE', 'NO_ELIGIBLE_PRACTITIONER', 'CEILING_REACHED', 'CAPACITY_LIMIT_REACHED'] as const);
/**
 * `OUTSIDE_SCOPE`: no practitioner at all in the case's PDU or team. `NO_ELIGIBLE_PRACTITIONER`: none
 * there of a grade that may take its protect level (or none on the allocation list with points available). `CEILING_REACHED`:
 * every eligible one is at the case ceiling. `CAPACITY_LIMIT_REACHED`: some have room under the ceiling,
 * but the case would take each of them over the capacity limit. Ceiling and limit are as they stand
 * at the end of the batch.
 */
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

/** Why one practitioner may not take a case (listed apart by `rankCandidates`). */
export const EXCLUSION_REASONS = deepFreeze(['OUTSIDE_SCOPE', 'GRADE_NOT_ELIGIBLE', 'NO_AVAILABLE_POINTS', 'CEILING_REACHED', 'CAPACITY_LIMIT_REACHED', 'UNAVAILABLE'] as const);
/**
 * `OUTSIDE_SCOPE`: in another PDU or team. `GRADE_NOT_ELIGIBLE`: their grade may not take the case's
 * protect level. `NO_AVAILABLE_POINTS`: 0 available points (an SPO, or fully reduced).
 * `CEILING_REACHED`: at the case ceiling. `CAPACITY_LIMIT_REACHED`: the case would take them over the limit.
 * `UNAVAILABLE`: off the allocation list (marked `unavailable` or `away`). Checked after scope and grade.
 */
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * A practitioner's availability: `available` (on the allocation list), `unavailable` (off the list
 * for now: takes no new case and keeps the cases they hold) or `away` (takes nothing, and the cases
 * they hold are to be reallocated: rebalancing moves every one of them, with the reason `officer left`).
 */
export const AVAILABILITY_STATUSES = deepFreeze(['available', 'unavailable', 'away'] as const);
/** `available`, `unavailable` or `away` (see {@link AVAILABILITY_STATUSES}). */
export type Availability = (typeof AVAILABILITY_STATUSES)[number];

/**
 * How practitioners who tie on capacity are ordered: by `id`, or by `recent-allocations` (fewest
 * cases allocated to them in the 7 days up to `asOf` first, as the live list shows it, then by id).
 */
export const TIE_BREAKS = deepFreeze(['id', 'recent-allocations'] as const);
/** `id` or `recent-allocations` (see {@link TIE_BREAKS}). */
export type TieBreak = (typeof TIE_BREAKS)[number];

/** Why a case went where it went. */
export const PLACEMENT_REASONS = deepFreeze(['continuity', 'least-loaded', 'balanced', 'grade-order'] as const);
/** `continuity` (its preferred practitioner took it) or the policy that chose. */
export type PlacementReason = (typeof PLACEMENT_REASONS)[number];

/** The live tool's list order of grades: PO, then PSO, then PQiP, then others. */
export const GRADE_LIST_ORDER: readonly Grade[] = deepFreeze(['PO', 'PSO', 'PQiP', 'NQO', 'SPO']);

/**
 * Default eligibility: protect level A only to qualified officers (PO, NQO); B, C, D and untiered
 * cases to PO, NQO, PSO and PQiP; no case to an SPO.
 */
export const DEFAULT_ELIGIBLE_GRADES: Readonly<Record<AllocationLevel, readonly Grade[]>> = deepFreeze({
  A: ['PO', 'NQO'],
  B: ['PO', 'NQO', 'PSO', 'PQiP'],
  C: ['PO', 'NQO', 'PSO', 'PQiP'],
  D: ['PO', 'NQO', 'PSO', 'PQiP'],
  untiered: ['PO', 'NQO', 'PSO', 'PQiP'],
});

const gradesSchema = z.array(gradeSchema);

/** Zod schema of the allocation rules; every field optional, with the defaults documented here. */
export const allocationRulesSchema = z.strictObject({
  /** Grades that may take each protect level (default {@link DEFAULT_ELIGIBLE_GRADES}). */
  eligibleGrades: z
    .strictObject({ A: gradesSchema, B: gradesSchema, C: gradesSchema, D: gradesSchema, untiered: gradesSchema })
    .optional(),
  /** Allocate within the case's `pdu` (default), `team`, or `none`. */
  scope: z.enum(ALLOCATION_SCOPES).optional(),
  /** Hard case ceiling (default 50); `null` for none. */
  ceiling: z.number().int().min(0).nullable().optional(),
  /** Count unpaid-work-only cases toward the ceiling (default false). */
  countUnpaidWorkOnly: z.boolean().optional(),
  /** Capacity % no practitioner may go above by taking a case (e.g. 110); default `null`, none. */
  capacityLimit: z.number().positive().max(100_000).nullable().optional(),
  /** Give a case to its preferred practitioner when eligible and within limits (default true). */
  continuity: z.boolean().optional(),
  /** Order of practitioners who tie (default `id`; see {@link TIE_BREAKS}). */
  tieBreak: z.enum(TIE_BREAKS, { error: () => `expected a tie-break: ${TIE_BREAKS.join(', ')}` }).optional(),
});
/** Allocation rules (see {@link allocationRulesSchema}). */
export type AllocationRules = z.input<typeof allocationRulesSchema>;

/** Rules with every default filled in. */
export interface ResolvedRules {
  readonly eligibleGrades: Readonly<Record<AllocationLevel, readonly Grade[]>>;
  readonly scope: AllocationScope;
  readonly ceiling: number | null;
  readonly countUnpaidWorkOnly: boolean;
  readonly capacityLimit: number | null;
  readonly continuity: boolean;
  readonly tieBreak: TieBreak;
}

/** Fills in the defaults of parsed rules. Trusts `rules` (parsed by {@link allocationRulesSchema}). */
export function resolveRulesUnchecked(rules: z.output<typeof allocationRulesSchema> | undefined): ResolvedRules {
  return {
    eligibleGrades: rules?.eligibleGrades ?? DEFAULT_ELIGIBLE_GRADES,
    scope: rules?.scope ?? 'pdu',
    ceiling: rules?.ceiling === undefined ? 50 : rules.ceiling,
    countUnpaidWorkOnly: rules?.countUnpaidWorkOnly ?? false,
    capacityLimit: rules?.capacityLimit ?? null,
    continuity: rules?.continuity ?? true,
    tieBreak: rules?.tieBreak ?? 'id',
  };
}

/** Rules in columnar form: what the core reads. */
export interface CoreRules {
  readonly policy: AllocationPolicy;
  /** Eligible-grade bit mask per allocation level (bit = index in GRADES). */
  readonly eligibleMask: Uint8Array;
  /** Case ceiling (`Infinity` for none). */
  readonly ceiling: number;
  /** Capacity % limit, or `null`. */
  readonly capacityLimit: number | null;
  readonly continuity: boolean;
}

/** Rules in the core's form: a policy, eligible-grade masks, the ceiling as a number. Trusts `rules` (parsed and resolved). */
export function coreRulesUnchecked(policy: AllocationPolicy, rules: ResolvedRules): CoreRules {
  return {
    policy,
    eligibleMask: eligibilityMasks(rules.eligibleGrades),
    ceiling: rules.ceiling ?? Number.POSITIVE_INFINITY,
    capacityLimit: rules.capacityLimit,
    continuity: rules.continuity,
  };
}

/** Bit masks of eligible grades (bit = index in GRADES), one per allocation level. */
function eligibilityMasks(eligible: ResolvedRules['eligibleGrades']): Uint8Array {
  return Uint8Array.from(ALLOCATION_LEVELS, (level) => eligible[level].reduce((mask, grade) => mask | (1 << GRADES.indexOf(grade)), 0));
}
