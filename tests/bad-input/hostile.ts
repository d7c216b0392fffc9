/**
 * What the standing bad-input suite throws at the library: hostile values, mutations of a valid
 * input, and the deep scan a returned result must pass. Used by the worker (worker.ts).
 */
import fc from 'fast-check';

/** A circular object: error formatting and scans must not recurse for ever on it. */
function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { id: 'loop' };
  value.self = value;
  return value;
}

/** An object nested `depth` levels: error formatting must not overflow the stack on it. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

/** The hostile values, each made fresh (some are mutable). */
export const HOSTILE_VALUES: readonly (() => unknown)[] = [
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => -0,
  () => -1,
  () => 0.5,
  () => 1e308,
  () => 2 ** 32,
  () => 2 ** 32 + 5,
  () => 2 ** 53 + 1,
  () => 5e-324,
  () => -(2 ** 31),
  () => '',
  () => ' ',
  () => '__proto__',
  () => 'constructor',
  () => 'toString',
  () => 'A3\u0000',
  () => 'E1',
  () => '1e308',
  () => 'x'.repeat(10_000),
  () => '\u{1F600}',
  () => null,
  () => undefined,
  () => true,
  () => 10n,
  () => ({}),
  () => [],
  () => Uint32Array.of(1, 2),
  () => circular(),
  () => nested(10_000),
  () => JSON.parse('{"__proto__": {"polluted": 1}}') as unknown,
];

/** One mutation of a valid input: where (an index into its paths, taken modulo) and what. */
export interface Mutation {
  readonly at: number;
  readonly kind: 'replace' | 'delete' | 'extra-key' | 'empty' | 'duplicate';
  readonly hostile: number;
  /** Mutate one of the arguments themselves, not a place inside them. */
  readonly whole: boolean;
}

/** Mutations, replacing a value with a hostile one most often. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant('replace' as const) },
    { weight: 1, arbitrary: fc.constantFrom('delete' as const, 'extra-key' as const, 'empty' as const, 'duplicate' as const) },
  ),
  hostile: fc.nat({ max: HOSTILE_VALUES.length - 1 }),
  // One mutation in eight replaces a whole argument: in a large input (a scenario report) a place
  // drawn at random is almost never one of the arguments themselves.
  whole: fc.nat({ max: 7 }).map((n) => n === 0),
});

/** Whether `value` is a plain object or array (the only things mutations reach into). */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

/** A deep copy of plain objects, arrays and typed arrays (class instances and functions kept as they are). */
export function clonePlain<T>(value: T): T {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as unknown as Uint8Array).slice() as T;
  if (!isPlain(value)) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => clonePlain(v)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clonePlain(v)])) as T;
}

/** Every place in `args` a mutation can reach: [container, key] pairs, the arguments array first. */
function placesOf(args: unknown[]): [Record<string | number, unknown>, string | number][] {
  const places: [Record<string | number, unknown>, string | number][] = [];
  const visit = (container: Record<string | number, unknown>, depth: number): void => {
    if (depth > 12 || places.length > 5_000) return;
    for (const key of Array.isArray(container) ? container.keys() : Object.keys(container)) {
      places.push([container, key]);
      const inner = container[key];
      if (isPlain(inner)) visit(inner, depth + 1);
    }
  };
  visit(args as unknown as Record<number, unknown>, 0);
  return places;
}

/** Applies `m` to `args` (a fresh copy) in place and says what it did, for the failure report. */
export function mutate(args: unknown[], m: Mutation): string {
  const places = placesOf(args);
  if (places.length === 0) {
    args.push(HOSTILE_VALUES[m.hostile]?.());
    return `extra argument ${m.hostile}`;
  }
  const [container, key] = (
    m.whole && args.length > 0 ? [args, m.at % args.length] : places[m.at % places.length]
  ) as [Record<string | number, unknown>, string | number];
  const hostile = HOSTILE_VALUES[m.hostile]?.();
  const inner = container[key];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
      return `delete ${String(key)}`;
    case 'extra-key':
      if (isPlain(inner) && !Array.isArray(inner)) {
        inner.unexpected = hostile;
        return `extra key under ${String(key)}`;
      }
      break;
    case 'empty':
      if (Array.isArray(inner)) {
        inner.length = 0;
        return `empty ${String(key)}`;
      }
      break;
    case 'duplicate':
      if (Array.isArray(inner) && inner.length > 0) {
        inner.push(clonePlain(inner[0]));
        return `duplicate ${String(key)}[0]`;
      }
      break;
  }
  container[key] = hostile;
  return `${String(key)} = hostile #${m.hostile}`;
}

/** Keys whose numbers are counts (never negative). */
const COUNT_KEY = /(^|[a-z])(count|cases|people|referrals|volume|placed|unplaced)s?$/i;
/** Keys whose numbers are pence (safe integers). */
const PENCE_KEY = /pence/i;

/**
 * What is wrong with a returned result, if anything: NaN, ±Infinity or -0 anywhere, a negative
 * count, unsafe pence. Scans at most 2,000,000 values (results are bounded; a scan must be too).
 */
export function defectOf(result: unknown): string | undefined {
  const seen = new Set<unknown>();
  let budget = 2_000_000;
  const stack: [unknown, string][] = [[result, 'result']];
  while (stack.length > 0 && budget-- > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return `${path} is NaN`;
      if (!Number.isFinite(value)) return `${path} is ${value}`;
      if (Object.is(value, -0)) return `${path} is -0`;
      const key = path.slice(path.lastIndexOf('.') + 1);
      if (value < 0 && COUNT_KEY.test(key)) return `${path} is a negative count (${value})`;
      if (PENCE_KEY.test(key) && !Number.isSafeInteger(value)) return `${path} is not whole pence (${value})`;
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        const items = value as unknown as ArrayLike<number>;
        for (let i = 0; i < items.length && budget > 0; i++, budget--) {
          const n = items[i] as number;
          if (Number.isNaN(n) || !Number.isFinite(n) || Object.is(n, -0)) return `${path}[${i}] is ${Object.is(n, -0) ? '-0' : n}`;
        }
      } else if (value instanceof Map) {
        for (const [k, v] of value) stack.push([v, `${path}.${String(k)}`]);
      } else {
        for (const [k, v] of Object.entries(value)) stack.push([v, `${path}.${k}`]);
      }
    }
  }
  return undefined;
}
