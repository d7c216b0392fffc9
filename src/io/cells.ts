/**
 * Cell parsers for the data formats: each returns the value or throws a {@link CellProblem} whose
 * message quotes the cell and says what was expected.
 */
import { TIERS, type Tier } from '../tiers/index.js';
import { isCalendarDate } from '../validate.js';
import { CellProblem } from './table.js';

const TIER_BY_CODE: ReadonlyMap<string, Tier> = new Map(TIERS.flatMap((t) => [[t, t], [t.toUpperCase(), t]] as const));

/** A tier code as a person types it (`b2`, `B2S`, `Untiered`); blank is refused. */
export function tierCell(text: string): Tier {
  const tier = TIER_BY_CODE.get(text) ?? TIER_BY_CODE.get(text.toUpperCase());
  if (text === '') throw new CellProblem('is empty; expected a tier (A3 … D0, A3S … D0S or untiered)');
  if (tier === undefined) throw new CellProblem(`${JSON.stringify(text)} is not a tier (expected A3 … D0, A3S … D0S or untiered)`);
  return tier;
}

/** Letters and digits only, lower-cased: `Active warrant`, `active_warrant`, `activeWarrant` all match. */
export const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A parser of one of `values`, matched by {@link squash}; blank gives `blank` when given, else is refused. */
export function choiceCell<T extends string>(values: readonly T[], what: string, blank?: T): (text: string) => T {
  const bySquash = new Map(values.map((v) => [squash(v), v]));
  const exact = new Map(values.map((v) => [v as string, v]));
  return (text) => {
    if (text === '' && blank !== undefined) return blank;
    const value = exact.get(text) ?? bySquash.get(squash(text));
    if (text === '') throw new CellProblem(`is empty; expected ${what} (${values.join(', ')})`);
    if (value === undefined) throw new CellProblem(`${JSON.stringify(text)} is not ${what} (expected ${values.join(', ')})`);
    return value;
  };
}

/** A required non-empty text cell. */
export function textCell(text: string): string {
  if (text === '') throw new CellProblem('is empty; expected a value');
  return text;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A decimal of 0 or more written plainly (`37`, `18.5`; no thousands separators or units), at most `max`. */
export function decimalCell(max: number, unit: string): (text: string) => number {
  return (text) => {
    if (!DECIMAL.test(text)) throw new CellProblem(`${JSON.stringify(text)} is not a number of ${unit} (expected a plain decimal such as 37 or 18.5, 0 to ${max})`);
    const value = Number(text);
    if (value > max) throw new CellProblem(`${text} is more than ${max} ${unit}`);
    return value;
  };
}

/** A whole count (`0`, `12`; a trailing `.0` as spreadsheets write it is accepted). */
export function countCell(text: string): number {
  if (!/^\d+(\.0+)?$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) throw new CellProblem(`${JSON.stringify(text)} is not a whole count (expected 0, 1, 2 …)`);
  return Number(text);
}

/** A date `YYYY-MM-DD`; blank gives `undefined`. */
export function optionalDateCell(text: string): string | undefined {
  if (text === '') return undefined;
  if (!isCalendarDate(text)) throw new CellProblem(`${JSON.stringify(text)} is not a date (expected YYYY-MM-DD, e.g. 2021-06-26)`);
  return text;
}

/** A required date `YYYY-MM-DD`. */
export function dateCell(text: string): string {
  const date = optionalDateCell(text);
  if (date === undefined) throw new CellProblem('is empty; expected a date as YYYY-MM-DD');
  return date;
}

const YES = new Set(['true', 'yes', 'y', '1']);
const NO = new Set(['false', 'no', 'n', '0', '']);

/** A yes/no cell: true, yes, y, 1 or false, no, n, 0, blank. */
export function flagCell(text: string): boolean {
  const t = text.toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  throw new CellProblem(`${JSON.stringify(text)} is not yes or no (expected true, false, yes, no, 1, 0 or blank)`);
}

/** The day `days` after an ISO date (negative for before), computed on the calendar, no clock. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
