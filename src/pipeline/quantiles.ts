/**
 * The spread of one figure across Monte Carlo runs, month after month: the mean and type-7
 * quantiles (R's type 7, as simple-statistics' `quantileSorted`) of a sample of fixed size.
 *
 * A month's sample is distributed into equal-width buckets over its range of values (one pass to
 * count, one to place), so every value lands in its sorted position up to order
 * within its bucket; only the few buckets holding an order statistic a quantile reads are then
 * sorted. Linear in the runs with small constants, where selecting each order statistic costs
 * several passes of data-dependent branches; the buffers are allocated once per simulation.
 */

/** The spread of one figure across runs: the mean and the requested quantiles (in `quantiles` order). */
export interface QuantileBand {
  readonly mean: number;
  readonly quantiles: readonly number[];
}

/** Values per bucket, on average. */
const VALUES_PER_BUCKET = 4;

/**
 * One figure of every run in a month, added in run order, with its running sum, least and greatest
 * (kept as the values arrive, so a band needs no pass of its own for them).
 *
 * @example
 * ```ts
 * const sample = new RunSample(3);
 * [4, 1, 5].forEach((x) => sample.add(x));
 * sample.sum; // 10
 * ```
 */
export class RunSample {
  readonly values: Float64Array;
  #count = 0;
  #sum = 0;
  #least = Infinity;
  #greatest = -Infinity;

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  /** The sum of the values added, in the order added. */
  get sum(): number {
    return this.#sum;
  }

  get least(): number {
    return this.#least;
  }

  get greatest(): number {
    return this.#greatest;
  }

  /** Adds the next run's value (finite). */
  add(x: number): void {
    this.values[this.#count] = x;
    this.#count += 1;
    this.#sum += x;
    if (x < this.#least) this.#least = x;
    if (x > this.#greatest) this.#greatest = x;
  }

  /** Empties the sample for the next month. */
  clear(): void {
    this.#count = 0;
    this.#sum = 0;
    this.#least = Infinity;
    this.#greatest = -Infinity;
  }
}

/**
 * Summarises full {@link RunSample}s of `size` values, one after another, as {@link QuantileBand}s
 * at `probabilities` (each 0–1), reusing its buffers.
 *
 * @example
 * ```ts
 * const spread = new QuantileSpread(5, [0.25, 0.5]);
 * const sample = new RunSample(5);
 * [3, 1, 4, 1, 5].forEach((x) => sample.add(x));
 * spread.bandOf(sample); // { mean: 2.8, quantiles: [1, 3] }
 * ```
 */
export class QuantileSpread {
  readonly #probabilities: readonly number[];
  /** The order-statistic indices the quantiles read, ascending. */
  readonly #positions: Int32Array;
  /** The sample in bucket order; once their buckets are sorted, at `positions` the values a full sort puts there. */
  readonly #byBucket: Float64Array;
  /** Each value's bucket. */
  readonly #bucketOf: Int32Array;
  /** Where each bucket starts in `byBucket`, and where the last ends; cursors while placing. */
  readonly #starts: Int32Array;
  /** The bucket (start and end in `byBucket`) of each position. */
  readonly #segmentStart: Int32Array;
  readonly #segmentEnd: Int32Array;

  constructor(size: number, probabilities: readonly number[]) {
    this.#probabilities = probabilities;
    const positions = new Set(probabilities.flatMap((p) => [Math.floor((size - 1) * p), Math.ceil((size - 1) * p)]));
    this.#positions = Int32Array.from([...positions].sort((a, b) => a - b));
    this.#byBucket = new Float64Array(size);
    this.#bucketOf = new Int32Array(size);
    // Buckets 0..buckets, the last holding only the maximum.
    this.#starts = new Int32Array(Math.ceil(size / VALUES_PER_BUCKET) + 2);
    this.#segmentStart = new Int32Array(this.#positions.length);
    this.#segmentEnd = new Int32Array(this.#positions.length);
  }

  /** The mean and quantiles of a full `sample` (whose values are left as they are). */
  bandOf(sample: RunSample): QuantileBand {
    const { values, least, greatest } = sample;
    const mean = sample.sum / values.length;
    if (least === greatest) return { mean, quantiles: this.#probabilities.map(() => least) };
    countBuckets(values, least, greatest, this.#bucketOf, this.#starts);
    accumulate(this.#starts);
    this.#findSegments();
    place(values, this.#bucketOf, this.#starts, this.#byBucket);
    this.#sortSegments();
    return { mean, quantiles: this.#probabilities.map((p) => quantileOfSorted(this.#byBucket, p)) };
  }

  /** The bucket each position falls in: the last whose start is at or before it. */
  #findSegments(): void {
    const starts = this.#starts;
    this.#positions.forEach((k, i) => {
      let low = 0;
      let high = starts.length - 1; // starts[high] > k: it is the size
      while (high - low > 1) {
        const mid = (low + high) >>> 1;
        if ((starts[mid] as number) <= k) low = mid;
        else high = mid;
      }
      this.#segmentStart[i] = starts[low] as number;
      this.#segmentEnd[i] = starts[low + 1] as number;
    });
  }

  /** Sorts each bucket a position falls in, once. */
  #sortSegments(): void {
    let sortedTo = 0;
    for (let i = 0; i < this.#positions.length; i++) {
      const start = this.#segmentStart[i] as number;
      const end = this.#segmentEnd[i] as number;
      if (start < sortedTo) continue;
      this.#byBucket.subarray(start, end).sort();
      sortedTo = end;
    }
  }
}

// Each pass over a sample is a function of one loop with nothing after it but a return: V8 compiles
// a long loop on its first run (on-stack replacement), before the code after it has run, and then
// falls back from that compiled code at the end of every later run too.

/**
 * Each value's bucket of equal width from `min` to `max` into `bucketOf` (monotone in the value, so
 * the buckets are in order; the maximum alone may take the last), and each bucket's count into
 * `counts` at the index after it.
 */
function countBuckets(values: Float64Array, min: number, max: number, bucketOf: Int32Array, counts: Int32Array): void {
  const buckets = counts.length - 2;
  counts.fill(0);
  for (let r = 0; r < values.length; r++) {
    const bucket = Math.floor((((values[r] as number) - min) / (max - min)) * buckets);
    bucketOf[r] = bucket;
    counts[bucket + 1] = (counts[bucket + 1] as number) + 1;
  }
}

/** Running totals in place: counts shifted by one become where each bucket starts. */
function accumulate(counts: Int32Array): void {
  for (let b = 1; b < counts.length; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
}

/** Places each value at its bucket's cursor in `byBucket`, advancing the cursors (`starts`). */
function place(values: Float64Array, bucketOf: Int32Array, starts: Int32Array, byBucket: Float64Array): void {
  for (let r = 0; r < values.length; r++) {
    const bucket = bucketOf[r] as number;
    const at = starts[bucket] as number;
    byBucket[at] = values[r] as number;
    starts[bucket] = at + 1;
  }
}

/** The type-7 quantile at `p` (0–1) of `sorted`, reading only its order statistics at floor and ceil of (n - 1) p, as simple-statistics' `quantileSorted`. */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  const index = (sorted.length - 1) * p;
  const lower = Math.floor(index);
  const below = sorted[lower] as number;
  return index === lower ? below : below + (index - lower) * ((sorted[lower + 1] as number) - below);
}
