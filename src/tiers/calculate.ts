/**
 * Tier calculation of the Unified Tiering Model, as hmpps-tier computes it (UTM v2): a protect
 * level from risk of harm and a change level from need, for one person or, in columns, for a
 * whole caseload. Both paths share one arithmetic core.
 */
import { z } from 'zod';
import { WorkloadError, type Result } from '../errors.js';
import { attempt, parseInput, typedArraySchema } from '../validate.js';
import { PROTECT_LEVELS, UTM_TIERS, type ChangeLevel, type ProtectLevel, type UtmTier } from './codes.js';
import { deepFreeze } from '../freeze.js';

/** Risk of serious harm (ROSH) levels, lowest first; absent means `none`. */
export const ROSH_LEVELS = deepFreeze(['none', 'low', 'medium', 'high', 'veryHigh'] as const);
/** One of {@link ROSH_LEVELS}. */
export type RoshLevel = (typeof ROSH_LEVELS)[number];

/**
 * The ten complexity factors, 2 protect points each. Their position is their bit in the
 * `complexityFactors` column of {@link TierAssessmentColumns}.
 */
export const COMPLEXITY_FACTORS = deepFreeze([
  'mentalHealth',
  'suicideOrSelfHarm',
  'vulnerability',
  'childConcerns',
  'childProtection',
  'riskToChildren',
  'publicInterest',
  'adultAtRisk',
  'streetGangs',
  'terrorism',
] as const);
/** One of {@link COMPLEXITY_FACTORS}. */
export type ComplexityFactor = (typeof COMPLEXITY_FACTORS)[number];

/**
 * Additional factors counted for women only, 2 protect points each (up to 6). Their position is
 * their bit in the `womenFactors` column of {@link TierAssessmentColumns}.
 */
export const WOMEN_FACTORS = deepFreeze(['parentingResponsibilities', 'impulsivityOrTemperControl', 'breachOrRecall'] as const);
/** One of {@link WOMEN_FACTORS}. */
export type WomenFactor = (typeof WOMEN_FACTORS)[number];

/**
 * The ten OASys criminogenic need sections, in section order (3 accommodation … 12 attitudes): the
 * one need schema that a person's assessment, the tier calculation and the needs analysis read.
 * Their position is their slot in a ten-wide `needSeverity` column (see {@link TierAssessmentColumns}).
 *
 * @example
 * ```ts
 * NEED_AREAS.length; // 10
 * NEED_AREAS.indexOf('finance') + 3; // 5: OASys section 5
 * ```
 */
export const NEED_AREAS = deepFreeze([
  'accommodation',
  'educationTrainingEmployability',
  'finance',
  'relationships',
  'lifestyle',
  'drugMisuse',
  'alcoholMisuse',
  'emotionalWellbeing',
  'thinkingAndBehaviour',
  'attitudes',
] as const);
/** One of {@link NEED_AREAS}. */
export type NeedArea = (typeof NEED_AREAS)[number];

/** The OASys section number of each need area (3 accommodation … 12 attitudes). */
export const OASYS_SECTIONS: Readonly<Record<NeedArea, number>> = deepFreeze(
  Object.fromEntries(NEED_AREAS.map((area, i) => [area, i + 3])) as Record<NeedArea, number>,
);

/**
 * The eight need areas hmpps-tier weighs into the change level (all of {@link NEED_AREAS} but
 * finance and emotional wellbeing, which it weighs 0), in the order of an eight-wide `needSeverity`
 * column.
 */
export const NEEDS = deepFreeze([
  'accommodation',
  'educationTrainingEmployability',
  'relationships',
  'lifestyle',
  'drugMisuse',
  'alcoholMisuse',
  'thinkingAndBehaviour',
  'attitudes',
] as const satisfies readonly NeedArea[]);
/** One of {@link NEEDS}. */
export type Need = (typeof NEEDS)[number];

/** Severity of a need; its position (0, 1, 2) is its multiplier. */
export const NEED_SEVERITIES = deepFreeze(['none', 'standard', 'severe'] as const);
/** One of {@link NEED_SEVERITIES}. */
export type NeedSeverity = (typeof NEED_SEVERITIES)[number];

function uniqueList<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z
    .array(z.enum(values, { error: () => `expected a ${what}: ${values.join(', ')}` }))
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((value, i) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is listed twice`, path: [i] });
        seen.add(value);
      });
    });
}

/**
 * Zod schema of a person's needs: the severity of each need area of {@link NEED_AREAS} (absent =
 * `none`). The one need schema of the tier calculation and the needs analysis.
 *
 * @example
 * ```ts
 * needSeveritiesSchema.parse({ accommodation: 'severe', finance: 'standard' }).finance; // 'standard'
 * ```
 */
export const needSeveritiesSchema = z.partialRecord(
  z.enum(NEED_AREAS, { error: () => `expected a need area: ${NEED_AREAS.join(', ')}` }),
  z.enum(NEED_SEVERITIES, { error: () => `expected a severity: ${NEED_SEVERITIES.join(', ')}` }),
);
/** Severity of each need area (see {@link needSeveritiesSchema}). */
export type NeedSeverities = z.input<typeof needSeveritiesSchema>;

/** Zod schema of the assessment behind the change level; its absence means no valid assessment. */
export const needsAssessmentSchema = z.strictObject({
  /** Severity of each need area (absent = `none`). */
  needs: needSeveritiesSchema,
  /** OGRS (Offender Group Reconviction Scale) score, % 0–100; absent = 0. */
  ogrs: z.number().min(0, 'expected an OGRS score of 0% or more').max(100, 'expected an OGRS score of at most 100%').optional(),
});

/** Zod schema of one person's risk and need, as the tier calculation reads it. */
export const tierAssessmentSchema = z.strictObject({
  /** RSR (risk of serious recidivism) score, % 0–100; absent = no score. */
  rsr: z.number().min(0, 'expected an RSR score of 0% or more').max(100, 'expected an RSR score of at most 100%').optional(),
  /** Risk of serious harm; absent = `none`. */
  rosh: z.enum(ROSH_LEVELS, { error: () => `expected a ROSH level: ${ROSH_LEVELS.join(', ')}` }).optional(),
  /** MAPPA level 1–3, or 0 / absent when not managed under MAPPA. */
  mappaLevel: z.number().int('expected a MAPPA level 0–3').min(0, 'expected a MAPPA level 0–3').max(3, 'expected a MAPPA level 0–3').optional(),
  /** Complexity factors registered, each at most once. */
  complexityFactors: uniqueList(COMPLEXITY_FACTORS, 'complexity factor').optional(),
  /** Whether the person is a woman: only then do `womenFactors` count. */
  female: z.boolean().optional(),
  /** Additional factors for women, each at most once (ignored unless `female`). */
  womenFactors: uniqueList(WOMEN_FACTORS, 'factor for women').optional(),
  /** Whether the sentence gives a mandate for change (default true); false gives change level 0. */
  mandateForChange: z.boolean().optional(),
  /** The latest valid needs assessment; absent gives change level 2. */
  assessment: needsAssessmentSchema.optional(),
  /** Managed under Integrated Offender Management: 2 more change points when assessed. */
  integratedOffenderManagement: z.boolean().optional(),
});
/** One person's risk and need (see {@link tierAssessmentSchema}). */
export type TierAssessment = z.input<typeof tierAssessmentSchema>;

// --- The rules: every weight and threshold of UTM v2, configurable, hmpps-tier's as defaults ----

const pointsSchema = z.number().int('expected whole points').min(0, 'expected points of 0 or more').max(999, 'expected points of at most 999');
const percentSchema = z.number().min(0, 'expected a score of 0% or more').max(100, 'expected a score of at most 100%');

/** Refines an object of points so each entry is at least the one before (a higher risk never scores less). */
function nondecreasing<K extends string>(keys: readonly K[]) {
  return (value: Record<K, number>, ctx: z.RefinementCtx) => {
    for (let i = 1; i < keys.length; i++) {
      const [low, high] = [keys[i - 1] as K, keys[i] as K];
      if (value[high] < value[low]) ctx.addIssue({ code: 'custom', message: `expected ${high} at or above ${low} (${value[low]})`, path: [high] });
    }
  };
}

/**
 * Zod schema of the tier rules: the points and thresholds of the protect and change levels. Points
 * are whole numbers 0–999; points and thresholds must rise with risk, so raising any risk input never
 * lowers the protect level.
 */
export const tierRulesSchema = z.strictObject({
  /** RSR bands: a score at or above `highFrom` % scores `highPoints`, else at or above `mediumFrom` % `mediumPoints`, else 0. */
  rsr: z
    .strictObject({ mediumFrom: percentSchema, mediumPoints: pointsSchema, highFrom: percentSchema, highPoints: pointsSchema })
    .superRefine((r, ctx) => {
      if (r.highFrom < r.mediumFrom) ctx.addIssue({ code: 'custom', message: `expected highFrom at or above mediumFrom (${r.mediumFrom}%)`, path: ['highFrom'] });
      if (r.highPoints < r.mediumPoints) ctx.addIssue({ code: 'custom', message: `expected highPoints at or above mediumPoints (${r.mediumPoints})`, path: ['highPoints'] });
    }),
  /** Protect points of each ROSH level (`none` always scores 0). */
  rosh: z
    .strictObject({ low: pointsSchema, medium: pointsSchema, high: pointsSchema, veryHigh: pointsSchema })
    .superRefine(nondecreasing(['low', 'medium', 'high', 'veryHigh'] as const)),
  /** Protect points of each MAPPA level (not managed under MAPPA scores 0). */
  mappa: z.strictObject({ level1: pointsSchema, level2: pointsSchema, level3: pointsSchema }).superRefine(nondecreasing(['level1', 'level2', 'level3'] as const)),
  /** Protect points per complexity factor. */
  complexityFactor: pointsSchema,
  /** Protect points per additional factor for women. */
  womenFactor: pointsSchema,
  /** Least protect points of levels A, B and C (fewer than `C` is D). */
  protectLevels: z.strictObject({ C: pointsSchema, B: pointsSchema, A: pointsSchema }).superRefine(nondecreasing(['C', 'B', 'A'] as const)),
  /**
   * Weight of each need area; change points add weight x severity (none 0, standard 1, severe 2).
   * The eight of {@link NEEDS} are required; finance and emotional wellbeing may be left out (weight 0).
   */
  needWeights: z.strictObject({
    ...(Object.fromEntries(NEEDS.map((need) => [need, pointsSchema])) as Record<Need, typeof pointsSchema>),
    finance: pointsSchema.optional(),
    emotionalWellbeing: pointsSchema.optional(),
  }),
  /** OGRS adds floor(OGRS / `ogrsDivisor`) change points. */
  ogrsDivisor: z.number().int('expected a whole divisor').min(1, 'expected a divisor of at least 1').max(100, 'expected a divisor of at most 100'),
  /** Change points added under Integrated Offender Management. */
  integratedOffenderManagement: pointsSchema,
  /** Least assessed change points of levels 2 and 3 (fewer than `level2` is 1). */
  changeLevels: z.strictObject({ level2: pointsSchema, level3: pointsSchema }).superRefine(nondecreasing(['level2', 'level3'] as const)),
});
/** The points and thresholds of the tier calculation (see {@link tierRulesSchema}). */
export type TierRules = z.input<typeof tierRulesSchema>;

/**
 * The rules of UTM v2 as hmpps-tier publishes them: RSR 7% or more 20 points, 3% or more 10;
 * ROSH very high 150, high 20, medium 10; MAPPA level 2 or 3 150, level 1 5; 2 points per
 * complexity factor and per additional factor for women; protect A from 150, B from 20, C from 10;
 * need weights 1, with 2 for thinking & behaviour and attitudes, 0 for finance and emotional
 * wellbeing; floor(OGRS / 10); IOM 2; change
 * level 3 from 20, 2 from 10.
 *
 * @example
 * ```ts
 * UTM_V2_RULES.rosh.veryHigh; // 150
 * calculateTier({ rosh: 'veryHigh' }, { ...UTM_V2_RULES, protectLevels: { C: 10, B: 20, A: 200 } }).tier; // 'B2'
 * ```
 */
export const UTM_V2_RULES: TierRules = deepFreeze<TierRules>({
  rsr: { mediumFrom: 3, mediumPoints: 10, highFrom: 7, highPoints: 20 },
  rosh: { low: 0, medium: 10, high: 20, veryHigh: 150 },
  mappa: { level1: 5, level2: 150, level3: 150 },
  complexityFactor: 2,
  womenFactor: 2,
  protectLevels: { C: 10, B: 20, A: 150 },
  needWeights: {
    accommodation: 1,
    educationTrainingEmployability: 1,
    relationships: 1,
    lifestyle: 1,
    drugMisuse: 1,
    alcoholMisuse: 1,
    thinkingAndBehaviour: 2,
    attitudes: 2,
    finance: 0,
    emotionalWellbeing: 0,
  },
  ogrsDivisor: 10,
  integratedOffenderManagement: 2,
  changeLevels: { level2: 10, level3: 20 },
});

/** Rules laid out for the arithmetic core: points by index, thresholds as numbers. */
interface CompiledRules {
  readonly rsr: z.output<typeof tierRulesSchema>['rsr'];
  /** In {@link ROSH_LEVELS} order. */
  readonly roshPoints: Float64Array;
  /** By MAPPA level 0–3. */
  readonly mappaPoints: Float64Array;
  readonly complexityFactor: number;
  readonly womenFactor: number;
  readonly protectLevels: z.output<typeof tierRulesSchema>['protectLevels'];
  /** In {@link NEEDS} order (an eight-wide column). */
  readonly needWeights: Float64Array;
  /** In {@link NEED_AREAS} order (a ten-wide column). */
  readonly needAreaWeights: Float64Array;
  readonly ogrsDivisor: number;
  readonly integratedOffenderManagement: number;
  readonly changeLevels: z.output<typeof tierRulesSchema>['changeLevels'];
}

function compile(r: z.output<typeof tierRulesSchema>): CompiledRules {
  return {
    rsr: r.rsr,
    roshPoints: Float64Array.of(0, r.rosh.low, r.rosh.medium, r.rosh.high, r.rosh.veryHigh),
    mappaPoints: Float64Array.of(0, r.mappa.level1, r.mappa.level2, r.mappa.level3),
    complexityFactor: r.complexityFactor,
    womenFactor: r.womenFactor,
    protectLevels: r.protectLevels,
    needWeights: Float64Array.from(NEEDS, (need) => r.needWeights[need]),
    needAreaWeights: Float64Array.from(NEED_AREAS, (area) => r.needWeights[area] ?? 0),
    ogrsDivisor: r.ogrsDivisor,
    integratedOffenderManagement: r.integratedOffenderManagement,
    changeLevels: r.changeLevels,
  };
}

const DEFAULT_RULES = compile(tierRulesSchema.parse(UTM_V2_RULES));

/** The compiled rules of an optional `rules` argument (the defaults when absent). */
function rulesOf(rules: TierRules | undefined): CompiledRules {
  return rules === undefined ? DEFAULT_RULES : compile(parseInput(tierRulesSchema, rules, 'rules'));
}

// --- The result ----------------------------------------------------------------------------------

/** How the change level was reached. */
export type ChangeBasis = 'noMandateForChange' | 'noValidAssessment' | 'assessment';

/** A tier and the arithmetic behind it; points are protect or change points (defaults of UTM v2 in brackets). */
export interface TierCalculation {
  readonly tier: UtmTier;
  readonly protect: {
    readonly level: ProtectLevel;
    /** riskOfHarm + mappa + complexityFactors + womenFactors. */
    readonly points: number;
    readonly parts: {
      /** RSR points (7% or more 20, 3% to under 7% 10, else 0). */
      readonly rsr: number;
      /** ROSH points (very high 150, high 20, medium 10, else 0). */
      readonly rosh: number;
      /** The larger of `rsr` and `rosh`. */
      readonly riskOfHarm: number;
      /** MAPPA points (level 2 or 3: 150; level 1: 5). */
      readonly mappa: number;
      /** Points per complexity factor (2) x factors. */
      readonly complexityFactors: number;
      /** Points per additional factor for women (2) x factors; 0 unless female. */
      readonly womenFactors: number;
    };
  };
  readonly change: {
    readonly level: ChangeLevel;
    readonly basis: ChangeBasis;
    /** Change points when assessed; `null` otherwise (the level is then fixed: 0 or 2). */
    readonly points: number | null;
    readonly parts: {
      /** Sum of need weight x severity. */
      readonly needs: number;
      /** Each need area's weight x severity, for the areas assessed above none (finance and emotional wellbeing 0 by default). */
      readonly byNeed: Readonly<Partial<Record<NeedArea, number>>>;
      /** floor(OGRS / 10). */
      readonly ogrs: number;
      /** Points under Integrated Offender Management (2), 0 when not. */
      readonly integratedOffenderManagement: number;
    } | null;
  };
}

// --- The arithmetic core, shared by the object and the columnar paths ---------------------------

function rsrPointsOf(rsr: number, r: CompiledRules): number {
  return rsr >= r.rsr.highFrom ? r.rsr.highPoints : rsr >= r.rsr.mediumFrom ? r.rsr.mediumPoints : 0;
}

/** Index into PROTECT_LEVELS (0 = A … 3 = D) of protect points. */
function protectIndexOf(points: number, r: CompiledRules): number {
  const { A, B, C } = r.protectLevels;
  return points >= A ? 0 : points >= B ? 1 : points >= C ? 2 : 3;
}

/** Change level from assessed change points (20 or more 3; 10–19 2; under 10 1). */
function assessedChangeLevelOf(points: number, r: CompiledRules): ChangeLevel {
  return points >= r.changeLevels.level3 ? 3 : points >= r.changeLevels.level2 ? 2 : 1;
}

/** Index into UTM_TIERS (and TIERS) of a protect index and change level. */
function utmIndexOf(protectIndex: number, change: number): number {
  return protectIndex * 4 + (3 - change);
}

/** Number of set bits of each value 0..1023 (10 complexity factors). */
const BIT_COUNT = Uint8Array.from({ length: 1 << COMPLEXITY_FACTORS.length }, (_, mask) => {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
});

// --- One person ----------------------------------------------------------------------------------

type ParsedAssessment = z.output<typeof tierAssessmentSchema>;

function tierOf(a: ParsedAssessment, r: CompiledRules): TierCalculation {
  const rsr = rsrPointsOf(a.rsr ?? 0, r);
  const rosh = r.roshPoints[ROSH_LEVELS.indexOf(a.rosh ?? 'none')] as number;
  const riskOfHarm = Math.max(rsr, rosh);
  const mappa = r.mappaPoints[a.mappaLevel ?? 0] as number;
  const complexityFactors = r.complexityFactor * (a.complexityFactors?.length ?? 0);
  const womenFactors = a.female === true ? r.womenFactor * (a.womenFactors?.length ?? 0) : 0;
  const protectPoints = riskOfHarm + mappa + complexityFactors + womenFactors;
  const protectIndex = protectIndexOf(protectPoints, r);
  let change: TierCalculation['change'];
  if (a.mandateForChange === false) {
    change = { level: 0, basis: 'noMandateForChange', points: null, parts: null };
  } else if (a.assessment === undefined) {
    change = { level: 2, basis: 'noValidAssessment', points: null, parts: null };
  } else {
    let needs = 0;
    const byNeed: Partial<Record<NeedArea, number>> = {};
    NEED_AREAS.forEach((area, i) => {
      const severity = NEED_SEVERITIES.indexOf(a.assessment?.needs[area] ?? 'none');
      if (severity === 0) return;
      byNeed[area] = (r.needAreaWeights[i] as number) * severity;
      needs += byNeed[area];
    });
    const ogrs = Math.floor((a.assessment.ogrs ?? 0) / r.ogrsDivisor);
    const iom = a.integratedOffenderManagement === true ? r.integratedOffenderManagement : 0;
    const points = needs + ogrs + iom;
    change = { level: assessedChangeLevelOf(points, r), basis: 'assessment', points, parts: { needs, byNeed, ogrs, integratedOffenderManagement: iom } };
  }
  return {
    tier: UTM_TIERS[utmIndexOf(protectIndex, change.level)] as UtmTier,
    protect: {
      level: PROTECT_LEVELS[protectIndex] as ProtectLevel,
      points: protectPoints,
      parts: { rsr, rosh, riskOfHarm, mappa, complexityFactors, womenFactors },
    },
    change,
  };
}

/**
 * The UTM tier of one person, with its arithmetic. Under the default rules ({@link UTM_V2_RULES}):
 * protect points = the larger of RSR and ROSH points + MAPPA points + 2 per complexity factor
 * (+ 2 per additional factor for women); 150 or more is A, 20–149 B, 10–19 C, under 10 D. Change
 * level: 0 without a mandate for change, 2 without a valid assessment, else from need weight x
 * severity + floor(OGRS / 10) + 2 under IOM (20 or more 3, 10–19 2, under 10 1). Pass `rules` to
 * use other points or thresholds.
 *
 * @example
 * ```ts
 * // protect: max(RSR 4.2% -> 10, ROSH high -> 20) = 20, + MAPPA 1 -> 5, + 2 factors -> 4 = 29: B
 * // change: accommodation severe 1x2 + attitudes standard 2x1 + floor(64 / 10) = 6 -> 10: level 2
 * calculateTier({
 *   rsr: 4.2, rosh: 'high', mappaLevel: 1, complexityFactors: ['mentalHealth', 'vulnerability'],
 *   assessment: { needs: { accommodation: 'severe', attitudes: 'standard' }, ogrs: 64 },
 * }).tier; // 'B2'
 * ```
 */
export function calculateTier(assessment: TierAssessment, rules?: TierRules): TierCalculation {
  const a = parseInput(tierAssessmentSchema, assessment, 'assessment');
  return tierOf(a, rulesOf(rules));
}

/**
 * {@link calculateTier} returning `{ ok, value }` or `{ ok: false, error }` instead of throwing,
 * for callers tiering batches of untrusted records.
 *
 * @example
 * ```ts
 * const result = safeCalculateTier({ rosh: 'extreme' });
 * const path = result.ok ? '' : result.error.path; // 'assessment.rosh'
 * ```
 */
export function safeCalculateTier(assessment: unknown, rules?: TierRules): Result<TierCalculation> {
  return attempt(() => calculateTier(assessment as TierAssessment, rules));
}

// --- Many people, in columns ---------------------------------------------------------------------

/**
 * The assessments of `n` people as columns, entry `i` of each being person `i`:
 * - `rsr`: RSR score, % 0–100 (0 when none);
 * - `roshIndex`: position in {@link ROSH_LEVELS} (0 none … 4 very high);
 * - `mappaLevel`: 0 (none) to 3;
 * - `complexityFactors`: bit `k` set when person has {@link COMPLEXITY_FACTORS}`[k]` (0..1023);
 * - `female`: 1 for women, else 0;
 * - `womenFactors`: bit `k` set for {@link WOMEN_FACTORS}`[k]` (0..7; counted only when female);
 * - `mandateForChange`: 1 when the sentence gives a mandate for change, else 0;
 * - `assessed`: 1 when there is a valid needs assessment, else 0;
 * - `needSeverity`: each 0 none, 1 standard, 2 severe; either `8 x n` entries, person `i`'s needs
 *   at `8i … 8i + 7` in {@link NEEDS} order, or `10 x n` entries, person `i`'s at `10i … 10i + 9` in
 *   {@link NEED_AREAS} order (the needs analysis's column; finance and emotional wellbeing then
 *   count at their weights, 0 by default);
 * - `ogrs`: OGRS score, % 0–100;
 * - `integratedOffenderManagement`: 1 when managed under IOM, else 0.
 */
export interface TierAssessmentColumns {
  readonly rsr: Float64Array;
  readonly roshIndex: Uint8Array;
  readonly mappaLevel: Uint8Array;
  readonly complexityFactors: Uint16Array;
  readonly female: Uint8Array;
  readonly womenFactors: Uint8Array;
  readonly mandateForChange: Uint8Array;
  readonly assessed: Uint8Array;
  readonly needSeverity: Uint8Array;
  readonly ogrs: Float64Array;
  readonly integratedOffenderManagement: Uint8Array;
}

const u8 = typedArraySchema(Uint8Array);
const f64 = typedArraySchema(Float64Array);

/** Zod schema of {@link TierAssessmentColumns}: column types only (lengths and values are checked in one pass). */
export const tierAssessmentColumnsSchema = z.strictObject({
  rsr: f64,
  roshIndex: u8,
  mappaLevel: u8,
  complexityFactors: typedArraySchema(Uint16Array),
  female: u8,
  womenFactors: u8,
  mandateForChange: u8,
  assessed: u8,
  needSeverity: u8,
  ogrs: f64,
  integratedOffenderManagement: u8,
});

function valueError(column: string, index: number, value: number, expected: string): WorkloadError {
  const path = `assessments.${column}[${index}]`;
  return new WorkloadError('INVALID_INPUT', `${path}: got ${value}, expected ${expected}`, { path });
}

/**
 * UTM tiers of many people at once, as indexes into `TIERS` (0 = A3 … 15 = D0), ready to be the
 * `tierIndex` column of a `ColumnarCaseload`. The same arithmetic and `rules` as {@link calculateTier};
 * the columns are checked once for type and length, and each value for range in the same pass.
 *
 * @example
 * ```ts
 * // person 0: ROSH very high 150 -> A; no valid assessment -> change 2: A2 (index 1)
 * // person 1: nothing registered -> D; no mandate for change -> 0: D0 (index 15)
 * calculateTiers({
 *   rsr: Float64Array.of(0, 0), roshIndex: Uint8Array.of(4, 0), mappaLevel: Uint8Array.of(0, 0),
 *   complexityFactors: Uint16Array.of(0, 0), female: Uint8Array.of(0, 0), womenFactors: Uint8Array.of(0, 0),
 *   mandateForChange: Uint8Array.of(1, 0), assessed: Uint8Array.of(0, 0), needSeverity: new Uint8Array(16),
 *   ogrs: Float64Array.of(0, 0), integratedOffenderManagement: Uint8Array.of(0, 0),
 * }); // Uint8Array [1, 15]
 * ```
 */
export function calculateTiers(assessments: TierAssessmentColumns, rules?: TierRules): Uint8Array {
  const c = parseInput(tierAssessmentColumnsSchema, assessments, 'assessments');
  const r = rulesOf(rules);
  const n = c.rsr.length;
  const stride = n > 0 && c.needSeverity.length === NEED_AREAS.length * n ? NEED_AREAS.length : NEEDS.length;
  for (const [column, values] of Object.entries(c)) {
    const expected = column === 'needSeverity' ? stride * n : n;
    if (values.length !== expected) {
      const alternative = column === 'needSeverity' ? ` (8 a person in NEEDS order) or ${NEED_AREAS.length * n} (10 a person in NEED_AREAS order)` : '';
      throw new WorkloadError('INVALID_INPUT', `assessments.${column}: has ${values.length} entries, expected ${expected}${alternative}`, {
        path: `assessments.${column}`,
      });
    }
  }
  const out = new Uint8Array(n);
  const weights = stride === NEEDS.length ? r.needWeights : r.needAreaWeights;
  const { rsr, roshIndex, mappaLevel, complexityFactors, female, womenFactors, mandateForChange, assessed, needSeverity, ogrs } = c;
  const iom = c.integratedOffenderManagement;
  for (let i = 0; i < n; i++) {
    const score = rsr[i] as number;
    const rosh = roshIndex[i] as number;
    const mappa = mappaLevel[i] as number;
    const factors = complexityFactors[i] as number;
    const woman = female[i] as number;
    const extra = womenFactors[i] as number;
    if (!(score >= 0 && score <= 100)) throw valueError('rsr', i, score, 'an RSR score of 0–100%');
    if (rosh > 4) throw valueError('roshIndex', i, rosh, '0..4 (positions in ROSH_LEVELS)');
    if (mappa > 3) throw valueError('mappaLevel', i, mappa, '0..3');
    if (factors > 1023) throw valueError('complexityFactors', i, factors, 'a 10-bit mask 0..1023');
    if (woman > 1) throw valueError('female', i, woman, '0 or 1');
    if (extra > 7) throw valueError('womenFactors', i, extra, 'a 3-bit mask 0..7');
    const protectPoints =
      Math.max(rsrPointsOf(score, r), r.roshPoints[rosh] as number) +
      (r.mappaPoints[mappa] as number) +
      r.complexityFactor * (BIT_COUNT[factors] as number) +
      (woman === 1 ? r.womenFactor * (BIT_COUNT[extra] as number) : 0);
    const mandate = mandateForChange[i] as number;
    const valid = assessed[i] as number;
    const g = ogrs[i] as number;
    const managed = iom[i] as number;
    if (mandate > 1) throw valueError('mandateForChange', i, mandate, '0 or 1');
    if (valid > 1) throw valueError('assessed', i, valid, '0 or 1');
    if (!(g >= 0 && g <= 100)) throw valueError('ogrs', i, g, 'an OGRS score of 0–100%');
    if (managed > 1) throw valueError('integratedOffenderManagement', i, managed, '0 or 1');
    let needs = 0;
    for (let k = 0; k < stride; k++) {
      const severity = needSeverity[i * stride + k] as number;
      if (severity > 2) throw valueError('needSeverity', i * stride + k, severity, '0, 1 or 2 (none, standard, severe)');
      needs += (weights[k] as number) * severity;
    }
    const change = mandate === 0 ? 0 : valid === 0 ? 2 : assessedChangeLevelOf(needs + Math.floor(g / r.ogrsDivisor) + r.integratedOffenderManagement * managed, r);
    out[i] = utmIndexOf(protectIndexOf(protectPoints, r), change);
  }
  return out;
}
