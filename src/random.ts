/**
 * Seeded random streams: the only source of randomness in the library. Same seed, same numbers,
 * on every machine. Built on pure-rand's xoroshiro128+, whose `jump` gives independent streams.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { WorkloadError } from './errors.js';

type Generator = ReturnType<typeof xoroshiro128plus>;

/**
 * A seeded stream of random numbers. Mutable by nature (each draw advances it); give each run its
 * own stream with {@link RandomStream.streams}.
 *
 * @example
 * ```ts
 * const rng = new RandomStream(42);
 * rng.uniform(); // a number in [0, 1), the same for seed 42 every time
 * rng.integer(1, 6); // a die roll
 * ```
 */
export class RandomStream {
  readonly #generator: Generator;

  constructor(seed: number | Generator) {
    if (typeof seed === 'number') {
      if (!Number.isSafeInteger(seed)) {
        throw new WorkloadError('INVALID_INPUT', `seed: got ${seed}, expected a whole number`, { path: 'seed' });
      }
      this.#generator = xoroshiro128plus(seed | 0);
    } else {
      this.#generator = seed;
    }
  }

  /**
   * `count` independent streams from one seed (each 2^64 draws apart), for one stream per run.
   *
   * @example
   * ```ts
   * const [a, b] = RandomStream.streams(7, 2);
   * ```
   */
  static streams(seed: number, count: number): RandomStream[] {
    const generator = new RandomStream(seed).#generator;
    const out: RandomStream[] = [];
    for (let i = 0; i < count; i++) {
      out.push(new RandomStream(generator.clone()));
      generator.jump();
    }
    return out;
  }

  /** A number in [0, 1) with 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.#generator);
  }

  /** A whole number in `min..max` inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.uniform() * (max - min + 1));
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Picks an index with probability proportional to `weights` (non-negative, not all 0). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let target = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }
}
