/**
 * Tier calculation of the Unified Tiering Model, as hmpps-tier computes it (UTM v2): a protect
 * level from risk of harm and a change level from need, for one person or, in columns, for a
 * whole caseload. Both paths share one arithmetic core.
 */
import { z } from 'zod';
import { WorkloadError, type Result } from '../errors.js';
import { attempt, parseInput } from '../validate.js';
import { PROTECT_LEVELS, UTM_TIERS, type ChangeLevel, type ProtectLevel, type UtmTier } from './codes.js';

/** Risk of serious harm (ROSH) levels, lowest first; absent means `none`. */
export const ROSH_LEVELS = ['none', 'low', 'medium', 'high', 'veryHigh'] as const;
/** One of {@link ROSH_LEVELS}. */
export type RoshLevel = (typeof ROSH_LEVELS)[number];

/** Protect points of each ROSH level, in {@link ROSH_LEVELS} order: very high 150, high 20, medium 10. */
export const ROSH_POINTS: readonly number[] = Object.freeze([0, 0, 10, 20, 150]);

/**
 * The ten complexity factors, 2 protect points each. Their position is their bit in the
 * `complexityFactors` column of {@link TierAssessmentColumns}.
 */
export const COMPLEXITY_FACTORS = [
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
] as const;
/** One of {@link COMPLEXITY_FACTORS}. */
export type ComplexityFactor = (typeof COMPLEXITY_FACTORS)[number];

/**
 * Additional factors counted for women only, 2 protect points each (up to 6). Their position is
 * their bit in the `womenFactors` column of {@link TierAssessmentColumns}.
 */
export const WOMEN_FACTORS = ['parentingResponsibilities', 'impulsivityOrTemperControl', 'breachOrRecall'] as const;
/** One of {@link WOMEN_FACTORS}. */
export type WomenFactor = (typeof WOMEN_FACTORS)[number];

/** The eight criminogenic needs of the change level, in the order of the `needSeverity` column. */
export const NEEDS = [
  'accommodation',
  'educationTrainingEmployability',
  'relationships',
  'lifestyle',
  'drugMisuse',
  'alcoholMisuse',
  'thinkingAndBehaviour',
  'attitudes',
] as const;
/** One of {@link NEEDS}. */
export type Need = (typeof NEEDS)[number];

/** Weight of each need in {@link NEEDS} order: 2 for thinking & behaviour and attitudes, 1 for the rest. */
export const NEED_WEIGHTS: readonly number[] = Object.freeze([1, 1, 1, 1, 1, 1, 2, 2]);

/** Severity of a need; its position (0, 1, 2) is its multiplier. */
export const NEED_SEVERITIES = ['none', 'standard', 'severe'] as const;
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

/** Zod schema of the assessment behind the change level; its absence means no valid assessment. */
export const needsAssessmentSchema = z.strictObject({
  /** Severity of each need (absent = `none`). */
  needs: z.partialRecord(
    z.enum(NEEDS, { error: () => `expected a need: ${NEEDS.join(', ')}` }),
    z.enum(NEED_SEVERITIES, { error: () => `expected a severity: ${NEED_SEVERITIES.join(', ')}` }),
  ),
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

/** How the change level was reached. */
export type ChangeBasis = 'noMandateForChange' | 'noValidAssessment' | 'assessment';

/** A tier and the arithmetic behind it; points are protect or change points of UTM v2. */
export interface TierCalculation {
  readonly tier: UtmTier;
  readonly protect: {
    readonly level: ProtectLevel;
    /** riskOfHarm + mappa + complexityFactors + womenFactors. */
    readonly points: number;
    readonly parts: {
      /** RSR 7% or more 20, 3% to under 7% 10, else 0. */
      readonly rsr: number;
      /** ROSH very high 150, high 20, medium 10, else 0. */
      readonly rosh: number;
      /** The larger of `rsr` and `rosh`. */
      readonly riskOfHarm: number;
      /** MAPPA level 2 or 3: 150; level 1: 5. */
      readonly mappa: number;
      /** 2 per complexity factor. */
      readonly complexityFactors: number;
      /** 2 per additional factor for women (0 unless female). */
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
      /** floor(OGRS / 10). */
      readonly ogrs: number;
      /** 2 when managed under Integrated Offender Management. */
      readonly integratedOffenderManagement: number;
    } | null;
  };
}

// --- The arithmetic core, shared by the object and the columnar paths ---------------------------

const MAPPA_POINTS: readonly number[] = [0, 5, 150, 150];

function rsrPointsOf(rsr: number): number {
  return rsr >= 7 ? 20 : rsr >= 3 ? 10 : 0;
}

/** Index into PROTECT_LEVELS (0 = A … 3 = D) of protect points. */
function protectIndexOf(points: number): number {
  return points >= 150 ? 0 : points >= 20 ? 1 : points >= 10 ? 2 : 3;
}

/** Change level from assessed change points: 20 or more 3; 10–19 2; under 10 1. */
function assessedChangeLevelOf(points: number): ChangeLevel {
  return points >= 20 ? 3 : points >= 10 ? 2 : 1;
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

function tierOf(a: ParsedAssessment): TierCalculation {
  const rsr = rsrPointsOf(a.rsr ?? 0);
  const rosh = ROSH_POINTS[ROSH_LEVELS.indexOf(a.rosh ?? 'none')] as number;
  const riskOfHarm = Math.max(rsr, rosh);
  const mappa = MAPPA_POINTS[a.mappaLevel ?? 0] as number;
  const complexityFactors = 2 * (a.complexityFactors?.length ?? 0);
  const womenFactors = a.female === true ? 2 * (a.womenFactors?.length ?? 0) : 0;
  const protectPoints = riskOfHarm + mappa + complexityFactors + womenFactors;
  const protectIndex = protectIndexOf(protectPoints);
  let change: TierCalculation['change'];
  if (a.mandateForChange === false) {
    change = { level: 0, basis: 'noMandateForChange', points: null, parts: null };
  } else if (a.assessment === undefined) {
    change = { level: 2, basis: 'noValidAssessment', points: null, parts: null };
  } else {
    let needs = 0;
    NEEDS.forEach((need, i) => {
      needs += (NEED_WEIGHTS[i] as number) * NEED_SEVERITIES.indexOf(a.assessment?.needs[need] ?? 'none');
    });
    const ogrs = Math.floor((a.assessment.ogrs ?? 0) / 10);
    const iom = a.integratedOffenderManagement === true ? 2 : 0;
    const points = needs + ogrs + iom;
    change = { level: assessedChangeLevelOf(points), basis: 'assessment', points, parts: { needs, ogrs, integratedOffenderManagement: iom } };
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
 * The UTM tier of one person, with its arithmetic. Protect points = the larger of RSR and ROSH
 * points + MAPPA points + 2 per complexity factor (+ 2 per additional factor for women); 150 or
 * more is A, 20–149 B, 10–19 C, under 10 D. Change level: 0 without a mandate for change, 2
 * without a valid assessment, else from need weight x severity + floor(OGRS / 10) + 2 under IOM
 * (20 or more 3, 10–19 2, under 10 1).
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
export function calculateTier(assessment: TierAssessment): TierCalculation {
  return tierOf(parseInput(tierAssessmentSchema, assessment, 'assessment'));
}

/**
 * {@link calculateTier} returning `{ ok, value }` or `{ ok: false, error }` instead of throwing,
 * for callers tiering batches of untrusted records.
 *
 * @example
 * ```ts
 * const result = safeCalculateTier({ rosh: 'extreme' });
 * if (!result.ok) console.log(result.error.path); // 'assessment.rosh'
 * ```
 */
export function safeCalculateTier(assessment: unknown): Result<TierCalculation> {
  return attempt(() => calculateTier(assessment as TierAssessment));
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
 * - `needSeverity`: `8 x n` entries, person `i`'s needs at `8i … 8i + 7` in {@link NEEDS} order,
 *   each 0 none, 1 standard, 2 severe;
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

const u8 = z.instanceof(Uint8Array, { message: 'expected a Uint8Array' });
const f64 = z.instanceof(Float64Array, { message: 'expected a Float64Array' });

/** Zod schema of {@link TierAssessmentColumns}: column types only (lengths and values are checked in one pass). */
export const tierAssessmentColumnsSchema = z.strictObject({
  rsr: f64,
  roshIndex: u8,
  mappaLevel: u8,
  complexityFactors: z.instanceof(Uint16Array, { message: 'expected a Uint16Array' }),
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
 * `tierIndex` column of a `ColumnarCaseload`. The same arithmetic as {@link calculateTier}; the
 * columns are checked once for type and length, and each value for range in the same pass.
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
export function calculateTiers(assessments: TierAssessmentColumns): Uint8Array {
  const c = parseInput(tierAssessmentColumnsSchema, assessments, 'assessments');
  const n = c.rsr.length;
  for (const [column, values] of Object.entries(c)) {
    const expected = column === 'needSeverity' ? NEEDS.length * n : n;
    if (values.length !== expected) {
      throw new WorkloadError('INVALID_INPUT', `assessments.${column}: has ${values.length} entries, expected ${expected}`, {
        path: `assessments.${column}`,
      });
    }
  }
  const out = new Uint8Array(n);
  const { rsr, roshIndex, mappaLevel, complexityFactors, female, womenFactors, mandateForChange, assessed, needSeverity, ogrs } = c;
  const iom = c.integratedOffenderManagement;
  for (let i = 0; i < n; i++) {
    const r = rsr[i] as number;
    const rosh = roshIndex[i] as number;
    const mappa = mappaLevel[i] as number;
    const factors = complexityFactors[i] as number;
    const woman = female[i] as number;
    const extra = womenFactors[i] as number;
    if (!(r >= 0 && r <= 100)) throw valueError('rsr', i, r, 'an RSR score of 0–100%');
    if (rosh > 4) throw valueError('roshIndex', i, rosh, '0..4 (positions in ROSH_LEVELS)');
    if (mappa > 3) throw valueError('mappaLevel', i, mappa, '0..3');
    if (factors > 1023) throw valueError('complexityFactors', i, factors, 'a 10-bit mask 0..1023');
    if (woman > 1) throw valueError('female', i, woman, '0 or 1');
    if (extra > 7) throw valueError('womenFactors', i, extra, 'a 3-bit mask 0..7');
    const protectPoints =
      Math.max(rsrPointsOf(r), ROSH_POINTS[rosh] as number) +
      (MAPPA_POINTS[mappa] as number) +
      2 * (BIT_COUNT[factors] as number) +
      (woman === 1 ? 2 * (BIT_COUNT[extra] as number) : 0);
    const mandate = mandateForChange[i] as number;
    const valid = assessed[i] as number;
    const g = ogrs[i] as number;
    const managed = iom[i] as number;
    if (mandate > 1) throw valueError('mandateForChange', i, mandate, '0 or 1');
    if (valid > 1) throw valueError('assessed', i, valid, '0 or 1');
    if (!(g >= 0 && g <= 100)) throw valueError('ogrs', i, g, 'an OGRS score of 0–100%');
    if (managed > 1) throw valueError('integratedOffenderManagement', i, managed, '0 or 1');
    let needs = 0;
    for (let k = 0; k < 8; k++) {
      const severity = needSeverity[i * 8 + k] as number;
      if (severity > 2) throw valueError('needSeverity', i * 8 + k, severity, '0, 1 or 2 (none, standard, severe)');
      needs += (NEED_WEIGHTS[k] as number) * severity;
    }
    const change = mandate === 0 ? 0 : valid === 0 ? 2 : assessedChangeLevelOf(needs + Math.floor(g / 10) + 2 * managed);
    out[i] = utmIndexOf(protectIndexOf(protectPoints), change);
  }
  return out;
}
