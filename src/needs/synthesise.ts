/**
 * Synthetic needs for a synthetic caseload: each person's needs drawn to the published prevalence
 * (other areas at stated assumptions), then made to agree with the change level their tier says
 * under the tier calculation's rule (need weight x severity + floor(OGRS / 10)), with an OGRS score
 * chosen to land in that level's band. The draw rates are recalibrated over a few rounds so the
 * prevalence after that adjustment still meets the targets. Same seed, same needs.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput, percentSchema } from '../validate.js';
import { RandomStream } from '../random.js';
import { NEED_AREAS, UTM_V2_RULES, type NeedArea } from '../tiers/index.js';
import { deepFreeze } from '../freeze.js';

/** A prevalence target: % of people with the need identified, in the community (and on licence) and in custody. */
export interface PrevalenceTarget {
  readonly community: number;
  readonly custody: number;
  /** `published` (OASys identified needs, 31 October 2024) or `assumed` (not in the notes: a stated assumption). */
  readonly basis: 'published' | 'assumed';
  /** For an assumption: the range it is taken from, in %. */
  readonly range?: readonly [number, number];
}

/**
 * Prevalence of each need area, %: lifestyle 71 community / 89 custody, accommodation 39 / 68,
 * alcohol 24 / 22 are published (OASys, people with a layer 3 assessment, 31 October 2024); the
 * other areas are ASSUMPTIONS, each with the range it was taken from.
 *
 * @example
 * ```ts
 * NEED_PREVALENCE.lifestyle; // { community: 71, custody: 89, basis: 'published' }
 * NEED_PREVALENCE.finance.basis; // 'assumed'
 * ```
 */
export const NEED_PREVALENCE: Readonly<Record<NeedArea, PrevalenceTarget>> = deepFreeze({
  accommodation: { community: 39, custody: 68, basis: 'published' },
  educationTrainingEmployability: { community: 45, custody: 60, basis: 'assumed', range: [35, 65] },
  finance: { community: 30, custody: 40, basis: 'assumed', range: [20, 50] },
  relationships: { community: 35, custody: 45, basis: 'assumed', range: [25, 55] },
  lifestyle: { community: 71, custody: 89, basis: 'published' },
  drugMisuse: { community: 30, custody: 45, basis: 'assumed', range: [20, 55] },
  alcoholMisuse: { community: 24, custody: 22, basis: 'published' },
  emotionalWellbeing: { community: 35, custody: 45, basis: 'assumed', range: [25, 55] },
  thinkingAndBehaviour: { community: 70, custody: 85, basis: 'assumed', range: [55, 90] },
  attitudes: { community: 40, custody: 55, basis: 'assumed', range: [30, 65] },
});

/** People a calibration round reads at most (every k-th person of a longer list). */
const CALIBRATION_SAMPLE = 100_000;

/** Most people one call synthesises. */
export const MAX_SYNTHETIC_PEOPLE = 10_000_000;

const u8 = z.instanceof(Uint8Array, { message: 'expected a Uint8Array' });

/** Zod schema of the input of {@link synthesiseNeeds}. */
export const synthesiseNeedsInputSchema = z.strictObject({
  /** Each person's change level 0–3 (the digit of their tier): 0 no mandate for change, else an assessed level. */
  changeLevel: u8,
  /** Each person's case type, a position in `CASE_TYPES` (0 community, 1 licence, 2 custody); licence is drawn at the community rates. */
  caseTypeIndex: u8,
  /** Seed of the random stream. */
  seed: z.number().int('expected a whole seed'),
  /** %, per need area: the targets (default {@link NEED_PREVALENCE}). */
  prevalence: z
    .partialRecord(z.enum(NEED_AREAS, { error: () => `expected a need area: ${NEED_AREAS.join(', ')}` }), z.strictObject({ community: percentSchema, custody: percentSchema }))
    .optional(),
  /** %, 0–100: share of identified needs drawn severe (default 33). */
  severePercent: percentSchema.optional(),
  /** Recalibration rounds after the first draw (default 4; 0 draws once at the targets). */
  calibrationRounds: z.number().int('expected whole rounds').min(0, 'expected 0 or more rounds').max(10, 'expected at most 10 rounds').optional(),
});
/** Input of {@link synthesiseNeeds} (see {@link synthesiseNeedsInputSchema}). */
export interface SynthesiseNeedsInput {
  /** Change level 0–3 of each person. */
  readonly changeLevel: Uint8Array;
  /** Position in `CASE_TYPES` of each person's case type. */
  readonly caseTypeIndex: Uint8Array;
  readonly seed: number;
  /** %, per need area. */
  readonly prevalence?: Readonly<Partial<Record<NeedArea, { readonly community: number; readonly custody: number }>>>;
  /** %, 0–100 (default 33). */
  readonly severePercent?: number;
  /** 0–10 (default 4). */
  readonly calibrationRounds?: number;
}

/** Synthetic needs, ready to be the `needSeverity` and `ogrs` columns of the tier calculation. */
export interface SyntheticNeeds {
  /** `10 x n` severities (0 none, 1 standard, 2 severe), person `i` at `10i … 10i + 9` in `NEED_AREAS` order. */
  readonly needSeverity: Uint8Array;
  /** OGRS score, whole %, 0–100, chosen so the change points land in the person's change level. */
  readonly ogrs: Float64Array;
  /** Per need area: target and achieved prevalence, %, among community-and-licence and custody people. */
  readonly prevalence: Readonly<Record<NeedArea, { readonly community: { readonly target: number; readonly achieved: number }; readonly custody: { readonly target: number; readonly achieved: number } }>>;
}

const AREAS = NEED_AREAS.length;
const WEIGHTS = NEED_AREAS.map((area) => UTM_V2_RULES.needWeights[area] ?? 0);
const WEIGHTED = NEED_AREAS.map((_, k) => k).filter((k) => (WEIGHTS[k] as number) > 0);
const { level2, level3 } = UTM_V2_RULES.changeLevels;
/** Largest floor(OGRS / 10). */
const MAX_OGRS_POINTS = 10;

/** Change points from severities at `base`. */
function needPoints(s: Uint8Array, base: number): number {
  let points = 0;
  for (let k = 0; k < AREAS; k++) points += (WEIGHTS[k] as number) * (s[base + k] as number);
  return points;
}

/**
 * One draw of the needs of every `stride`-th person at `rates` (fractions per group and area),
 * adjusted to their change level.
 */
function draw(levels: Uint8Array, groups: Uint8Array, rates: Float64Array, severe: number, seed: number, s: Uint8Array, ogrs: Float64Array, stride: number): void {
  const rng = new RandomStream(seed);
  const order = [...WEIGHTED];
  for (let i = 0; i < levels.length; i += stride) {
    const base = i * AREAS;
    const g = groups[i] as number;
    for (let k = 0; k < AREAS; k++) {
      const rate = rates[g * AREAS + k] as number;
      const u = rng.uniform();
      s[base + k] = u < rate * severe ? 2 : u < rate ? 1 : 0;
    }
    const level = levels[i] as number;
    if (level === 0) {
      ogrs[i] = Math.floor(rng.uniform() * 101);
      continue;
    }
    const lo = level === 1 ? 0 : level === 2 ? level2 : level3;
    const hi = level === 1 ? level2 - 1 : level === 2 ? level3 - 1 : Number.POSITIVE_INFINITY;
    let points = needPoints(s, base);
    if (points > hi || points + MAX_OGRS_POINTS < lo) {
      // shuffle the weighted areas, then lower (too many points) or raise (too few even with OGRS 100) in that order
      for (let j = order.length - 1; j > 0; j--) {
        const r = Math.floor(rng.uniform() * (j + 1));
        [order[j], order[r]] = [order[r] as number, order[j] as number];
      }
      for (let pass = 0; pass < 2 && points > hi; pass++) {
        for (const k of order) {
          if (points <= hi) break;
          if ((s[base + k] as number) > 0) {
            s[base + k] = (s[base + k] as number) - 1;
            points -= WEIGHTS[k] as number;
          }
        }
      }
      for (let pass = 0; pass < 2 && points + MAX_OGRS_POINTS < lo; pass++) {
        for (const k of order) {
          if (points + MAX_OGRS_POINTS >= lo) break;
          if ((s[base + k] as number) < 2) {
            s[base + k] = (s[base + k] as number) + 1;
            points += WEIGHTS[k] as number;
          }
        }
      }
    }
    const least = Math.max(0, lo - points);
    const o = least + Math.floor(rng.uniform() * (Math.min(MAX_OGRS_POINTS, hi - points) - least + 1));
    ogrs[i] = o === MAX_OGRS_POINTS ? 100 : 10 * o + Math.floor(rng.uniform() * 10);
  }
}

/** Achieved prevalence among every `stride`-th person, fraction per group (0 community and licence, 1 custody) and area. */
function achieved(s: Uint8Array, groups: Uint8Array, stride: number): Float64Array {
  const count = new Float64Array(2 * AREAS);
  const people = [0, 0];
  for (let i = 0; i < groups.length; i += stride) {
    const g = groups[i] as number;
    people[g] = (people[g] as number) + 1;
    for (let k = 0; k < AREAS; k++) if ((s[i * AREAS + k] as number) > 0) count[g * AREAS + k] = (count[g * AREAS + k] as number) + 1;
  }
  return count.map((c, j) => (people[Math.floor(j / AREAS)] === 0 ? 0 : c / (people[Math.floor(j / AREAS)] as number)));
}

/**
 * Draws needs (and an OGRS score) for people given their change level and case type: each need
 * identified at its prevalence for the case type ({@link NEED_PREVALENCE} by default; licence at the
 * community rates), a share of them severe; then, where the need points cannot give the person's
 * change level under UTM v2 (weights 1, thinking and behaviour and attitudes 2, finance and
 * emotional wellbeing 0; level 3 from 20 points, 2 from 10), weighted needs are lowered or raised in
 * a random order, and the OGRS score is drawn within what lands the change points in the level's
 * band. The draw rates are first recalibrated (target / achieved, a few rounds, each over up to
 * 100,000 people spread evenly over the list) so the prevalence after adjustment meets the targets
 * where the change levels allow it: `prevalence` reports target and achieved over everyone. Same
 * input and seed, same needs.
 *
 * @example
 * ```ts
 * const s = synthesiseNeeds({ changeLevel: Uint8Array.of(3, 1, 2), caseTypeIndex: Uint8Array.of(2, 0, 1), seed: 7 });
 * s.needSeverity.length; // 30: ten need areas a person
 * // person 0 (level 3): need points + floor(OGRS / 10) >= 20; person 1 (level 1): under 10
 * ```
 */
export function synthesiseNeeds(input: SynthesiseNeedsInput): SyntheticNeeds {
  const i = parseInput(synthesiseNeedsInputSchema, input, 'input');
  const n = i.changeLevel.length;
  if (n > MAX_SYNTHETIC_PEOPLE) throw new WorkloadError('INVALID_INPUT', `input.changeLevel: ${n} people, expected at most ${MAX_SYNTHETIC_PEOPLE}`, { path: 'input.changeLevel' });
  if (i.caseTypeIndex.length !== n) throw new WorkloadError('INVALID_INPUT', `input.caseTypeIndex: has ${i.caseTypeIndex.length} entries, expected ${n}`, { path: 'input.caseTypeIndex' });
  for (let p = 0; p < n; p++) {
    const level = i.changeLevel[p] as number;
    const caseType = i.caseTypeIndex[p] as number;
    if (level > 3) throw new WorkloadError('INVALID_INPUT', `input.changeLevel[${p}]: got ${level}, expected a change level 0..3`, { path: `input.changeLevel[${p}]` });
    if (caseType > 2) throw new WorkloadError('INVALID_INPUT', `input.caseTypeIndex[${p}]: got ${caseType}, expected 0..2 (positions in CASE_TYPES)`, { path: `input.caseTypeIndex[${p}]` });
  }
  return synthesiseNeedsUnchecked(i);
}

/** Trusted core of {@link synthesiseNeeds}: parsed input, change levels 0..3 and case types 0..2, at most {@link MAX_SYNTHETIC_PEOPLE}. */
export function synthesiseNeedsUnchecked(i: z.output<typeof synthesiseNeedsInputSchema>): SyntheticNeeds {
  const n = i.changeLevel.length;
  const groups = new Uint8Array(n);
  for (let p = 0; p < n; p++) groups[p] = i.caseTypeIndex[p] === 2 ? 1 : 0;
  const targets = Float64Array.from({ length: 2 * AREAS }, (_, j) => {
    const area = NEED_AREAS[j % AREAS] as NeedArea;
    const t = i.prevalence?.[area] ?? NEED_PREVALENCE[area];
    return (j < AREAS ? t.community : t.custody) / 100;
  });
  const severe = (i.severePercent ?? 33) / 100;
  const rates = targets.slice();
  const needSeverity = new Uint8Array(AREAS * n);
  const ogrs = new Float64Array(n);
  // calibration rounds read every stride-th person (about CALIBRATION_SAMPLE of them, spread over the
  // whole list whatever its order); the final draw covers everyone
  const stride = Math.max(1, Math.floor(n / CALIBRATION_SAMPLE));
  for (let round = 0; round < (i.calibrationRounds ?? 4); round++) {
    draw(i.changeLevel, groups, rates, severe, i.seed, needSeverity, ogrs, stride);
    const got = achieved(needSeverity, groups, stride);
    rates.forEach((rate, j) => {
      const a = got[j] as number;
      rates[j] = a === 0 ? Math.min(1, rate + (targets[j] as number)) : Math.min(1, Math.max(0, (rate * (targets[j] as number)) / a));
    });
  }
  draw(i.changeLevel, groups, rates, severe, i.seed, needSeverity, ogrs, 1);
  const got = achieved(needSeverity, groups, 1);
  const pct = (x: number) => Math.round(x * 10_000) / 100;
  const prevalence = Object.fromEntries(
    NEED_AREAS.map((area, k) => [
      area,
      { community: { target: pct(targets[k] as number), achieved: pct(got[k] as number) }, custody: { target: pct(targets[AREAS + k] as number), achieved: pct(got[AREAS + k] as number) } },
    ]),
  ) as SyntheticNeeds['prevalence'];
  return { needSeverity, ogrs, prevalence };
}
