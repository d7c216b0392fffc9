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

  constructor(ids: readonly string[], path: string) {
    this.#ids = ids;
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      let slot = this.#home(id);
      for (;;) {
        const held = this.#slots[slot] as number;
        if (held < 0) break;
        if (ids[held] === id) {
          throw new WorkloadError('DUPLICATE_ID', `${path}[${i}].id: "${id}" is already used by ${path}[${held}]`, { path: `${path}[${i}].id` });
        }
        slot = (slot + 1) & this.#mask;
      }
      this.#slots[slot] = i;
    }
  }

  /** Position of `id`, or -1 when absent. */
  get(id: string): number {
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
