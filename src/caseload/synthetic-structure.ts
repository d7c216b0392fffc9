/**
 * The first phase of a synthetic national caseload: its structure. PDUs spread over the 12 regions,
 * case-holders spread over the PDUs, and each PDU's case-holders split into teams.
 */
import { largestRemainder } from '../money.js';
import type { RandomStream } from '../random.js';
import type { Pdu, Team } from './organisation.js';
import { PROBATION_REGIONS } from './regions.js';

/** `value` as a decimal string of at least `width` digits, zeros in front (`pad(7, 3)` is `'007'`). */
export const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * Splits `total` into whole parts in proportion to non-negative `weights` (some positive), each at
 * least `minimum`: every part gets `minimum`, the rest goes by largest remainder (exact, ties to the
 * earlier part) on the weights scaled to millionths. Callers guarantee `total >= minimum x weights.length`.
 * Worked in the tests: `split(10, [1, 1, 2])` is `[3, 2, 5]`.
 */
export function split(total: number, weights: ArrayLike<number>, minimum = 0): number[] {
  return largestRemainder(total - minimum * weights.length, Array.from(weights, (w) => Math.round(w * 1e6))).map((part) => part + minimum);
}

/** The units of a synthetic organisation and how many case-holders each team has. */
export interface SyntheticStructure {
  /** PDUs in region order, `A-01`, `A-02`, …, `L-…`. */
  readonly pdus: readonly Pdu[];
  /** Teams in PDU order, `A-01-01`, `A-01-02`, …. */
  readonly teams: readonly Team[];
  /** Case-holding practitioners of each team (its SPO aside). */
  readonly teamCaseHolders: readonly number[];
  /** Position in `pdus` of each team's PDU. */
  readonly teamPdu: readonly number[];
}

/**
 * Draws the structure: `pduCount` PDUs over the 12 regions in proportion to their illustrative size
 * (at least one each); each PDU a weight of its region's size over its PDUs times a log-normal factor
 * (sd 0.35) from `rng`, and `caseHolders` case-holders split by those weights (at least one each);
 * each PDU's case-holders split evenly into max(1, round(holders / teamSize)) teams. One normal draw
 * per PDU, in PDU order. Callers guarantee `pduCount >= 12` and `caseHolders >= pduCount`. A trusted
 * core of `generateNationalCaseload` (no @example: not on the public face; worked in the tests).
 */
export function drawStructure(pduCount: number, caseHolders: number, teamSize: number, rng: RandomStream): SyntheticStructure {
  const pdusPerRegion = split(pduCount, PROBATION_REGIONS.map((r) => r.syntheticWeight), 1);
  const pdus: Pdu[] = [];
  const pduWeights: number[] = [];
  PROBATION_REGIONS.forEach((region, r) => {
    const k = pdusPerRegion[r] as number;
    for (let i = 1; i <= k; i++) {
      const id = `${region.id}-${pad(i, 2)}`;
      pdus.push({ id, name: `PDU ${id}`, regionId: region.id });
      pduWeights.push((region.syntheticWeight / k) * Math.exp(0.35 * rng.normal()));
    }
  });
  const pduCaseHolders = split(caseHolders, pduWeights, 1);
  const teams: Team[] = [];
  const teamCaseHolders: number[] = [];
  const teamPdu: number[] = [];
  pdus.forEach((pdu, d) => {
    const h = pduCaseHolders[d] as number;
    split(h, new Array<number>(Math.max(1, Math.round(h / teamSize))).fill(1)).forEach((size, t) => {
      const id = `${pdu.id}-${pad(t + 1, 2)}`;
      teams.push({ id, name: `Team ${id}`, pduId: pdu.id });
      teamCaseHolders.push(size);
      teamPdu.push(d);
    });
  });
  return { pdus, teams, teamCaseHolders, teamPdu };
}
