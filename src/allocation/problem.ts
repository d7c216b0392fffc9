/** The object API's input, validated once and turned into columns for the core. */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { CASE_TYPES, TIERS, protectLevelOf, tierIndex } from '../tiers/index.js';
import { DEFAULT_WEIGHTINGS, GRADES, weightingTableSchema, type WeightingTable } from '../weightings/index.js';
import { countSchema, isoDateSchema, parseInput } from '../validate.js';
import {
  CASE_STATUSES,
  assertUniqueIds,
  availablePointsOf,
  caseSchema,
  caseloadSchema,
  pointsLookup,
  pointsLookupIndex,
  practitionerSchema,
  workloadPoints,
} from '../workload/index.js';
import type { AllocationColumns, CoreRules } from './core.js';
import { ALLOCATION_LEVELS, ALLOCATION_POLICIES, allocationRulesSchema, coreRulesOf, resolveRules, type ResolvedRules } from './rules.js';

/** Zod schema of a practitioner who may receive cases. */
export const allocationPractitionerSchema = practitionerSchema
  .extend({
    /** PDU the practitioner works in (for `scope: 'pdu'`). */
    pdu: z.string().optional(),
    /** Team (for `scope: 'team'`). */
    team: z.string().optional(),
    /** The cases they hold now (lets an impact see a case already held). */
    caseload: caseloadSchema.optional(),
    /** Or just the totals they hold now: points, cases, and cases toward the ceiling (default: cases). */
    current: z
      .strictObject({ points: z.number().min(0, 'expected points of 0 or more'), cases: countSchema, ceilingCases: countSchema.optional() })
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

type ParsedPractitioner = z.output<typeof allocationPractitionerSchema>;

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

/** Most cases one batch may hold: about seventy times the national caseload, and the columns are sized before the cases are read. */
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

/** Validates the object API's input once and builds the columns. */
export function prepareProblem(practitioners: unknown, cases: unknown, options: unknown): PreparedProblem {
  const ps = parseInput(z.array(allocationPractitionerSchema), practitioners, 'practitioners');
  const o = parseInput(allocationOptionsSchema, options, 'options');
  const byId = assertUniqueIds(ps.map((p) => p.id), 'practitioners');
  const weightings = o.weightings ?? DEFAULT_WEIGHTINGS;
  const rules = resolveRules(o.rules);
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
  ps.forEach((p, i) => {
    available[i] = availablePointsOf(p, weightings, o.asOf).points;
    grade[i] = GRADES.indexOf(p.grade);
    scope[i] = scopeOf(scopeKey(rules.scope, p));
    if (p.caseload !== undefined) {
      const held = workloadPoints(p.caseload, { weightings });
      pointsHundredths[i] = Math.round(held.total * 100);
      caseCounts[i] = held.caseCount;
      ceilingCases[i] = rules.countUnpaidWorkOnly ? held.caseCount : held.cases.filter((c) => c.status !== 'unpaidWorkOnly').length;
    } else if (p.current !== undefined) {
      pointsHundredths[i] = Math.round(p.current.points * 100);
      caseCounts[i] = p.current.cases;
      ceilingCases[i] = p.current.ceilingCases ?? p.current.cases;
    }
  });
  const rank = new Uint32Array(P);
  Array.from({ length: P }, (_, i) => i)
    .sort((a, b) => ((ps[a] as ParsedPractitioner).id < (ps[b] as ParsedPractitioner).id ? -1 : 1))
    .forEach((p, r) => (rank[p] = r));

  const lookup = pointsLookup(weightings);
  const levelOfTier = Uint8Array.from(TIERS, (tier) => ALLOCATION_LEVELS.indexOf(protectLevelOf(tier) ?? 'untiered'));
  const caseList = parseInput(anArray, cases, 'cases');
  const C = caseList.length;
  const caseIds = new Array<string>(C);
  const caseWeight = new Float64Array(C);
  const caseLevel = new Uint8Array(C);
  const caseCountsToward = new Uint8Array(C);
  const caseScope = new Uint32Array(C);
  const casePreferred = new Int32Array(C).fill(-1);
  parseEach(allocationCaseSchema, caseList, 'cases', (c, i) => {
    caseIds[i] = c.id;
    const status = c.status ?? 'active';
    const tier = tierIndex(c.tier);
    caseWeight[i] = lookup[pointsLookupIndex(tier, CASE_TYPES.indexOf(c.caseType), c.t2a === true ? 1 : 0, CASE_STATUSES.indexOf(status))] as number;
    caseLevel[i] = levelOfTier[tier] as number;
    caseCountsToward[i] = rules.countUnpaidWorkOnly || status !== 'unpaidWorkOnly' ? 1 : 0;
    caseScope[i] = scopeOf(scopeKey(rules.scope, c));
    if (c.preferredPractitionerId !== undefined) {
      const p = byId.get(c.preferredPractitionerId);
      if (p < 0) {
        const path = `cases[${i}].preferredPractitionerId`;
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
    core: coreRulesOf(o.policy ?? 'balanced', rules),
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
      caseWeight,
      caseLevel,
      caseCounts: caseCountsToward,
      caseScope,
      casePreferred,
      scopeCount: scopes.size,
    },
  };
}
