/**
 * The Monte Carlo's bands: the mean and type-7 quantiles (R's type 7) of each unit-week's capacity %
 * across runs. The runs' samples are kept as Float32 in blocks of units ({@link RunSamples}): for
 * each week and block, the runs one after another, each a row of the block's units side by side, so
 * a block's runs are one stretch of memory, read in order. Runs are added a whole run at a time and
 * written out a chunk of runs at a time (each block's rows of a chunk about a page), which also
 * gives each unit-week's sum (in run order), least and greatest. Then two passes over a block: its
 * values counted into equal-width buckets over each unit's range; and only the values of the
 * buckets an order statistic falls in kept, which are then sorted. Exact: the same figures as
 * sorting every unit-week's runs.
 */

/** A unit-week's runs counted into `ceil(runs / 4)` buckets (plus one for the greatest). */
const VALUES_PER_BUCKET = 4;
/** Most bucket counts a block holds at once (1 MB of Int32), so a block's counts stay in cache. */
const BLOCK_COUNTS = 2 ** 18;
/** Most units in a block: a block's rows are 64 Float32 side by side (four cache lines). */
const BLOCK_UNITS = 64;
/** Float32 in a page (4 KB): a chunk of runs fills about a page of each block. */
const PAGE_VALUES = 1024;

/**
 * Every run's value of every unit-week, in blocks of {@link RunSamples.block} units: week `w`, block
 * from unit `u0` (of `size` units) holds run `r`'s values at `(w x units + u0) x runs + r x size`
 * onwards ({@link RunSamples.rowAt}). Runs are added in order, each as a row of all its
 * unit-weeks ({@link RunSamples.nextRow}, {@link RunSamples.add}), and staged until a chunk of them
 * is written out: a run written alone would touch each of the `weeks x units / block` blocks (901
 * pages in the national bench) for one row each.
 */
export class RunSamples {
  readonly values: Float32Array;
  readonly block: number;
  /** Runs staged before they are written out (each block's rows of a chunk fill about a page). */
  readonly chunk: number;
  /** Each unit-week's sum over the runs written, in run order: `weeks x units`, week-major. */
  readonly sum: Float64Array;
  /** Each unit-week's least value over the runs written. */
  readonly low: Float64Array;
  /** Each unit-week's greatest value over the runs written. */
  readonly high: Float64Array;
  /** The chunk's runs, each a row of `weeks x units` (week `w`, unit `u` at `w x units + u`). */
  readonly #staged: Float32Array;
  readonly #rows: readonly Float32Array[];
  #added = 0;

  constructor(
    readonly weeks: number,
    readonly runs: number,
    readonly units: number,
  ) {
    this.values = new Float32Array(weeks * runs * units);
    this.block = Math.max(1, Math.min(BLOCK_UNITS, Math.floor(BLOCK_COUNTS / (Math.ceil(runs / VALUES_PER_BUCKET) + 1))));
    this.chunk = Math.max(1, Math.min(runs, Math.floor(PAGE_VALUES / this.block)));
    this.sum = new Float64Array(weeks * units);
    this.low = new Float64Array(weeks * units).fill(Infinity);
    this.high = new Float64Array(weeks * units).fill(-Infinity);
    this.#staged = new Float32Array(this.chunk * weeks * units);
    this.#rows = Array.from({ length: this.chunk }, (_, k) => this.#staged.subarray(k * weeks * units, (k + 1) * weeks * units));
  }

  /** Where run `r`'s row of week `w`'s block from unit `u0` (a multiple of {@link block}) starts. */
  rowAt(w: number, r: number, u0: number): number {
    return (w * this.units + u0) * this.runs + r * Math.min(this.block, this.units - u0);
  }

  /** The row to fill with the next run's values (week `w`, unit `u` at `w x units + u`), then {@link add} it. */
  nextRow(): Float32Array {
    return this.#rows[this.#added % this.chunk] as Float32Array;
  }

  /** True once every run is in (the sums, least and greatest are then complete). */
  get complete(): boolean {
    return this.#added === this.runs;
  }

  /** Adds the next run (its row filled); a full chunk, or the last run, is written out. */
  add(): void {
    if (this.#added === this.runs) throw new RangeError(`RunSamples: all ${this.runs} runs are already in`);
    this.#added += 1;
    const staged = ((this.#added - 1) % this.chunk) + 1;
    if (staged < this.chunk && this.#added < this.runs) return;
    const first = this.#added - staged;
    for (let w = 0; w < this.weeks; w++) {
      for (let u0 = 0; u0 < this.units; u0 += this.block) {
        const at = w * this.units + u0;
        writeRows(this.#staged, this.weeks * this.units, at, staged, Math.min(this.block, this.units - u0), this.values, this.rowAt(w, first, u0), this.sum, this.low, this.high);
      }
    }
  }
}

/**
 * Copies the block of `size` units at `at` of each of the `n` staged rows (`length` apart) to `to` onwards in `values`
 * (one row after another), adding each value into its unit-week's sum (in run order), least and greatest.
 */
function writeRows(staged: Float32Array, length: number, at: number, n: number, size: number, values: Float32Array, to: number, sum: Float64Array, low: Float64Array, high: Float64Array): void {
  for (let r = 0; r < n; r++) {
    const from = r * length + at;
    const row = to + r * size;
    for (let k = 0; k < size; k++) {
      const x = staged[from + k] as number;
      values[row + k] = x;
      sum[at + k] = (sum[at + k] as number) + x;
      if (x < (low[at + k] as number)) low[at + k] = x;
      if (x > (high[at + k] as number)) high[at + k] = x;
    }
  }
}

/** The mean and the quantiles of one unit-week. */
export interface Band {
  readonly mean: number;
  readonly quantiles: readonly number[];
}

/**
 * The band of every unit-week of `samples` (every run added) at `probabilities` (each 0–1);
 * `out(week, unit, band)` receives each.
 *
 * @example
 * ```ts
 * // one week, one unit, five runs: 3, 1, 4, 1, 5; mean 2.8, P25 1 (sorted 1 1 3 4 5 at 1), P50 3
 * const samples = new RunSamples(1, 5, 1);
 * for (const x of [3, 1, 4, 1, 5]) {
 *   samples.nextRow()[0] = x;
 *   samples.add();
 * }
 * const bands: Band[] = [];
 * unitWeekBands(samples, [0.25, 0.5], (_w, _u, band) => bands.push(band));
 * bands; // [{ mean: 2.8, quantiles: [1, 3] }]
 * ```
 */
export function unitWeekBands(samples: RunSamples, probabilities: readonly number[], out: (week: number, unit: number, band: Band) => void): void {
  const { weeks, runs, units, block } = samples;
  if (!samples.complete) throw new RangeError('unitWeekBands: every run must be added first (the sums and ranges come from add)');
  const positions = [...new Set(probabilities.flatMap((p) => [Math.floor((runs - 1) * p), Math.ceil((runs - 1) * p)]))].sort((a, b) => a - b);
  const buckets = Math.ceil(runs / VALUES_PER_BUCKET);
  const stride = buckets + 1;
  const counts = new Int32Array(block * stride);
  // Where each kept bucket's values go (-1: not kept), advancing as they are placed.
  const cursor = new Int32Array(block * stride);
  const kept = new Float64Array(block * runs);
  // Each value's place in its unit's counts (k x stride + bucket), as the count pass found it, for the keep pass.
  const slot = new Int32Array(block * runs);
  const { sum, low, high } = samples;
  const scale = new Float64Array(block);
  // For each unit of the block and each position: the start and end in `kept` of its bucket and its rank in it.
  const from = new Int32Array(block * positions.length);
  const to = new Int32Array(block * positions.length);
  const rank = new Int32Array(block * positions.length);
  const statistic = new Float64Array(runs);
  for (let w = 0; w < weeks; w++) {
    for (let u0 = 0; u0 < units; u0 += block) {
      const size = Math.min(block, units - u0);
      const first = samples.rowAt(w, 0, u0);
      const at = w * units + u0;
      for (let k = 0; k < size; k++) {
        const span = (high[at + k] as number) - (low[at + k] as number);
        // Buckets of width span / buckets from the least, the greatest in the last or the one before; all values equal: bucket 0, never kept.
        scale[k] = span === 0 ? 0 : Math.min(buckets / span, Number.MAX_VALUE);
      }
      counts.fill(0);
      countRows(samples.values, first, runs, size, low, at, scale, counts, stride, slot);
      cursor.fill(-1);
      for (let k = 0; k < size; k++) if ((scale[k] as number) > 0) keepBuckets(counts, k, stride, positions, runs, cursor, from, to, rank);
      keepRows(samples.values, first, runs * size, slot, cursor, kept);
      for (let k = 0; k < size; k++) {
        const mean = (sum[at + k] as number) / runs;
        if ((scale[k] as number) === 0) {
          out(w, u0 + k, { mean, quantiles: probabilities.map(() => low[at + k] as number) });
          continue;
        }
        let sortedTo = 0;
        for (let j = 0; j < positions.length; j++) {
          const x = k * positions.length + j;
          const start = from[x] as number;
          // Positions in one bucket share it: it is sorted once.
          if (start >= sortedTo) sortInPlace(kept, start, (sortedTo = to[x] as number));
          statistic[positions[j] as number] = kept[start + (rank[x] as number)] as number;
        }
        out(w, u0 + k, { mean, quantiles: probabilities.map((p) => quantileAt(statistic, runs, p)) });
      }
    }
  }
}

/** A value's bucket (`scale`: buckets per unit of value): monotone in the value, the same in both passes. */
function bucketOf(x: number, low: number, scale: number, buckets: number): number {
  // At most buckets x (1 + a rounding), never negative: truncation is the floor, and fits an Int32.
  const b = ((x - low) * scale) | 0;
  return b > buckets ? buckets : b;
}

// Each pass over a block is a function of one loop nest with nothing after it (see pipeline/quantiles.ts: V8 compiles a
// long loop by on-stack replacement on its first run, and code after the loop would fall back from it every later run).

/** Counts each unit's values of the block whose rows start at `first` (its least values at `lowAt` of `low`) into its buckets, noting each value's count in `slot`. */
function countRows(samples: Float32Array, first: number, runs: number, size: number, low: Float64Array, lowAt: number, scale: Float64Array, counts: Int32Array, stride: number, slot: Int32Array): void {
  for (let r = 0; r < runs; r++) {
    const row = first + r * size;
    for (let k = 0; k < size; k++) {
      const at = k * stride + bucketOf(samples[row + k] as number, low[lowAt + k] as number, scale[k] as number, stride - 1);
      slot[r * size + k] = at;
      counts[at] = (counts[at] as number) + 1;
    }
  }
}

/** For unit `k`, the bucket of each position: where its values go in `kept` (k x runs onwards) and the position's rank among them. */
function keepBuckets(counts: Int32Array, k: number, stride: number, positions: readonly number[], runs: number, cursor: Int32Array, from: Int32Array, to: Int32Array, rank: Int32Array): void {
  let below = 0;
  let place = k * runs;
  let j = 0;
  for (let b = 0; b < stride && j < positions.length; b++) {
    const n = counts[k * stride + b] as number;
    const start = place;
    let keep = false;
    for (; j < positions.length && (positions[j] as number) < below + n; j++) {
      const x = k * positions.length + j;
      from[x] = start;
      to[x] = start + n;
      rank[x] = (positions[j] as number) - below;
      keep = true;
    }
    if (keep) {
      cursor[k * stride + b] = start;
      place += n;
    }
    below += n;
  }
}

/** Copies the `n` values of the block whose rows start at `first` that are in kept buckets (by their `slot`) into `kept`. */
function keepRows(samples: Float32Array, first: number, n: number, slot: Int32Array, cursor: Int32Array, kept: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const at = slot[i] as number;
    const c = cursor[at] as number;
    if (c < 0) continue;
    kept[c] = samples[first + i] as number;
    cursor[at] = c + 1;
  }
}

/** Sorts `values[from..to)` ascending: by insertion while short (a bucket holds about 4), else the typed array's own sort. */
function sortInPlace(values: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = values[i] as number;
    let j = i - 1;
    for (; j >= from && (values[j] as number) > x; j--) values[j + 1] = values[j] as number;
    values[j + 1] = x;
  }
}

/** The type-7 quantile at `p` of `runs` values whose order statistics at floor and ceil of (runs - 1) p are in `statistic`. */
function quantileAt(statistic: Float64Array, runs: number, p: number): number {
  const index = (runs - 1) * p;
  const lower = Math.floor(index);
  const below = statistic[lower] as number;
  return index === lower ? below : below + (index - lower) * ((statistic[lower + 1] as number) - below);
}
