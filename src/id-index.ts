/**
 * An index of string ids (case reference numbers, practitioner ids) to their positions, built for
 * national scale: open addressing over an `Int32Array` with an FNV-1a hash, several times faster
 * than a `Map` at a million ids. Refuses duplicates with the path of the second one.
 */
import { WorkloadError } from './errors.js';

/**
 * Positions of unique ids.
 *
 * @example
 * ```ts
 * const index = new IdIndex(['po-1', 'pso-1'], 'practitioners');
 * index.get('pso-1'); // 1
 * index.get('nobody'); // -1
 * new IdIndex(['a', 'a'], 'cases'); // throws DUPLICATE_ID at cases[1].id
 * ```
 */
export class IdIndex {
  readonly #ids: readonly string[];
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** Set when some id's probe ran past {@link MAX_PROBES}: a `Map` (whose string hash V8 seeds per process) answers instead. */
  readonly #fallback: Map<string, number> | undefined;

  constructor(ids: readonly string[], path: string) {
    if (typeof path !== 'string') throw new WorkloadError('INVALID_INPUT', 'path: expected the name of the id list', { path: 'path' });
    if (!Array.isArray(ids)) throw new WorkloadError('INVALID_INPUT', `${path}: expected an array of ids`, { path });
    this.#ids = ids;
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    for (let i = 0; i < ids.length; i++) {
      const id: unknown = ids[i];
      if (typeof id !== 'string') throw new WorkloadError('INVALID_INPUT', `${path}[${i}].id: expected a string id`, { path: `${path}[${i}].id` });
      let slot = this.#home(id);
      let probes = 0;
      for (;;) {
        const held = this.#slots[slot] as number;
        if (held < 0) break;
        if (ids[held] === id) throw duplicate(path, i, held, id);
        if (++probes > MAX_PROBES) {
          this.#fallback = mapOf(ids, path);
          return;
        }
        slot = (slot + 1) & this.#mask;
      }
      this.#slots[slot] = i;
    }
  }

  /** Position of `id`, or -1 when absent. */
  get(id: string): number {
    if (this.#fallback !== undefined) return this.#fallback.get(id) ?? -1;
    let slot = this.#home(id);
    for (;;) {
      const held = this.#slots[slot] as number;
      if (held < 0 || this.#ids[held] === id) return held;
      slot = (slot + 1) & this.#mask;
    }
  }

  #home(id: string): number {
    let hash = 2166136261;
    for (let j = 0; j < id.length; j++) hash = Math.imul(hash ^ id.charCodeAt(j), 16777619);
    return (hash >>> 0) & this.#mask;
  }
}

/**
 * Linear probing runs this far at most. Ordinary ids at a load of at most one half probe about 1.5
 * slots on average and almost never past 32; ids crafted to share one FNV-1a hash (a fixed,
 * public function) would probe ever longer, so the index then falls back to a `Map`: never quadratic.
 */
const MAX_PROBES = 64;

function duplicate(path: string, i: number, held: number, id: string): WorkloadError {
  return new WorkloadError('DUPLICATE_ID', `${path}[${i}].id: "${id}" is already used by ${path}[${held}]`, { path: `${path}[${i}].id` });
}

function mapOf(ids: readonly string[], path: string): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id: unknown = ids[i];
    if (typeof id !== 'string') throw new WorkloadError('INVALID_INPUT', `${path}[${i}].id: expected a string id`, { path: `${path}[${i}].id` });
    const held = map.get(id);
    if (held !== undefined) throw duplicate(path, i, held, id);
    map.set(id, i);
  }
  return map;
}
