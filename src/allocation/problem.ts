/**
 * The allocation column builder: the one place a case is weighed (hundredths of a point), given its
 * protect level and counted toward the ceiling for allocation, and a practitioner's held load read
 * into columns. The object API's input is validated once here and built into columns; callers who
 * hold columns already (the lift and shift) build through the same {@link CaseColumns}.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { CASE_TYPES, TIERS, protectLevelOf, tierIndex } from '../tiers/index.js';
import { DEFAULT_WEIGHTINGS, GRADES, weightingTableSchema, type WeightingTable } from '../weightings/index.js';
import { countUpTo, isoDateSchema, parseInput } from '../validate.js';
import { CASE_STATUSES, caseSchema, caseloadSchema, practitionerSchema } from '../workload/index.js';
import { assertUniqueIds, availablePointsUnchecked, countsTowardCeilingUnchecked, pointsLookupIndexUnchecked, pointsLookupUnchecked } from '../workload/internal.js';
import {
  ALLOCATION_LEVELS,
  ALLOCATION_POLICIES,
  AVAILABILITY_STATUSES,
  allocationRulesSchema, coreRulesUnchecked, resolveRulesUnchecked, type CoreRules, type ResolvedRules } from './rules.js';
import { dayNumber } from '../days.js';
import type { AllocationColumns } from './state.js';

/** Zod schema of a case a practitioner holds: a weighed case, with when it was allocated to them and what moving it costs. */
export const heldCaseSchema = caseSchema.extend({
  /** The day it was allocated to its holder, `YYYY-MM-DD` (rebalancing moves the most recent first; the live list counts the last 7 days). */
  allocatedOn: isoDateSchema.optional(),
  /** What moving it away from its holder costs in broken continuity (any unit, 0 or more; rebalancing with `cost: 'stated'`; default 1). */
  moveCost: z
    .number()
    .min(0, 'expected a cost of 0 or more')
    .refine((x) => Number.isFinite(x), 'expected a finite cost')
    .optional(),
});
/** A case a practitioner holds (see {@link heldCaseSchema}). */
export type HeldCase = z.input<typeof heldCaseSchema>;

/**
 * The most points a practitioner's given totals may hold (10^12): far above any real workload (a
 * thousand times 50 A3 licence cases), low enough that sums over a national workforce and percentages
 * of one point available stay finite.
 */
export const MAX_HELD_POINTS = 1e12;

/**
 * The most cases a practitioner's given totals may count (2^31 - 1): the counts are kept in `Uint32`
 * columns, and a batch holds far fewer cases than 2^31 (at most `MAX_BATCH`), so every case of a
 * batch landing on one practitioner still fits and never wraps past a ceiling.
 */
const MAX_HELD_CASES = 0x7fffffff;
const heldCountSchema = countUpTo(MAX_HELD_CASES, 'expected a count of at most 2,147,483,647 (2^31 - 1)');

/** Zod schema of a practitioner who may receive cases. */
export const allocationPractitionerSchema = practitionerSchema
  .extend({
    /** On the allocation list (`available`, the default), off it (`unavailable`), or `away` (see {@link AVAILABILITY_STATUSES}). */
    availability: z.enum(AVAILABILITY_STATUSES, { error: () => `expected an availability status: ${AVAILABILITY_STATUSES.join(', ')}` }).optional(),
    /** PDU the practitioner works in (for `scope: 'pdu'`). */
    pdu: z.string().optional(),
    /** Team (for `scope: 'team'`). */
    team: z.string().optional(),
    /** The cases they hold now (lets an impact see a case already held). */
    caseload: caseloadSchema.extend({ cases: z.array(heldCaseSchema) }).optional(),
    /**
     * Or just the totals they hold now: points, cases, cases toward the ceiling (default: cases), and
     * cases allocated to them in the 7 days up to `asOf` (default 0; the `recent-allocations` tie-break).
     */
    current: z
      .strictObject({
        points: z.number().min(0, 'expected points of 0 or more').max(MAX_HELD_POINTS, 'expected points of at most 1,000,000,000,000 (a practitioner\'s whole workload)'),
        cases: heldCountSchema,
        ceilingCases: heldCountSchema.optional(),
        allocatedLast7Days: heldCountSchema.optional(),
      })
      .refine((c) => c.ceilingCases === undefined || c.ceilingCases <= c.cases, {
        message: 'expected no more cases toward the ceiling than cases',
        path: ['ceilingCases'],
      })
      .optional(),
  })
  .refine((p) => p.caseload === undefined || p.current === undefined, { message: 'expected caseload or current, not both', path: ['current'] });
/** A practitioner with their PDU, team and current workload (a caseload, or totals). */
export type AllocationPractitioner = z.input<typeof allocationPractitionerSchema>;

/** Zod schema of a case to allocate. */
export const allocationCaseSchema = caseSchema.extend({
  id: z.string().min(1, 'expected a case id'),
  pdu: z.string().optional(),
  team: z.string().optional(),
  /** Id of the practitioner who should keep it (its current responsible officer). */
  preferredPractitionerId: z.string().optional(),
});
/** A case to allocate: a weighed case with an id, its PDU or team, and optionally a preferred practitioner. */
export type AllocationCase = z.input<typeof allocationCaseSchema>;

/** Zod schema of allocation options. */
export const allocationOptionsSchema = z.strictObject({
  /** The day of allocation, `YYYY-MM-DD` (which reductions count). */
  asOf: isoDateSchema,
  weightings: weightingTableSchema.optional(),
  /** Batch policy (default `balanced`). */
  policy: z.enum(ALLOCATION_POLICIES).optional(),
  rules: allocationRulesSchema.optional(),
});
/** Options of the allocation functions. */
export type AllocationOptions = z.input<typeof allocationOptionsSchema>;

/** A practitioner as parsed by {@link allocationPractitionerSchema}. */
export type ParsedPractitioner = z.output<typeof allocationPractitionerSchema>;
/** A case as parsed by {@link allocationCaseSchema}. */
export type ParsedCase = z.output<typeof allocationCaseSchema>;
/** Options as parsed by {@link allocationOptionsSchema}. */
export type ParsedOptions = z.output<typeof allocationOptionsSchema>;

/** Protect level (index into ALLOCATION_LEVELS) of each tier (index into TIERS); untiered cases are `untiered`. */
const LEVEL_OF_TIER = Uint8Array.from(TIERS, (tier) => ALLOCATION_LEVELS.indexOf(protectLevelOf(tier) ?? 'untiered'));

/**
 * The case half of an allocation problem's columns, written one case at a time from its kind
 * (indexes of tier, case type, T2A, status): its weight in hundredths of a point under the table
 * (retention applied), its protect level, and whether it counts toward the ceiling. Trusts the
 * indexes it is given.
 */
export class CaseColumns {
  readonly caseWeight: Float64Array;
  readonly caseLevel: Uint8Array;
  readonly caseCounts: Uint8Array;
  readonly #lookup: Float64Array;
  readonly #countUnpaidWorkOnly: boolean;

  constructor(count: number, weightings: WeightingTable, countUnpaidWorkOnly: boolean) {
    this.caseWeight = new Float64Array(count);
    this.caseLevel = new Uint8Array(count);
    this.caseCounts = new Uint8Array(count);
    this.#lookup = pointsLookupUnchecked(weightings);
    this.#countUnpaidWorkOnly = countUnpaidWorkOnly;
  }

  /** Writes case i: tier, case type, T2A (0/1) and status as indexes into TIERS, CASE_TYPES and CASE_STATUSES. */
  set(i: number, tier: number, caseType: number, t2a: number, status: number): void {
    this.caseWeight[i] = this.#lookup[pointsLookupIndexUnchecked(tier, caseType, t2a, status)] as number;
    this.caseLevel[i] = LEVEL_OF_TIER[tier] as number;
    this.caseCounts[i] = countsTowardCeilingUnchecked(status, this.#countUnpaidWorkOnly) ? 1 : 0;
  }

  /** Writes case i from a parsed case object (its tier, case type, T2A flag and status). */
  setCase(i: number, c: ParsedHeldCase): void {
    this.set(i, tierIndex(c.tier), CASE_TYPES.indexOf(c.caseType), c.t2a === true ? 1 : 0, CASE_STATUSES.indexOf(c.status ?? 'active'));
  }
}

/** A case as parsed by the workload room's case schema (held or new). */
type ParsedHeldCase = z.output<typeof caseSchema>;

/** What a practitioner holds, in the columns' units: points in hundredths, cases, cases toward the ceiling. */
interface HeldLoad {
  readonly pointsHundredths: number;
  readonly cases: number;
  readonly ceilingCases: number;
}

/**
 * The load a parsed caseload holds, weighed exactly as {@link CaseColumns} weighs a new case (one
 * lookup per case, no per-case result objects): the hundredths of its cases plus its reports,
 * rounded once as `workloadPoints` rounds its total. Reuses `scratch` (at least as long as the
 * caseload) for the weights.
 */
function heldLoadUnchecked(caseload: z.output<typeof caseloadSchema>, weightings: WeightingTable, scratch: CaseColumns): HeldLoad {
  let kept = 0;
  let counted = 0;
  const { cases } = caseload;
  for (let k = 0; k < cases.length; k++) {
    scratch.setCase(k, cases[k] as ParsedHeldCase);
    kept += scratch.caseWeight[k] as number;
    counted += scratch.caseCounts[k] as number;
  }
  const reports =
    (caseload.reports?.standardDelivery ?? 0) * weightings.reportPoints.standardDelivery + (caseload.reports?.fastDelivery ?? 0) * weightings.reportPoints.fastDelivery;
  return { pointsHundredths: Math.round(((kept + reports * 100) / 100) * 100), cases: cases.length, ceilingCases: counted };
}

/** The practitioner half of an allocation problem's columns (see {@link AllocationColumns}), and its number of scopes. */
export type PractitionerColumns = Pick<
  AllocationColumns,
  'practitionerCount' | 'available' | 'pointsHundredths' | 'cases' | 'ceilingCases' | 'grade' | 'scope' | 'rank' | 'scopeCount'
>;

/** New cases by kind, as columns (indexes into TIERS, CASE_TYPES, CASE_STATUSES; T2A 0/1), each with its scope and preferred practitioner (-1 for none). */
export interface CaseKindColumns {
  readonly count: number;
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a: Uint8Array;
  readonly statusIndex: Uint8Array;
  readonly scope: Uint32Array;
  readonly preferred: Int32Array;
}

/**
 * The columns of a problem from practitioners already held as columns and new cases by kind, weighed
 * under `weightings`. Trusts its input (index ranges and lengths checked by the caller); the case
 * columns are new arrays, the practitioner ones are used as they are.
 */
export function allocationColumnsUnchecked(
  practitioners: PractitionerColumns,
  cases: CaseKindColumns,
  weightings: WeightingTable,
  countUnpaidWorkOnly: boolean,
): AllocationColumns {
  const written = new CaseColumns(cases.count, weightings, countUnpaidWorkOnly);
  for (let i = 0; i < cases.count; i++) {
    written.set(i, cases.tierIndex[i] as number, cases.caseTypeIndex[i] as number, cases.t2a[i] as number, cases.statusIndex[i] as number);
  }
  return {
    ...practitioners,
    caseCount: cases.count,
    caseWeight: written.caseWeight,
    caseLevel: written.caseLevel,
    caseCounts: written.caseCounts,
    caseScope: cases.scope,
    casePreferred: cases.preferred,
  };
}

/** A validated problem: the parsed practitioners, the case ids, the columns the core runs on, and the rules. */
export interface PreparedProblem {
  readonly practitioners: readonly ParsedPractitioner[];
  readonly caseIds: readonly string[];
  readonly columns: AllocationColumns;
  readonly rules: ResolvedRules;
  readonly core: CoreRules;
  readonly weightings: WeightingTable;
}

function scopeKey(scope: ResolvedRules['scope'], item: { pdu?: string | undefined; team?: string | undefined }): string {
  return scope === 'pdu' ? (item.pdu ?? '') : scope === 'team' ? (item.team ?? '') : '';
}

/**
 * Most cases one batch may hold: 2^24 (16,777,216), about seventy times the national caseload. The
 * columns are sized before the cases are read (18 bytes a case in the problem, 21 more in the
 * result, besides its id), so the cap keeps a mistaken length (a sparse array of a billion) from
 * asking for gigabytes before any case is seen; and at that size a practitioner's sum of whole
 * hundredths (at most 2^24 x 99,900, about 1.7 x 10^12) stays exact, far below 2^53.
 */
const MAX_BATCH = 2 ** 24;
/** Any array of at most MAX_BATCH items, as it is (its items are validated one by one). */
const anArray = z
  .custom<readonly unknown[]>((value) => Array.isArray(value), { message: 'expected an array' })
  .refine((list) => list.length <= MAX_BATCH, { message: `expected at most ${MAX_BATCH.toLocaleString('en-GB')} items` });

/**
 * Validates each item of an array (checked by `anArray`) and hands it on, one at a time: a batch of a million cases would
 * otherwise keep a million parsed copies alive at once, which costs more in garbage collection than
 * the parsing itself.
 */
function parseEach<S extends z.ZodType>(schema: S, list: readonly unknown[], name: string, use: (item: z.output<S>, index: number) => void): void {
  for (let i = 0; i < list.length; i++) {
    const parsed = schema.safeParse(list[i]);
    use(parsed.success ? parsed.data : parseInput(schema, list[i], `${name}[${i}]`), i);
  }
}

/**
 * Each practitioner's place in the tie-break order: by `recent` (fewest first) when given, then by id.
 */
function tieBreakRanks(ps: readonly ParsedPractitioner[], recent: readonly number[] | undefined): Uint32Array {
  const rank = new Uint32Array(ps.length);
  const id = (i: number) => (ps[i] as ParsedPractitioner).id;
  Array.from({ length: ps.length }, (_, i) => i)
    .sort((a, b) => (recent === undefined ? 0 : (recent[a] as number) - (recent[b] as number)) || (id(a) < id(b) ? -1 : 1))
    .forEach((p, r) => (rank[p] = r));
  return rank;
}

/**
 * Cases allocated to a practitioner in the 7 days up to `asOf` (0 to 6 days before it): counted
 * from the held cases' `allocatedOn`, or given in `current`.
 */
function allocatedLast7Days(p: ParsedPractitioner, asOf: string): number {
  if (p.current !== undefined) return p.current.allocatedLast7Days ?? 0;
  const today = dayNumber(asOf);
  let n = 0;
  for (const c of p.caseload?.cases ?? []) {
    const ago = c.allocatedOn === undefined ? -1 : today - dayNumber(c.allocatedOn);
    if (ago >= 0 && ago < 7) n++;
  }
  return n;
}

/** Validates the object API's input once and builds the columns. */
export function prepareProblem(practitioners: unknown, cases: unknown, options: unknown): PreparedProblem {
  const ps = parseInput(z.array(allocationPractitionerSchema), practitioners, 'practitioners');
  const o = parseInput(allocationOptionsSchema, options, 'options');
  const caseList = parseInput(anArray, cases, 'cases');
  return problemUnchecked(ps, o, caseList.length, (use) => parseEach(allocationCaseSchema, caseList, 'cases', use));
}

/**
 * Builds the columns of a problem from parsed practitioners and options, and `caseCount` cases that
 * `eachCase` hands over parsed, one at a time (parsing as it goes, or not at all when they are
 * parsed already). Checks what only the whole problem shows: unique ids, preferred practitioners who exist;
 * `casePath` names case `i` as the caller does (`cases[i]` by default; `newCase` for one case).
 */
export function problemUnchecked(
  ps: readonly ParsedPractitioner[],
  o: ParsedOptions,
  caseCount: number,
  eachCase: (use: (c: ParsedCase, index: number) => void) => void,
  casePath: (index: number) => string = (i) => `cases[${i}]`,
): PreparedProblem {
  const byId = assertUniqueIds(ps.map((p) => p.id), 'practitioners');
  const weightings = o.weightings ?? DEFAULT_WEIGHTINGS;
  const rules = resolveRulesUnchecked(o.rules);
  const scopes = new Map<string, number>();
  const scopeOf = (key: string) => {
    let index = scopes.get(key);
    if (index === undefined) scopes.set(key, (index = scopes.size));
    return index;
  };
  const P = ps.length;
  const available = new Float64Array(P);
  const pointsHundredths = new Float64Array(P);
  const caseCounts = new Uint32Array(P);
  const ceilingCases = new Uint32Array(P);
  const grade = new Uint8Array(P);
  const scope = new Uint32Array(P);
  const longest = ps.reduce((n, p) => Math.max(n, p.caseload?.cases.length ?? 0), 0);
  const scratch = new CaseColumns(longest, weightings, rules.countUnpaidWorkOnly);
  ps.forEach((p, i) => {
    available[i] = availablePointsUnchecked(p, weightings, o.asOf).points;
    grade[i] = GRADES.indexOf(p.grade);
    scope[i] = scopeOf(scopeKey(rules.scope, p));
    if (p.caseload !== undefined) {
      const held = heldLoadUnchecked(p.caseload, weightings, scratch);
      pointsHundredths[i] = held.pointsHundredths;
      caseCounts[i] = held.cases;
      ceilingCases[i] = held.ceilingCases;
    } else if (p.current !== undefined) {
      pointsHundredths[i] = Math.round(p.current.points * 100);
      caseCounts[i] = p.current.cases;
      ceilingCases[i] = p.current.ceilingCases ?? p.current.cases;
    }
  });
  const rank = tieBreakRanks(ps, rules.tieBreak === 'recent-allocations' ? ps.map((p) => allocatedLast7Days(p, o.asOf)) : undefined);

  const C = caseCount;
  const caseIds = new Array<string>(C);
  const written = new CaseColumns(C, weightings, rules.countUnpaidWorkOnly);
  const caseScope = new Uint32Array(C);
  const casePreferred = new Int32Array(C).fill(-1);
  eachCase((c, i) => {
    caseIds[i] = c.id;
    written.setCase(i, c);
    caseScope[i] = scopeOf(scopeKey(rules.scope, c));
    if (c.preferredPractitionerId !== undefined) {
      const p = byId.get(c.preferredPractitionerId);
      if (p < 0) {
        const path = `${casePath(i)}.preferredPractitionerId`;
        throw new WorkloadError('UNKNOWN_REFERENCE', `${path}: no practitioner has id "${c.preferredPractitionerId}"`, { path });
      }
      casePreferred[i] = p;
    }
  });
  assertUniqueIds(caseIds, 'cases');
  return {
    practitioners: ps,
    caseIds,
    rules,
    weightings,
    core: coreRulesUnchecked(o.policy ?? 'balanced', rules),
    columns: {
      practitionerCount: P,
      available,
      pointsHundredths,
      cases: caseCounts,
      ceilingCases,
      grade,
      scope,
      rank,
      caseCount: C,
      caseWeight: written.caseWeight,
      caseLevel: written.caseLevel,
      caseCounts: written.caseCounts,
      caseScope,
      casePreferred,
      scopeCount: scopes.size,
      onList: Uint8Array.from(ps, (p) => ((p.availability ?? 'available') === 'available' ? 1 : 0)),
    },
  };
}
