/** Two roll-ups side by side: what changed in every unit between two caseloads, or two tables. */
import { parseInput } from '../validate.js';
import { assertUniqueIds } from '../workload/index.js';
import { caseloadRollUpSchema, type CaseloadRollUp, type CaseloadSummary, type RollUpLevel } from './rollup.js';

/** A figure before and after, and after - before. */
export interface FigureChange {
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** A ratio that may be undefined on either side; `change` is `null` when either is. */
export interface RatioChange {
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
}

/** How one unit changed; capacity change is in percentage points. */
export interface UnitComparison {
  readonly level: RollUpLevel;
  readonly id: string;
  readonly name: string;
  readonly practitioners: FigureChange;
  readonly fte: FigureChange;
  readonly cases: FigureChange;
  readonly ceilingCases: FigureChange;
  readonly points: FigureChange;
  readonly availablePoints: FigureChange;
  readonly capacityPercent: FigureChange;
  readonly casesPerFte: RatioChange;
  readonly overCeiling: FigureChange;
  readonly overCeilingShare: RatioChange;
  readonly overCapacity: FigureChange;
  readonly red: FigureChange;
}

/** A unit found in one roll-up only. */
export interface UnmatchedUnit {
  readonly level: RollUpLevel;
  readonly id: string;
  readonly name: string;
}

/** Result of {@link compareRollUps}: units in the order of `before`, matched by level and id. */
export interface RollUpComparison {
  readonly from: string;
  readonly to: string;
  readonly national: UnitComparison;
  readonly regions: readonly UnitComparison[];
  readonly pdus: readonly UnitComparison[];
  readonly teams: readonly UnitComparison[];
  readonly onlyBefore: readonly UnmatchedUnit[];
  readonly onlyAfter: readonly UnmatchedUnit[];
}

const FIGURES = ['practitioners', 'fte', 'cases', 'ceilingCases', 'points', 'availablePoints', 'capacityPercent', 'overCeiling', 'overCapacity', 'red'] as const;
const RATIOS = ['casesPerFte', 'overCeilingShare'] as const;

function compareUnit(a: CaseloadSummary, b: CaseloadSummary): UnitComparison {
  const out: Record<string, unknown> = { level: a.level, id: a.id, name: a.name };
  for (const f of FIGURES) out[f] = { before: a[f], after: b[f], change: b[f] - a[f] };
  for (const f of RATIOS) {
    const before = a[f];
    const after = b[f];
    out[f] = { before, after, change: before === null || after === null ? null : after - before };
  }
  return out as unknown as UnitComparison;
}

/**
 * Compares two roll-ups unit by unit (matched by level and id): the same organisation under two
 * weighting tables, two profiles, or two dates. Every figure comes as before, after and change;
 * capacity changes are in percentage points, ratios are `null` where undefined.
 *
 * @example
 * ```ts
 * const unified = rollUpCaseload(generateNationalCaseload({ seed: 1 }));
 * const crc = rollUpCaseload(generateNationalCaseload({ seed: 1, profile: CRC_2019_PROFILE }));
 * compareRollUps(crc, unified).national.overCeilingShare; // { before: 0.60…, after: 0.028…, change: -0.57… }
 * ```
 */
export function compareRollUps(before: CaseloadRollUp, after: CaseloadRollUp): RollUpComparison {
  const a = parseInput(caseloadRollUpSchema, before, 'before');
  const b = parseInput(caseloadRollUpSchema, after, 'after');
  for (const [name, rollUp] of [['before', a], ['after', b]] as const) {
    for (const units of ['regions', 'pdus', 'teams'] as const) assertUniqueIds(rollUp[units].map((u) => u.id), `${name}.${units}`);
  }
  const onlyBefore: UnmatchedUnit[] = [];
  const onlyAfter: UnmatchedUnit[] = [];
  const level = (units: readonly CaseloadSummary[], others: readonly CaseloadSummary[]): UnitComparison[] => {
    const byId = new Map(others.map((u) => [u.id, u]));
    const out: UnitComparison[] = [];
    for (const unit of units) {
      const other = byId.get(unit.id);
      if (other === undefined) onlyBefore.push({ level: unit.level, id: unit.id, name: unit.name });
      else out.push(compareUnit(unit, other));
      byId.delete(unit.id);
    }
    for (const unit of byId.values()) onlyAfter.push({ level: unit.level, id: unit.id, name: unit.name });
    return out;
  };
  return {
    from: a.name,
    to: b.name,
    national: compareUnit(a.national, b.national),
    regions: level(a.regions, b.regions),
    pdus: level(a.pdus, b.pdus),
    teams: level(a.teams, b.teams),
    onlyBefore,
    onlyAfter,
  };
}
