/**
 * Seeded random streams: the only source of randomness in the library. Same seed, same numbers,
 * on every machine. pure-rand's xoroshiro128+, whose `jump` gives independent streams: started from
 * {@link seedState} (the whole seed, well mixed), then stepped here on an `Int32Array` (bit for bit
 * the same numbers as pure-rand's generator and `uniformFloat64`, without boxing 32-bit state in hot loops).
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { WorkloadError } from './errors.js';
import { describeValue as describe } from './validate.js';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** pure-rand's xoroshiro128+ jump polynomial: 2^64 steps ahead. */
const JUMP = [3639956645, 3750757012, 1261568508, 386426335] as const;
/** 2^-26 and 2^-53: two draws of 26 and 27 bits make a 53-bit uniform, as pure-rand's `uniformFloat64`. */
const SCALE_26 = 2 ** -26;
const SCALE_53 = 2 ** -53;

/** The 32-bit finaliser of splitmix32: spreads every input bit over the output. */
function mix32(x: number): number {
  let t = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return t ^ (t >>> 15);
}

/**
 * The xoroshiro128+ state (pure-rand's order) a seed starts from: all 53 bits of the seed, mixed
 * by splitmix32 into four well-spread words. xoroshiro128+ seeded with a small integer directly
 * starts from a state of few set bits, and its first draws are then near 1 whatever the seed.
 *
 * @example
 * ```ts
 * seedState(2021).length; // 4
 * ```
 */
export function seedState(seed: number): number[] {
  const big = BigInt(seed);
  let x = mix32(Number(BigInt.asIntN(32, big)) ^ mix32(Number(BigInt.asIntN(32, big >> 32n)) + 0x9e3779b9));
  const state = Array.from({ length: 4 }, () => {
    x = (x + 0x9e3779b9) | 0;
    return mix32(x);
  });
  if (!state.some((w) => w !== 0)) state[0] = 1;
  return state;
}

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
  /** xoroshiro128+ state in pure-rand's order: s01, s00, s11, s10 (streams share one buffer). */
  #state: Int32Array;

  /** From a seed, or from a pure-rand xoroshiro128+ generator (its state is copied). */
  constructor(seed: number | Generator) {
    if (typeof seed === 'number') {
      this.#state = Int32Array.from(seedState(checkedSeed(seed)));
    } else if (isGenerator(seed)) {
      this.#state = Int32Array.from(seed.getState());
    } else {
      throw new WorkloadError('INVALID_INPUT', `seed: got ${describe(seed)}, expected a whole number or a pure-rand xoroshiro128+ generator`, { path: 'seed' });
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
    const states = jumpedStates(seed, count);
    return Array.from({ length: count }, (_, i) => {
      const stream = new RandomStream(seed);
      stream.#state = states.subarray(4 * i, 4 * i + 4);
      return stream;
    });
  }

  /** A number in [0, 1) with 53 random bits. */
  uniform(): number {
    return uniformAt(this.#state, 0);
  }

  /** A whole number in `min..max` inclusive (both safe integers, `min <= max`, at most 2^53 - 1 apart). */
  integer(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max || max - min >= Number.MAX_SAFE_INTEGER) {
      throw new WorkloadError('INVALID_INPUT', `integer: got ${describe(min)}..${describe(max)}, expected whole numbers min <= max, less than 2^53 apart`, { path: 'min' });
    }
    return min + Math.floor(this.uniform() * (max - min + 1));
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A binomial draw: how many of `n` independent trials succeed, each with probability `p`.
   * Exact in distribution: inversion when `n x min(p, 1 - p) < 10` (a sequential search, or a step
   * or two along a shared {@link BinomialRate}'s tables), otherwise
   * Hörmann's BTRS (transformed rejection with squeeze; W. Hörmann, "The generation of binomial
   * random variates", J. Statist. Comput. Simul. 46, 1993, 101–110), whose acceptance test uses
   * log-factorials accurate to double precision. `p > 0.5` draws the failures instead. Pass a
   * {@link BinomialRate} to draw many times at one probability without preparing it each time.
   *
   * @param n trials, a whole number of 0 or more
   * @param p probability of success of each trial, 0..1
   * @returns successes, a whole number in `0..n`
   * @example
   * ```ts
   * const rng = new RandomStream(42);
   * rng.binomial(1000, 0.074); // leavers among 1,000 officers at 7.4%: about 74
   * ```
   */
  binomial(n: number, p: number | BinomialRate): number {
    return binomialAt(this.#state, 0, checkedTrials(n), rateOf(p));
  }

  /**
   * How much of an `amount` an event takes when each whole unit is taken independently with
   * probability `p` and a fractional remainder is taken whole with probability `p`: binomial thinning
   * extended to amounts such as part-time FTE, with expectation exactly `amount x p`. A whole amount
   * draws just as {@link RandomStream.binomial} does.
   *
   * @param amount units, 0 or more (need not be whole)
   * @param p probability each unit is taken, 0..1
   * @example
   * ```ts
   * const rng = new RandomStream(42);
   * rng.thinned(228.5, 0.0064); // a whole number of the 228, plus 0.5 if the part-time remainder leaves too
   * ```
   */
  thinned(amount: number, p: number | BinomialRate): number {
    if (typeof amount !== 'number' || !(amount >= 0 && amount <= Number.MAX_SAFE_INTEGER)) {
      throw new WorkloadError('INVALID_INPUT', `amount: got ${describe(amount)}, expected an amount of 0 or more`, { path: 'amount' });
    }
    return thinnedAt(this.#state, 0, amount, rateOf(p));
  }

  /**
   * A function drawing binomial(n, p) for any `n` with one fixed `p`, as {@link RandomStream.binomial}
   * does with a {@link BinomialRate}. Draws advance this stream.
   *
   * @param p probability of success of each trial, 0..1
   * @example
   * ```ts
   * const rng = new RandomStream(42);
   * const leavers = rng.binomialSampler(0.0064); // 0.64% a month
   * leavers(4418) + leavers(250); // leavers from two groups, about 28 + 2
   * ```
   */
  binomialSampler(p: number): (n: number) => number {
    const rate = new BinomialRate(p);
    return (n) => this.binomial(n, rate);
  }

  /**
   * A function thinning any amount at one fixed `p`, as {@link RandomStream.thinned} does with a
   * {@link BinomialRate}. Draws advance this stream.
   *
   * @param p probability each unit is taken, 0..1
   * @example
   * ```ts
   * const rng = new RandomStream(42);
   * const leavers = rng.thinningSampler(0.0064);
   * leavers(228.5); // a whole number of the 228, plus 0.5 if the part-time remainder leaves too
   * ```
   */
  thinningSampler(p: number): (amount: number) => number {
    const rate = new BinomialRate(p);
    return (amount) => this.thinned(amount, rate);
  }

  /** Picks an index with probability proportional to `weights` (finite, non-negative, summing to a positive finite total). */
  weightedIndex(weights: readonly number[]): number {
    if (!Array.isArray(weights)) {
      throw new WorkloadError('INVALID_INPUT', `weights: got ${describe(weights)}, expected an array of weights`, { path: 'weights' });
    }
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w: unknown = weights[i];
      if (typeof w !== 'number' || !(w >= 0 && w <= Number.MAX_VALUE)) {
        throw new WorkloadError('INVALID_INPUT', `weights[${i}]: got ${describe(w)}, expected a finite weight of 0 or more`, { path: `weights[${i}]` });
      }
      total += w;
    }
    if (!(total > 0 && total <= Number.MAX_VALUE)) {
      throw new WorkloadError('INVALID_INPUT', `weights: expected weights summing to a positive, finite total (got ${total})`, { path: 'weights' });
    }
    let target = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * The states of `count` streams from one seed, each 2^64 draws after the last, in one buffer (four
 * words a stream): no ArrayBuffer per run for the garbage collector to track.
 */
function jumpedStates(seed: number, count: number): Int32Array {
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_STREAMS) {
    throw new WorkloadError('INVALID_INPUT', `count: got ${describe(count)}, expected a whole number of streams from 0 to ${MAX_STREAMS}`, { path: 'count' });
  }
  const source = Int32Array.from(seedState(checkedSeed(seed)));
  const states = new Int32Array(4 * count);
  for (let i = 0; i < count; i++) {
    states.set(source, 4 * i);
    jumpAt(source, 0);
  }
  return states;
}

/**
 * The streams {@link RandomStream.streams} gives, drawn by index from one buffer: a Monte Carlo's
 * runs without an object per run, and without the checks of every argument a stream makes on each
 * draw (a kernel's rates are {@link BinomialRate}s made, and so checked, once). Stream `i` draws the
 * same numbers as `RandomStream.streams(seed, count)[i]`.
 *
 * @example
 * ```ts
 * const bank = new StreamBank(7, 2);
 * bank.uniform(1) === RandomStream.streams(7, 2)[1]?.uniform(); // true
 * bank.thinned(0, 228.5, new BinomialRate(0.0064)); // as RandomStream's thinned, on stream 0
 * ```
 */
export class StreamBank {
  readonly count: number;
  readonly #states: Int32Array;

  /** `count` streams (0 to 2^24) from a whole-number `seed`. */
  constructor(seed: number, count: number) {
    this.#states = jumpedStates(seed, count);
    this.count = count;
  }

  /** Stream `i`'s next number in [0, 1) (`i` from 0 below `count`, unchecked). */
  uniform(i: number): number {
    return uniformAt(this.#states, 4 * i);
  }

  /** {@link RandomStream.thinned} on stream `i`, trusting `amount` to be 0 or more and at most 2^53 - 1 (unchecked). */
  thinned(i: number, amount: number, rate: BinomialRate): number {
    return thinnedAt(this.#states, 4 * i, amount, rate);
  }
}

// The generator and the binomial draws, on the four state words at `at` of `state`: one stream's
// own buffer (at 0), or a StreamBank's buffer of many.

/** The next 32 random bits as a signed integer (pure-rand's `next`). */
function nextAt(state: Int32Array, at: number): number {
  const s01 = state[at] as number;
  const s00 = state[at + 1] as number;
  const s11 = state[at + 2] as number;
  const s10 = state[at + 3] as number;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  state[at + 1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  state[at] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  state[at + 3] = (a1 << 5) ^ (a0 >>> 27);
  state[at + 2] = (a0 << 5) ^ (a1 >>> 27);
  return (s00 + s10) | 0;
}

/** Advances the state 2^64 steps (pure-rand's `jump`). */
function jumpAt(state: Int32Array, at: number): void {
  const next = new Int32Array(4);
  for (const word of JUMP) {
    for (let mask = 1; mask !== 0; mask <<= 1) {
      if (word & mask) for (let i = 0; i < 4; i++) next[i] = (next[i] as number) ^ (state[at + i] as number);
      nextAt(state, at);
    }
  }
  state.set(next, at);
}

/** A number in [0, 1) with 53 random bits. */
function uniformAt(state: Int32Array, at: number): number {
  // Two steps of nextAt with the state in locals: read and written once, not twice.
  const s01 = state[at] as number;
  const s00 = state[at + 1] as number;
  const s11 = state[at + 2] as number;
  const s10 = state[at + 3] as number;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  const t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  const t01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  const t10 = (a1 << 5) ^ (a0 >>> 27);
  const t11 = (a0 << 5) ^ (a1 >>> 27);
  const b0 = t10 ^ t00;
  const b1 = t11 ^ t01;
  state[at + 1] = (t00 << 24) ^ (t01 >>> 8) ^ b0 ^ (b0 << 16);
  state[at] = (t01 << 24) ^ (t00 >>> 8) ^ b1 ^ ((b1 << 16) | (b0 >>> 16));
  state[at + 3] = (b1 << 5) ^ (b0 >>> 27);
  state[at + 2] = (b0 << 5) ^ (b1 >>> 27);
  const high = ((s00 + s10) | 0) & 0x3ffffff;
  const low = ((t00 + t10) | 0) & 0x7ffffff;
  return high * SCALE_26 + low * SCALE_53;
}

/** {@link RandomStream.thinned} of a checked `amount` (0 or more, safe). */
function thinnedAt(state: Int32Array, at: number, amount: number, rate: BinomialRate): number {
  const whole = Math.floor(amount);
  const taken = binomialAt(state, at, whole, rate);
  return amount > whole && uniformAt(state, at) < rate.probability ? taken + (amount - whole) : taken;
}

/** Binomial(n, c) for a whole n >= 0: inversion below a mean of 10 on the side drawn, BTRS from there. */
function binomialAt(state: Int32Array, at: number, n: number, c: BinomialRate): number {
  const k = n === 0 || c.p === 0 ? 0 : n * c.p < INVERSION_MEAN_LIMIT ? inversionAt(state, at, n, c) : rejectionAt(state, at, n, c);
  return c.flipped ? n - k : k;
}

/**
 * Inversion: the least k whose cumulative probability exceeds a uniform draw. From the shared
 * rate's table for `n` when it has one, otherwise by sequential search from 0 (the same k for the
 * same draw, up to rounding).
 */
function inversionAt(state: Int32Array, at: number, n: number, c: BinomialRate): number {
  const tables = c.inversion;
  return tables !== undefined && n < tables.trials ? tableSearchAt(state, at, tables, n) : sequentialSearchAt(state, at, n, c);
}

/** Sequential search from 0, restarting in the rare case rounding runs past `n`. */
function sequentialSearchAt(state: Int32Array, at: number, n: number, c: BinomialRate): number {
  const a = (n + 1) * c.odds;
  const atZero = Math.exp(n * c.logQ);
  for (;;) {
    let u = uniformAt(state, at);
    let mass = atZero;
    let k = 0;
    while (u >= mass && k <= n) {
      u -= mass;
      k += 1;
      mass *= a / k - c.odds;
    }
    if (k <= n) return k;
  }
}

/** Inversion by table, restarting in the rare case rounding leaves the draw past the table's end. */
function tableSearchAt(state: Int32Array, at: number, tables: InversionTables, n: number): number {
  for (;;) {
    const k = tables.inverse(n, uniformAt(state, at));
    if (k >= 0) return k;
  }
}

/** BTRS for `p <= 0.5` and `n x p >= 10` (Hörmann 1993, algorithm BTRS). */
function rejectionAt(state: Int32Array, at: number, n: number, c: BinomialRate): number {
  const { p, q } = c;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const centre = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const mode = Math.floor((n + 1) * p);
  for (;;) {
    const u = uniformAt(state, at) - 0.5;
    const v = uniformAt(state, at);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + centre);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    if (withinPmfRatio(logV, n, k, mode, c.logOdds)) return k;
  }
}

/** Binomial draws with `n x min(p, 1 - p)` below this use inversion; at or above, BTRS. */
const INVERSION_MEAN_LIMIT = 10;
/** A shared rate tables inversion for fewer trials than this (and n x p below INVERSION_MEAN_LIMIT). */
const TABLED_TRIALS_LIMIT = 4096;
/** An inversion table ends once past the mode a probability falls below this: beyond a 53-bit uniform's reach. */
const NEGLIGIBLE_PROBABILITY = 2 ** -64;
/** Entries a table may take: with a mean below 10, P(X = k) is below NEGLIGIBLE_PROBABILITY well before k = 64. */
const TABLE_STRIDE = 64;

/**
 * Binomial(n, p) inversion tabled for every `n` below `trials`, each n's table built on first use:
 * the cumulative probabilities P(X <= k) from k = 0 while they can matter, and a guide (Chen and
 * Asau) whose entry j is the least k with P(X <= k) above j / length, so that a draw starts a step or
 * two from its answer. Flat typed arrays with a row per n: a draw reads two nearby rows, not objects
 * scattered over the heap.
 *
 * @example
 * ```ts
 * const tables = new InversionTables(new BinomialRate(0.0087), 1000);
 * tables.inverse(500, 0.01); // 0: P(none of 500 drop out) = 0.9913^500 = 0.0127 exceeds 0.01
 * tables.inverse(500, 0.5); // 4, the median
 * ```
 */
export class InversionTables {
  /** Tables exist for fewer trials than this. */
  readonly trials: number;
  readonly #rate: BinomialRate;
  /** Each n's table length, 0 until built. */
  readonly #lengths: Int32Array;
  readonly #cumulative: Float64Array;
  readonly #guide: Int32Array;

  /**
   * @param rate the probability (inversion draws the side `rate.p`)
   * @param trials tables for n below this, where n x rate.p is below 10
   */
  constructor(rate: BinomialRate, trials: number) {
    this.trials = trials;
    this.#rate = rate;
    this.#lengths = new Int32Array(trials);
    this.#cumulative = new Float64Array(trials * TABLE_STRIDE);
    this.#guide = new Int32Array(trials * TABLE_STRIDE);
  }

  /**
   * The least k with `u` below P(X <= k) among `n` trials (n below `trials`), for `u` in [0, 1);
   * -1 in the rare case rounding leaves `u` at or past the last cumulative probability.
   */
  inverse(n: number, u: number): number {
    const length = this.#lengths[n] || this.#build(n);
    const row = n * TABLE_STRIDE;
    const cumulative = this.#cumulative;
    let k = this.#guide[row + Math.floor(u * length)] as number;
    while (k > 0 && u < (cumulative[row + k - 1] as number)) k -= 1;
    while (k < length && u >= (cumulative[row + k] as number)) k += 1;
    return k < length ? k : -1;
  }

  /** Builds the table for `n` from the probabilities' ratio recurrence (as the sequential search computes them); returns its length. */
  #build(n: number): number {
    const c = this.#rate;
    const row = n * TABLE_STRIDE;
    const cumulative = this.#cumulative;
    const a = (n + 1) * c.odds;
    const mode = Math.floor((n + 1) * c.p);
    let mass = Math.exp(n * c.logQ);
    let total = 0;
    let length = 0;
    while (length <= n && length < TABLE_STRIDE) {
      total += mass;
      cumulative[row + length] = total;
      length += 1;
      if (total >= 1 || (length > mode + 1 && mass < NEGLIGIBLE_PROBABILITY)) break;
      mass *= a / length - c.odds;
    }
    let k = 0;
    for (let j = 0; j < length; j++) {
      while (k < length - 1 && (cumulative[row + k] as number) <= j / length) k += 1;
      this.#guide[row + j] = k;
    }
    this.#lengths[n] = length;
    return length;
  }
}

/**
 * A probability of success prepared for binomial draws ({@link RandomStream.binomial},
 * {@link RandomStream.thinned}), its constants computed once. A `shared` rate, drawn at by many
 * streams (the runs of a Monte Carlo at one rate), also tables inversion for each number of trials
 * it draws from: the cumulative probabilities once, then a draw is a step or two along them instead
 * of a search computing each probability. A rate of one run's own is better without: thousands of
 * tables would be built for a few draws each, and would not stay in the cache.
 *
 * @example
 * ```ts
 * const leaving = new BinomialRate(0.0064, { shared: true }); // 0.64% a month, for every run
 * const runs = RandomStream.streams(7, 2);
 * runs.map((run) => run.binomial(4418, leaving)); // leavers in each of two runs, about 28 each
 * ```
 */
export class BinomialRate {
  /** The probability as given, 0..1. */
  readonly probability: number;
  /** min(probability, 1 - probability): the side drawn; `flipped` when that is the failures. */
  readonly p: number;
  readonly q: number;
  readonly flipped: boolean;
  /** p / q. */
  readonly odds: number;
  /** ln q. */
  readonly logQ: number;
  /** ln(p / q). */
  readonly logOdds: number;
  /** A shared rate's inversion tables; undefined when not shared. */
  readonly inversion: InversionTables | undefined;

  /**
   * @param probability of success of each trial, 0..1
   * @param options `shared`: many streams will draw at this rate (default false)
   */
  constructor(probability: number, options: { readonly shared?: boolean } = {}) {
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
      throw new WorkloadError('INVALID_INPUT', `p: got ${describe(probability)}, expected a probability from 0 to 1`, { path: 'p' });
    }
    if (typeof options !== 'object' || options === null || (options.shared !== undefined && typeof options.shared !== 'boolean')) {
      throw new WorkloadError('INVALID_INPUT', 'options.shared: expected true or false', { path: 'options.shared' });
    }
    // + 0 turns -0 into 0, so no -0 is echoed back (nor tables sized from 1 / -0).
    this.probability = probability + 0;
    this.flipped = this.probability > 0.5;
    this.p = this.flipped ? 1 - this.probability : this.probability;
    this.q = 1 - this.p;
    this.odds = this.p / this.q;
    this.logQ = Math.log1p(-this.p);
    this.logOdds = Math.log(this.odds);
    const tabled = Math.min(TABLED_TRIALS_LIMIT, Math.ceil(INVERSION_MEAN_LIMIT / this.p));
    this.inversion = options.shared === true ? new InversionTables(this, tabled) : undefined;
  }

}

/** `p` prepared for drawing: as given when already a {@link BinomialRate}; anything else but a number is refused. */
function rateOf(p: number | BinomialRate): BinomialRate {
  if (p instanceof BinomialRate) return p;
  return new BinomialRate(p);
}

/** Streams {@link RandomStream.streams} makes at most in one call (16 bytes of state each). */
const MAX_STREAMS = 2 ** 24;

function checkedSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) {
    throw new WorkloadError('INVALID_INPUT', `seed: got ${describe(seed)}, expected a whole number`, { path: 'seed' });
  }
  return seed;
}

function checkedTrials(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new WorkloadError('INVALID_INPUT', `n: got ${describe(n)}, expected a whole number of trials, 0 or more`, { path: 'n' });
  }
  return n;
}

/** Whether `value` looks like a pure-rand generator whose state can be copied (four 32-bit words). */
function isGenerator(value: unknown): value is Generator {
  if (typeof value !== 'object' || value === null || typeof (value as { getState?: unknown }).getState !== 'function') return false;
  const state: unknown = (value as Generator).getState();
  return Array.isArray(state) && state.length === 4 && state.every((w) => Number.isInteger(w)) && state.some((w) => w !== 0);
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** ln(k!) below this size comes from a table of summed logarithms; above, from Stirling's series. */
const LOG_FACTORIAL_SUM_SIZE = 256;
/**
 * ln(k!) for k below 2^14 (beyond a national stock of officers), tabled once, as BTRS reads up to
 * four a draw: summed logarithms below 256, Stirling's series from there.
 */
const LOG_FACTORIAL_TABLE = ((): Float64Array => {
  const table = new Float64Array(2 ** 14);
  for (let k = 1; k < LOG_FACTORIAL_SUM_SIZE; k++) table[k] = (table[k - 1] as number) + Math.log(k);
  for (let k = LOG_FACTORIAL_SUM_SIZE; k < table.length; k++) table[k] = stirlingLogFactorial(k);
  return table;
})();

/** BTRS's acceptance test: whether `logV` is at most ln(f(k) / f(mode)) for the binomial(n, p) pmf f, from log-factorials and ln(p / q). */
function withinPmfRatio(logV: number, n: number, k: number, mode: number, logOdds: number): boolean {
  return logV <= logFactorial(mode) + logFactorial(n - mode) - logFactorial(k) - logFactorial(n - k) + (k - mode) * logOdds;
}

/** ln(k!) for a whole number k >= 0 (beyond the table, a read past its end is undefined). Kept tiny so V8 always inlines it. */
function logFactorial(k: number): number {
  return LOG_FACTORIAL_TABLE[k] ?? stirlingLogFactorial(k);
}

/** ln(k!) by Stirling's series with three correction terms: truncation error under 1e-19 for k >= 256, well below double rounding. */
function stirlingLogFactorial(k: number): number {
  const inv = 1 / k;
  const inv2 = inv * inv;
  return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
