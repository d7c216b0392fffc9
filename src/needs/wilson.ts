/**
 * Wilson score intervals for a proportion: the interval prevalence figures are published with,
 * well behaved at 0 and at 100% and for small groups (unlike the normal approximation).
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { countSchema, parseInput } from '../validate.js';

/** The standard normal quantile of 97.5%: a 95% two-sided interval. */
export const Z_95 = 1.959963984540054;

/** A proportion with its Wilson 95% score interval, each a fraction 0–1. */
export interface ProportionInterval {
  /** Fraction 0–1: successes / trials. */
  readonly proportion: number;
  /** Fraction 0–1: lower end of the 95% interval (never above `proportion`). */
  readonly lower: number;
  /** Fraction 0–1: upper end of the 95% interval (never below `proportion`). */
  readonly upper: number;
}

/**
 * Trusted core: the proportion and its Wilson interval, for whole `successes` ≤ `trials`, `trials` ≥ 1.
 * Ends are clamped to [0, 1] and to either side of the proportion against rounding in doubles.
 */
export function wilsonCore(successes: number, trials: number, z = Z_95): ProportionInterval {
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  return { proportion: p, lower: Math.min(p, Math.max(0, centre - half)), upper: Math.max(p, Math.min(1, centre + half)) };
}

const wilsonInputSchema = z.strictObject({ successes: countSchema, trials: countSchema.min(1, 'expected at least one trial') });

/**
 * The Wilson 95% score interval of a proportion `successes / trials`, as fractions 0–1.
 *
 * @param successes people with the need (a whole count)
 * @param trials people in the group (a whole count, at least 1 and at least `successes`)
 * @example
 * ```ts
 * // 2 of 5: p = 0.4; z = 1.96, z²/n = 0.768: centre (0.4 + 0.384) / 1.768 = 0.4434,
 * // half 1.96 / 1.768 x sqrt(0.048 + 0.0384) = 0.3259: [0.1176, 0.7693]
 * wilsonInterval(2, 5); // { proportion: 0.4, lower: 0.1176…, upper: 0.7692… }
 * ```
 */
export function wilsonInterval(successes: number, trials: number): ProportionInterval {
  const i = parseInput(wilsonInputSchema, { successes, trials }, '');
  if (i.successes > i.trials) throw new WorkloadError('INVALID_INPUT', `successes: ${i.successes} is more than the ${i.trials} trials`, { path: 'successes' });
  return wilsonCore(i.successes, i.trials);
}
