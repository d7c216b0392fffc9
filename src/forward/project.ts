/** The projection as plain objects: every unit week by week, explained, and every case's path. */
import type { OrganisationCaseload } from '../caseload/index.js';
import { capacityPercentUnchecked } from '../workload/internal.js';
import { CASE_STATES, POINT_MOVES, caseStates, type CaseState, type ForwardModel, type ForwardRun, type PointMove } from './core.js';
import { dayOf, isoOf, weekOfDay } from './dates.js';
import type { Handover } from './handover.js';
import { FORWARD_LEVELS, allLevelSeries, crossingsOf, lookAheadOf, type Crossings, type ForwardLevel, type LevelSeries, type LookAhead, type Thresholds } from './results.js';

/** One unit in one week; points in WMT points, capacity in %. */
export interface UnitWeek {
  readonly week: number;
  /** The day the week shows, `YYYY-MM-DD` (the start + 7 x week). */
  readonly date: string;
  readonly points: number;
  readonly available: number;
  readonly capacityPercent: number;
  readonly cases: number;
  readonly ceilingCases: number;
  /** Points each kind of event moved this week (0 in week 0): the week's change is their sum. */
  readonly moved: Readonly<Record<PointMove, number>>;
  /** How many events of each kind this week. */
  readonly events: Readonly<Record<PointMove, number>>;
  readonly lookAhead: LookAhead;
}

/** A unit (practitioner, team, PDU, region, the nation) over the weeks. */
export interface UnitProjection {
  readonly level: ForwardLevel;
  readonly id: string;
  readonly name: string;
  readonly weeks: readonly UnitWeek[];
  readonly crossings: Crossings;
}

/** One case's path: the state it is in from each week on, and (custody) its handover. */
export interface CaseProjection {
  readonly id: string;
  readonly practitionerId: string;
  /** Changes of state: the state from week 0, then each week it changes. */
  readonly states: readonly { readonly week: number; readonly state: CaseState }[];
  /** Custody cases: the OMiC handover and the week it falls in (0 if already past; `null` if none or after the horizon). */
  readonly handover: (Handover & { readonly week: number | null }) | null;
}

/** New cases that could not be placed in a week, with the reason. */
export interface UnplacedNewCases {
  readonly week: number;
  readonly pduId: string;
  readonly reason: string;
  readonly cases: number;
}

/** Result of `projectWorkload`. */
export interface ForwardProjection {
  readonly asOf: string;
  readonly weeks: number;
  /** The day of each week 0..weeks. */
  readonly dates: readonly string[];
  readonly units: readonly UnitProjection[];
  readonly cases: readonly CaseProjection[];
  readonly unplaced: readonly UnplacedNewCases[];
}

const clean = (x: number): number => x + 0;

function perMove(series: LevelSeries, block: Float64Array, rows: number, w: number, u: number, scale: number): Record<PointMove, number> {
  return Object.fromEntries(POINT_MOVES.map((m, k) => [m, clean((block[(k * rows + w) * series.count + u] as number) / scale)])) as Record<PointMove, number>;
}

function unitsOf(model: ForwardModel, series: LevelSeries, org: OrganisationCaseload, level: ForwardLevel, t: Thresholds, dates: readonly string[]): UnitProjection[] {
  const W = model.weeks;
  const named: readonly { id: string; name?: string | undefined }[] =
    level === 'practitioner' ? org.practitioners : level === 'team' ? org.teams : level === 'pdu' ? org.pdus : level === 'region' ? org.regions : [{ id: 'national', name: org.name }];
  return named.map((unit, u) => ({
    level,
    id: unit.id,
    name: unit.name ?? unit.id,
    crossings: crossingsOf(series, W, u, t),
    weeks: dates.map((date, w): UnitWeek => {
      const at = w * series.count + u;
      const points = clean((series.points[at] as number) / 100);
      const available = series.available[at] as number;
      return {
        week: w,
        date,
        points,
        available,
        capacityPercent: capacityPercentUnchecked(points, available),
        cases: clean(series.cases[at] as number),
        ceilingCases: clean(series.ceilingCases[at] as number),
        moved: perMove(series, series.moved, W + 1, w, u, 100),
        events: perMove(series, series.events, W + 5, w, u, 1),
        lookAhead: lookAheadOf(series, W, u, w),
      };
    }),
  }));
}

/** The object result of a run of the object API. */
export function projectionOf(
  model: ForwardModel,
  run: ForwardRun,
  org: OrganisationCaseload,
  caseIds: readonly string[],
  handovers: readonly (Handover | null)[],
  t: Thresholds,
): ForwardProjection {
  const dates = Array.from({ length: model.weeks + 1 }, (_, w) => isoOf(model.startDay + 7 * w));
  const levels = allLevelSeries(model, run);
  const states = new Uint8Array(model.weeks + 1);
  const cases = caseIds.map((id, i): CaseProjection => {
    caseStates(model, i, states);
    const path: { week: number; state: CaseState }[] = [];
    states.forEach((s, w) => {
      if (w === 0 || s !== states[w - 1]) path.push({ week: w, state: CASE_STATES[s] as CaseState });
    });
    const h = handovers[i] ?? null;
    const hw = h?.handoverDate == null ? null : weekOfDay(model.startDay, dayOf(h.handoverDate));
    return {
      id,
      practitionerId: org.practitioners[model.cases.practitionerIndex[i] as number]?.id as string,
      states: path,
      handover: h === null ? null : { ...h, week: hw !== null && hw <= model.weeks ? hw : null },
    };
  });
  return {
    asOf: dates[0] as string,
    weeks: model.weeks,
    dates,
    units: [...FORWARD_LEVELS].reverse().flatMap((level) => unitsOf(model, levels[level], org, level, t, dates)),
    cases,
    unplaced: run.unplaced.map((u) => ({ week: u.week, pduId: org.pdus[u.pduIndex]?.id as string, reason: u.reason, cases: u.cases })),
  };
}
