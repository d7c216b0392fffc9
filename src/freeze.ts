/**
 * Deep freezing for the library's exported constants: a caller who writes into
 * `DEFAULT_WEIGHTINGS.tierPoints.community.A3` or pushes onto `GRADES` gets a TypeError in strict
 * mode (silently nothing otherwise), and every later default result stays right.
 */

/**
 * Freezes `value` and every object and array reachable from it, and returns it typed as deeply
 * readonly. Typed arrays cannot be frozen and are refused: constants hold plain arrays.
 *
 * @example
 * ```ts
 * const grades = deepFreeze(['PO', 'PSO']);
 * Object.isFrozen(grades); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    if (ArrayBuffer.isView(value)) throw new TypeError('deepFreeze: a typed array cannot be frozen');
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/**
 * A `Map` that cannot be changed: `set`, `delete` and `clear` throw a `TypeError`, as writing to a
 * frozen object does in strict mode. For exported lookup tables keyed by id.
 *
 * @example
 * ```ts
 * const byId = frozenMap([['po', 1]]);
 * byId.get('po'); // 1
 * ```
 */
export function frozenMap<K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  const map = new Map<K, V>(entries);
  const refuse = (): never => {
    throw new TypeError('this map is frozen');
  };
  Object.defineProperties(map, { set: { value: refuse }, delete: { value: refuse }, clear: { value: refuse } });
  return Object.freeze(map);
}
