/**
 * Comparisons a manager reaches for: two roll-ups unit by unit, this month's practitioners against
 * last month's (who crossed the ceiling), and each region against the nation.
 */
import { z } from 'zod';
import { parseInput } from '../validate.js';
import { GRADES, type Grade } from '../weightings/index.js';
import {
  DEFAULT_CASE_CEILING,
  DEFAULT_OVER_THRESHOLD,
  DEFAULT_RED_THRESHOLD,
  type CapacityStatus,
} from '../workload/index.js';
import { assertUniqueIds, capacityStatusUnchecked } from '../workload/internal.js';
import { checkOrganisationCaseload, type OrganisationCaseload } from './organisation.js';
import { caseloadRollUpSchema, loadsOf, pointsOf, rollUpOptionsSchema, type CaseloadRollUp, type CaseloadSummary, type RollUpLevel } from './rollup.js';

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
  readonly overCapacityShare: RatioChange;
  readonly red: FigureChange;
  readonly redShare: RatioChange;
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
const RATIOS = ['casesPerFte', 'overCeilingShare', 'overCapacityShare', 'redShare'] as const;

function compareUnit(a: CaseloadSummary, b: CaseloadSummary): UnitComparison {
  const out: Record<string, unknown> = { level: a.level, id: a.id, name: a.name };
  for (const f of FIGURES) out[f] = { before: a[f], after: b[f], change: b[f] - a[f] };
  for (const f of RATIOS) out[f] = ratioChange(a[f], b[f]);
  return out as unknown as UnitComparison;
}

function ratioChange(before: number | null, after: number | null): RatioChange {
  return { before, after, change: before === null || after === null ? null : after - before };
}

/**
 * Compares two roll-ups unit by unit (matched by level and id): this month and last, the same
 * organisation under two weighting tables, or two profiles. Every figure comes as before, after
 * and change; capacity changes are in percentage points, ratios are `null` where undefined.
 *
 * @example
 * ```ts
 * const unified = rollUp(generateNationalCaseload({ seed: 1 }));
 * const crc = rollUp(generateNationalCaseload({ seed: 1, profile: CRC_2019_PROFILE }));
 * compareRollUps(crc, unified).national.overCeilingShare; // { before: 0.60…, after: 0.007…, change: -0.59… }
 * ```
 */
export function compareRollUps(before: CaseloadRollUp, after: CaseloadRollUp): RollUpComparison {
  const a = parseInput(caseloadRollUpSchema, before, 'before');
  const b = parseInput(caseloadRollUpSchema, after, 'after');
  for (const [name, r] of [['before', a], ['after', b]] as const) {
    for (const units of ['regions', 'pdus', 'teams'] as const) assertUniqueIds(r[units].map((u) => u.id), `${name}.${units}`);
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

// --- This month against last month, practitioner by practitioner ---------------------------------

/** Zod schema of the options of {@link compareCaseloads}. */
export const compareCaseloadsOptionsSchema = rollUpOptionsSchema.pick({ ceiling: true, countUnpaidWorkOnly: true, thresholds: true });
/** Options of {@link compareCaseloads}. */
export type CompareCaseloadsOptions = z.input<typeof compareCaseloadsOptionsSchema>;

/** One practitioner's figures in one month. */
export interface PractitionerMonth {
  readonly teamId: string;
  readonly grade: Grade;
  /** Cases counted toward the ceiling. */
  readonly ceilingCases: number;
  /** Workload points (cases and court reports). */
  readonly points: number;
  readonly availablePoints: number;
  /** points / availablePoints x 100 (0 when nothing is available). */
  readonly capacityPercent: number;
  /** Against the thresholds (100% over, 110% red by default), decided exactly. */
  readonly status: CapacityStatus;
}

/** A practitioner in both months. */
export interface PractitionerChange {
  readonly id: string;
  readonly name: string | null;
  readonly before: PractitionerMonth;
  readonly after: PractitionerMonth;
}

/** A practitioner in one month only. */
export interface PractitionerInOneMonth {
  readonly id: string;
  readonly name: string | null;
  readonly month: PractitionerMonth;
}

/** Result of {@link compareCaseloads}; lists in the order of `after` (practitioners who left: of `before`). */
export interface CaseloadComparison {
  readonly from: string;
  readonly to: string;
  readonly ceiling: number;
  /** Practitioners above the ceiling in each month. */
  readonly aboveCeiling: FigureChange;
  /** At or below the ceiling before, above it after. */
  readonly crossedAboveCeiling: readonly PractitionerChange[];
  /** Above the ceiling before, at or below it after. */
  readonly crossedBelowCeiling: readonly PractitionerChange[];
  /** Not red before, red (above 110%) after. */
  readonly turnedRed: readonly PractitionerChange[];
  /** Red before, not red after. */
  readonly leftRed: readonly PractitionerChange[];
  /** Practitioners in `after` only, with their figures. */
  readonly joined: readonly PractitionerInOneMonth[];
  /** Practitioners in `before` only, with their figures. */
  readonly left: readonly PractitionerInOneMonth[];
}

const practitionerIdsSchema = z.array(z.object({ id: z.string().min(1, 'expected a non-empty id'), name: z.string().optional() }));

/** The organisation's name and each practitioner's id, name and month figures, checked under `name`. */
function monthOf(value: OrganisationCaseload, name: string, o: z.output<typeof compareCaseloadsOptionsSchema>) {
  const oc = checkOrganisationCaseload(value, name);
  const people = parseInput(practitionerIdsSchema, oc.practitioners, `${name}.practitioners`);
  assertUniqueIds(people.map((x) => x.id), `${name}.practitioners`);
  const totals = pointsOf(oc, o.countUnpaidWorkOnly ?? false, name);
  const loads = loadsOf(oc, totals);
  const p = oc.columns.practitioners;
  const over = o.thresholds?.over ?? DEFAULT_OVER_THRESHOLD;
  const red = o.thresholds?.red ?? DEFAULT_RED_THRESHOLD;
  const months = people.map((person, i) => {
    const month: PractitionerMonth = {
      teamId: (oc.teams[p.teamIndex[i] as number] as { id: string }).id,
      grade: GRADES[p.gradeIndex[i] as number] as Grade,
      ceilingCases: totals.ceilingCases[i] as number,
      points: loads.points[i] as number,
      availablePoints: p.availablePoints[i] as number,
      capacityPercent: loads.capacity[i] as number,
      status: capacityStatusUnchecked(loads.points[i] as number, p.availablePoints[i] as number, over, red),
    };
    return { id: person.id, name: person.name ?? null, month };
  });
  return { name: oc.name, months };
}

/**
 * This month against last month, practitioner by practitioner (matched by id): who crossed the
 * 50-case ceiling either way, who turned red (above 110%) or left it, who joined and who left.
 * Teams and units may differ between the months; each side is checked as {@link rollUp} checks it.
 *
 * @example
 * ```ts
 * // the same organisation (same seed and size), its POs loaded more heavily a month later
 * const lastMonth = generateNationalCaseload({ seed: 1, practitioners: 300, pduCount: 12 });
 * const thisMonth = generateNationalCaseload({
 *   seed: 1, practitioners: 300, pduCount: 12, asOf: '2021-07-26',
 *   targets: [{ grades: ['PO'], statistic: 'casesPerFte', value: 36 }],
 * });
 * const c = compareCaseloads(lastMonth, thisMonth);
 * c.aboveCeiling; // { before, after, change }
 * c.crossedAboveCeiling.map((x) => `${x.id}: ${x.before.ceilingCases} -> ${x.after.ceilingCases}`);
 * ```
 */
export function compareCaseloads(before: OrganisationCaseload, after: OrganisationCaseload, options: CompareCaseloadsOptions = {}): CaseloadComparison {
  const o = parseInput(compareCaseloadsOptionsSchema, options, 'options');
  const ceiling = o.ceiling ?? DEFAULT_CASE_CEILING;
  const { name: from, months: last } = monthOf(before, 'before', o);
  const { name: to, months: next } = monthOf(after, 'after', o);
  const lastById = new Map(last.map((x) => [x.id, x]));
  const nextIds = new Set(next.map((x) => x.id));
  const crossedAboveCeiling: PractitionerChange[] = [];
  const crossedBelowCeiling: PractitionerChange[] = [];
  const turnedRed: PractitionerChange[] = [];
  const leftRed: PractitionerChange[] = [];
  const joined: PractitionerInOneMonth[] = [];
  for (const x of next) {
    const was = lastById.get(x.id);
    if (was === undefined) {
      joined.push(x);
      continue;
    }
    const change: PractitionerChange = { id: x.id, name: x.name, before: was.month, after: x.month };
    const [above, wasAbove] = [x.month.ceilingCases > ceiling, was.month.ceilingCases > ceiling];
    if (above && !wasAbove) crossedAboveCeiling.push(change);
    if (!above && wasAbove) crossedBelowCeiling.push(change);
    const [isRed, wasRed] = [x.month.status === 'red', was.month.status === 'red'];
    if (isRed && !wasRed) turnedRed.push(change);
    if (!isRed && wasRed) leftRed.push(change);
  }
  const count = (months: readonly { month: PractitionerMonth }[]) => months.filter((x) => x.month.ceilingCases > ceiling).length;
  const [aboveBefore, aboveAfter] = [count(last), count(next)];
  return {
    from,
    to,
    ceiling,
    aboveCeiling: { before: aboveBefore, after: aboveAfter, change: aboveAfter - aboveBefore },
    crossedAboveCeiling,
    crossedBelowCeiling,
    turnedRed,
    leftRed,
    joined,
    left: last.filter((x) => !nextIds.has(x.id)),
  };
}

// --- Each unit against the nation ----------------------------------------------------------------

/** Zod schema of the options of {@link compareWithNational}. */
export const compareWithNationalOptionsSchema = z.strictObject({
  /** The units set against the nation (default `region`). */
  level: z.enum(['region', 'pdu', 'team']).optional(),
});
/** Options of {@link compareWithNational}. */
export type CompareWithNationalOptions = z.input<typeof compareWithNationalOptionsSchema>;

/** A unit's figure, the nation's, and unit - national. */
export interface AgainstNational {
  readonly unit: number | null;
  readonly national: number | null;
  readonly difference: number | null;
}

/** One unit set against the nation; shares 0..1, capacity differences in percentage points. */
export interface UnitAgainstNational {
  readonly level: 'region' | 'pdu' | 'team';
  readonly id: string;
  readonly name: string;
  /** The unit's share of the nation's cases, workload points, available points, headcount and FTE; `null` when the nation has none (or too little to divide by: a share that would overflow). */
  readonly shareOfCases: number | null;
  readonly shareOfPoints: number | null;
  readonly shareOfAvailablePoints: number | null;
  readonly shareOfPractitioners: number | null;
  readonly shareOfFte: number | null;
  readonly capacityPercent: AgainstNational;
  readonly casesPerFte: AgainstNational;
  readonly overCeilingShare: AgainstNational;
  readonly overCapacityShare: AgainstNational;
  readonly redShare: AgainstNational;
}

/** Result of {@link compareWithNational}: units in the roll-up's order. */
export interface NationalComparison {
  readonly name: string;
  readonly level: 'region' | 'pdu' | 'team';
  readonly units: readonly UnitAgainstNational[];
}

/**
 * Sets each region (or PDU, or team) of a roll-up against the nation: its share of the nation's
 * cases, points, available points, headcount and FTE (the regions' shares each sum to 100%), and
 * its capacity %, cases per FTE and shares above the ceiling, 100% and 110% beside the national ones.
 *
 * @example
 * ```ts
 * const r = rollUp(generateNationalCaseload({ seed: 2021 }));
 * const london = compareWithNational(r).units.find((u) => u.name === 'London');
 * london?.shareOfCases; // London's share of the nation's cases, 0..1
 * london?.capacityPercent.difference; // percentage points above (or below) the national capacity
 * ```
 */
export function compareWithNational(rollUp: CaseloadRollUp, options: CompareWithNationalOptions = {}): NationalComparison {
  const r = parseInput(caseloadRollUpSchema, rollUp, 'rollUp');
  const o = parseInput(compareWithNationalOptionsSchema, options, 'options');
  const level = o.level ?? 'region';
  const n = r.national;
  const units = level === 'region' ? r.regions : level === 'pdu' ? r.pdus : r.teams;
  // null when the nation has none, or so little (5e-324 FTE) that the share overflows: never Infinity
  const shareOf = (part: number, whole: number) => {
    const share = whole === 0 ? null : part / whole;
    return share !== null && Number.isFinite(share) ? share : null;
  };
  const against = (unit: number | null, national: number | null): AgainstNational => ({
    unit,
    national,
    difference: unit === null || national === null ? null : unit - national,
  });
  return {
    name: r.name,
    level,
    units: units.map((u) => ({
      level,
      id: u.id,
      name: u.name,
      shareOfCases: shareOf(u.cases, n.cases),
      shareOfPoints: shareOf(u.points, n.points),
      shareOfAvailablePoints: shareOf(u.availablePoints, n.availablePoints),
      shareOfPractitioners: shareOf(u.practitioners, n.practitioners),
      shareOfFte: shareOf(u.fte, n.fte),
      capacityPercent: against(u.capacityPercent, n.capacityPercent),
      casesPerFte: against(u.casesPerFte, n.casesPerFte),
      overCeilingShare: against(u.overCeilingShare, n.overCeilingShare),
      overCapacityShare: against(u.overCapacityShare, n.overCapacityShare),
      redShare: against(u.redShare, n.redShare),
    })),
  };
}
