/** Draws of new demand for the Monte Carlo: Poisson, and negative binomial as a gamma mixture of Poissons. */
import type { RandomStream } from '../random.js';

/** Largest mean drawn by one inversion (e^-30 is far from underflow); larger means are sums of such draws. */
export const POISSON_CHUNK = 30;

/**
 * A Poisson draw of mean `mean` (0 or more): inversion of one uniform by sequential search of the
 * cumulative distribution (the probabilities built up by p(k) = p(k - 1) x mean / k), over chunks of
 * at most 30 (a sum of Poissons is Poisson); stops where the probabilities underflow.
 *
 * @example
 * ```ts
 * poisson(new RandomStream(1), 0); // 0
 * ```
 */
export function poisson(rng: RandomStream, mean: number): number {
  let count = 0;
  let left = mean;
  while (left > 0) {
    const chunk = Math.min(left, POISSON_CHUNK);
    left -= chunk;
    count += poissonChunk(rng, chunk, Math.exp(-chunk));
  }
  return count;
}

/**
 * One inversion of {@link poisson} for a mean of at most 30, given e^-mean (so a caller drawing at one
 * mean many times works it out once).
 *
 * @example
 * ```ts
 * poissonChunk(new RandomStream(1), 2, Math.exp(-2)); // a draw of mean 2
 * ```
 */
export function poissonChunk(rng: RandomStream, mean: number, zeroChance: number): number {
  const u = rng.uniform();
  let p = zeroChance;
  let cumulative = p;
  let k = 0;
  while (u >= cumulative && p > 0) {
    k += 1;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

/**
 * A gamma draw of shape `shape` (> 0) and scale 1: Marsaglia and Tsang's method ("A simple method for
 * generating gamma variables", ACM TOMS 26, 2000), shapes below 1 boosted by U^(1/shape).
 */
function gamma(rng: RandomStream, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * (1 - rng.uniform()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng.uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * A negative binomial draw of mean `mean` and size `dispersion` (variance mean + mean² / dispersion):
 * a Poisson whose mean is gamma-distributed with shape `dispersion` and mean `mean`.
 *
 * @example
 * ```ts
 * negativeBinomial(new RandomStream(1), 0, 2); // 0
 * ```
 */
export function negativeBinomial(rng: RandomStream, mean: number, dispersion: number): number {
  if (mean === 0) return 0;
  return poisson(rng, (gamma(rng, dispersion) * mean) / dispersion);
}

/** Slices of the uniform in an {@link AliasTable}'s guide (1 KB a table: in a core's cache while one table is drawn). */
const GUIDE_SLOTS = 1024;
/** A guide slice whose draw depends on where in the slice the uniform falls (also why only tables of fewer values get a guide). */
const MIXED = 255;

/**
 * Draws from a distribution over 0..n-1 (the weights `pmf`, scaled to sum to 1) from one uniform
 * each, by Walker's alias method: O(1) a draw, for a Monte Carlo that draws the same distribution
 * many times. A table of fewer than 255 values also has a guide that settles most draws without the
 * alias test.
 *
 * @example
 * ```ts
 * new AliasTable([0, 1, 0]).draw(new RandomStream(1)); // 1
 * ```
 */
export class AliasTable {
  // Plain (not #private) fields: a draw reads them tens of millions of times in the national Monte Carlo, and V8 reads plain fields faster.
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;
  private readonly size: number;
  /** For each of {@link GUIDE_SLOTS} equal slices of the uniform, the draw it always gives, or {@link MIXED}. */
  private readonly guide: Uint8Array;

  constructor(pmf: ArrayLike<number>) {
    const n = pmf.length;
    let total = 0;
    for (let k = 0; k < n; k++) total += pmf[k] as number;
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = Array.from(pmf, (x) => (x * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((x, k) => (x < 1 ? small : large).push(k));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large[large.length - 1] as number;
      this.prob[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      if ((scaled[l] as number) < 1) small.push(large.pop() as number);
    }
    for (const k of [...small, ...large]) {
      this.prob[k] = 1;
      this.alias[k] = k;
    }
    this.guide = new Uint8Array(GUIDE_SLOTS).fill(MIXED);
    // A uniform u in [b, b + 1) / GUIDE_SLOTS gives u x size in [lo, hi] (both exact: a power of two
    // and a small whole number; rounding is monotone), so one column k and one side of its threshold
    // for the whole slice when lo and hi agree: the slice's draw is then known without the uniform.
    for (let b = 0; n < MIXED && b < GUIDE_SLOTS; b++) {
      const lo = (b / GUIDE_SLOTS) * n;
      const hi = ((b + 1) / GUIDE_SLOTS) * n;
      const k = Math.floor(lo);
      if (Math.floor(hi) !== k || hi === Math.floor(hi)) continue;
      const threshold = this.prob[k] as number;
      if (hi - k < threshold) this.guide[b] = k;
      else if (lo - k >= threshold) this.guide[b] = this.alias[k] as number;
    }
  }

  /** One draw: by the guide where the uniform's slice settles it (the same draw as the full test), else the alias test. */
  draw(rng: RandomStream): number {
    const x = rng.uniform();
    const known = this.guide[(x * GUIDE_SLOTS) | 0] as number;
    if (known !== MIXED) return known;
    const u = x * this.size;
    const k = Math.floor(u);
    return u - k < (this.prob[k] as number) ? k : (this.alias[k] as number);
  }
}

/**
 * Poisson draws of one mean (at most {@link POISSON_CHUNK}): an {@link AliasTable} over the
 * probabilities 0..K, where K is the first count past the mean whose upper tail is below 1e-15
 * (that tail is left out and the rest scaled to 1).
 *
 * @example
 * ```ts
 * new PoissonTable(2).draw(new RandomStream(1)); // a draw of mean 2
 * ```
 */
export class PoissonTable extends AliasTable {
  constructor(mean: number) {
    const pmf: number[] = [];
    let p = Math.exp(-mean);
    let cumulative = 0;
    for (let k = 0; ; k++) {
      if (k > 0) p *= mean / k;
      pmf.push(p);
      cumulative += p;
      if ((k > mean && 1 - cumulative < 1e-15) || (k > mean && p === 0)) break;
    }
    super(pmf);
  }
}

/** Largest total mean of a {@link compoundPoisson} (e^-700 is a normal double, e^-746 is 0). */
const COMPOUND_MEAN_LIMIT = 700;
/** Most values a {@link compoundPoisson} distribution may have (a table of 65,536 is 768 KB). */
const COMPOUND_SIZE_LIMIT = 65_536;
/** A probability below this share of the largest is tail: past the mean, once a whole step of the lattice is tail, the rest is left out. */
const COMPOUND_TAIL = 1e-17;

/** A distribution on the multiples of `unit`: `pmf[s]` is the chance of `s x unit`. */
export interface LatticeDistribution {
  readonly unit: number;
  readonly pmf: Float64Array;
}

/**
 * The distribution of the sum of independent Poisson counts times whole weights, `sum of n_k x
 * weight_k` with `n_k` Poisson of mean `means[k]` (a compound Poisson), on the multiples of the
 * weights' greatest common divisor, by Panjer's recursion: P(0) = e^-λ, P(s) = (1/s) sum of
 * means[k] x j_k x P(s - j_k), with j_k = weight_k / unit. Weights of 0 add nothing and are left
 * out. `null` when a weight is not a whole number, the total mean is above 700 or the distribution
 * would have more than {@link COMPOUND_SIZE_LIMIT} values.
 *
 * @example
 * ```ts
 * // one case of 47 points a week on average (4,700 hundredths): 0, 4,700, 9,400... with Poisson(1) chances
 * compoundPoisson([1], [4700])?.unit; // 4700
 * ```
 */
export function compoundPoisson(means: readonly number[], weights: readonly number[]): LatticeDistribution | null {
  let unit = 0;
  let lambda = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k] as number;
    if (!Number.isSafeInteger(w) || w < 0) return null;
    if (w === 0 || (means[k] as number) === 0) continue;
    lambda += means[k] as number;
    let a = unit;
    let b = w;
    while (b !== 0) [a, b] = [b, a % b];
    unit = a;
  }
  if (lambda > COMPOUND_MEAN_LIMIT) return null;
  if (unit === 0) return { unit: 1, pmf: Float64Array.of(1) };
  const steps: number[] = [];
  const rates: number[] = [];
  let mean = 0;
  let longest = 0;
  weights.forEach((w, k) => {
    if (w === 0 || (means[k] as number) === 0) return;
    const j = w / unit;
    steps.push(j);
    rates.push((means[k] as number) * j);
    mean += (means[k] as number) * j;
    longest = Math.max(longest, j);
  });
  const pmf = new Float64Array(COMPOUND_SIZE_LIMIT);
  pmf[0] = Math.exp(-lambda);
  let peak = pmf[0] as number;
  let lastBig = 0;
  for (let s = 1; s < COMPOUND_SIZE_LIMIT; s++) {
    let p = 0;
    for (let k = 0; k < steps.length; k++) if ((steps[k] as number) <= s) p += (rates[k] as number) * (pmf[s - (steps[k] as number)] as number);
    p /= s;
    pmf[s] = p;
    if (p > peak) peak = p;
    if (p >= COMPOUND_TAIL * peak) lastBig = s;
    else if (s > mean && s - lastBig > longest) return { unit, pmf: pmf.slice(0, lastBig + 1) };
  }
  return null;
}

/** Largest table of a {@link Geometric}: 4,096 counts (32 KB). */
const GEOMETRIC_TABLE_LIMIT = 4096;
/** Guide slices a count of a {@link Geometric}'s table: a uniform then falls in a slice holding a count's boundary about 1 time in 8. */
const GEOMETRIC_GUIDE_PER_COUNT = 8;
/** Most guide slices of a {@link Geometric} (32 KB). */
const GEOMETRIC_GUIDE_LIMIT = 8192;
/**
 * Least chance of a {@link Geometric}: near 10^-16, 1 - q rounds to 1 and every skip is infinite or NaN, and
 * near 10^-305 its guide's scale overflows. The options refuse chances below 10^-9 (`MIN_CHANCE`), so
 * every chance worked out from them is far above this.
 */
const GEOMETRIC_LEAST_CHANCE = 1e-15;

/**
 * Geometric draws: the number of misses before the first hit, each try a hit with chance `q`
 * (10^-15 <= q <= 1), P(X <= k) = 1 - (1 - q)^(k + 1). By inversion of one uniform through a table of the
 * first counts (to a tail of e^-8, or `counts` when given) with a guide over the uniforms the table
 * covers, so most draws take no logarithm and a step or none; beyond the table, floor(log(1 - u) / log(1 - q)).
 *
 * @example
 * ```ts
 * new Geometric(0.5).inverse(0.6); // 1 (P(X <= 0) = 0.5, P(X <= 1) = 0.75)
 * ```
 */
export class Geometric {
  private readonly logMiss: number;
  /** `cumulative[k]` = P(X <= k). */
  private readonly cumulative: Float64Array;
  /** Uniforms below it are inverted by the table. */
  private readonly covered: number;
  /** Guide slices per unit of the uniform: a uniform `u` below `covered` is in slice `floor(u x scale)`. */
  private readonly scale: number;
  /** For each slice of the uniforms below `covered`, the least count a uniform in it can give. */
  private readonly guide: Int32Array;

  constructor(q: number, counts = Math.ceil(8 / -Math.log1p(-q))) {
    if (!(q >= GEOMETRIC_LEAST_CHANCE && q <= 1)) throw new RangeError(`Geometric: expected a chance of ${GEOMETRIC_LEAST_CHANCE} to 1, got ${q}`);
    this.logMiss = Math.log1p(-q);
    const K = Math.max(1, Math.min(counts, GEOMETRIC_TABLE_LIMIT));
    this.cumulative = Float64Array.from({ length: K }, (_, k) => -Math.expm1((k + 1) * this.logMiss));
    this.covered = this.cumulative[K - 1] as number;
    const slices = Math.min(GEOMETRIC_GUIDE_PER_COUNT * K, GEOMETRIC_GUIDE_LIMIT);
    this.scale = slices / this.covered;
    // Slice g's least count is the first k whose cumulative chance is itself in slice g or later: a smaller one's slice is
    // below g, so (rounding being monotone) it is below every uniform in g. The slice of u = covered is past the end.
    this.guide = new Int32Array(slices + 1);
    for (let g = 0, k = 0; g < this.guide.length; g++) {
      while (k < K - 1 && Math.floor((this.cumulative[k] as number) * this.scale) < g) k++;
      this.guide[g] = k;
    }
  }

  /** The count whose cumulative chance is the first above `u` (0 <= u < 1). */
  inverse(u: number): number {
    if (u >= this.covered) return Math.floor(Math.log(1 - u) / this.logMiss);
    let k = this.guide[Math.floor(u * this.scale)] as number;
    while ((this.cumulative[k] as number) <= u) k++;
    return k;
  }

  /** One draw. */
  draw(rng: RandomStream): number {
    return this.inverse(rng.uniform());
  }
}
