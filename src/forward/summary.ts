/**
 * What a report shows of a projection: each region's and the nation's capacity % week by week with
 * the Monte Carlo's P5–P95, and every team, PDU, region (and the nation) that goes above 110%, when,
 * and for how long. Built from either face of the projection (objects or columns).
 */
import type { OrganisationCaseload } from '../caseload/index.js';
import { capacityPercentUnchecked } from '../workload/internal.js';
import type { ForwardMonteCarlo } from './monte-carlo.js';
import type { ForwardProjection } from './project.js';
import type { Crossings, ForwardLevel, LevelSeries } from './results.js';

/** One week of a region or the nation: capacity % (points over available points) deterministic and across the runs. */
export interface SummaryWeek {
  readonly week: number;
  /** The day the week shows, `YYYY-MM-DD`. */
  readonly date: string;
  /** Capacity % of the deterministic projection. */
  readonly capacityPercent: number;
  /** Capacity % at P5, P50 and P95 of the Monte Carlo's runs (`null` without one). */
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  /** Cases held (the deterministic projection). */
  readonly cases: number;
}

/** A unit that goes above the red threshold (110%) within the horizon. */
export interface RedCrossing {
  readonly level: Exclude<ForwardLevel, 'practitioner'>;
  readonly id: string;
  readonly name: string;
  /** First week above 100% (0: already). */
  readonly firstOverWeek: number | null;
  /** First week above 110%, and its day. */
  readonly firstRedWeek: number;
  readonly firstRedDate: string;
  /** Capacity % in that week. */
  readonly capacityThenPercent: number;
  /** Runs of four or more weeks above 110% (an excessive workload): first and last week. */
  readonly excessiveRuns: readonly { readonly fromWeek: number; readonly toWeek: number }[];
}

/** A projection as a report shows it. */
export interface ForwardSummary {
  readonly asOf: string;
  readonly weeks: number;
  /** Monte Carlo runs behind P5–P95 (0: none). */
  readonly runs: number;
  readonly national: readonly SummaryWeek[];
  readonly regions: readonly { readonly id: string; readonly name: string; readonly weeks: readonly SummaryWeek[] }[];
  /** Teams, PDUs, regions and the nation that go above 110%, earliest first (then by level and id). */
  readonly crossingRed: readonly RedCrossing[];
  /** Case-holding practitioners (with points available) above 110% in some week, and how many there are. */
  readonly practitionersCrossingRed: number;
  readonly caseHolders: number;
}

/** One level of a projection as the summary reads it. */
export interface LevelView {
  readonly count: number;
  readonly id: (u: number) => string;
  readonly name: (u: number) => string;
  readonly capacity: (w: number, u: number) => number;
  readonly cases: (w: number, u: number) => number;
  readonly crossings: (u: number) => Crossings;
  /** Whether unit `u` holds cases (practitioners: points available in week 0). */
  readonly holds?: (u: number) => boolean;
}

const SUMMARY_LEVELS = ['team', 'pdu', 'region', 'national'] as const;

/** The summary of the levels of a projection, with the Monte Carlo's bands when given. */
export function summaryOf(levels: Readonly<Record<ForwardLevel, LevelView>>, dates: readonly string[], mc: ForwardMonteCarlo | null): ForwardSummary {
  const bands = new Map((mc?.units ?? []).map((u) => [`${u.level}|${u.id}`, u.weeks]));
  const series = (level: 'region' | 'national', u: number): SummaryWeek[] => {
    const v = levels[level];
    const band = bands.get(`${level}|${v.id(u)}`);
    return dates.map((date, w) => ({
      week: w,
      date,
      capacityPercent: v.capacity(w, u),
      p5: band?.[w]?.p5 ?? null,
      p50: band?.[w]?.p50 ?? null,
      p95: band?.[w]?.p95 ?? null,
      cases: v.cases(w, u) + 0,
    }));
  };
  const order = (l: RedCrossing['level']) => SUMMARY_LEVELS.indexOf(l);
  const crossingRed = SUMMARY_LEVELS.flatMap((level) => {
    const v = levels[level];
    return Array.from({ length: v.count }, (_, u): RedCrossing[] => {
      const x = v.crossings(u);
      if (x.firstRed === null) return [];
      return [
        {
          level,
          id: v.id(u),
          name: v.name(u),
          firstOverWeek: x.firstOver,
          firstRedWeek: x.firstRed,
          firstRedDate: dates[x.firstRed] as string,
          capacityThenPercent: v.capacity(x.firstRed, u),
          excessiveRuns: x.excessiveRuns,
        },
      ];
    }).flat();
  }).sort((a, b) => a.firstRedWeek - b.firstRedWeek || order(a.level) - order(b.level) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const p = levels.practitioner;
  let caseHolders = 0;
  let practitionersCrossingRed = 0;
  for (let u = 0; u < p.count; u++) {
    if (p.holds?.(u) === false) continue;
    caseHolders += 1;
    if (p.crossings(u).firstRed !== null) practitionersCrossingRed += 1;
  }
  return {
    asOf: dates[0] as string,
    weeks: dates.length - 1,
    runs: mc?.runs ?? 0,
    national: series('national', 0),
    regions: Array.from({ length: levels.region.count }, (_, u) => ({ id: levels.region.id(u), name: levels.region.name(u), weeks: series('region', u) })),
    crossingRed,
    practitionersCrossingRed,
    caseHolders,
  };
}

/** The levels of an object projection (`projectWorkload`) as the summary reads them. */
export function levelsOfProjection(p: ForwardProjection): Readonly<Record<ForwardLevel, LevelView>> {
  const byLevel = (level: ForwardLevel): LevelView => {
    const units = p.units.filter((u) => u.level === level);
    return {
      count: units.length,
      id: (u) => units[u]?.id as string,
      name: (u) => units[u]?.name as string,
      capacity: (w, u) => units[u]?.weeks[w]?.capacityPercent as number,
      cases: (w, u) => units[u]?.weeks[w]?.cases as number,
      crossings: (u) => units[u]?.crossings as Crossings,
      holds: (u) => (units[u]?.weeks[0]?.available ?? 0) > 0,
    };
  };
  return { practitioner: byLevel('practitioner'), team: byLevel('team'), pdu: byLevel('pdu'), region: byLevel('region'), national: byLevel('national') };
}

/** The levels of a columnar projection (`projectWorkloadColumns`) of an organisation as the summary reads them. */
export function levelsOfColumns(
  levels: Readonly<Record<ForwardLevel, LevelSeries>>,
  crossings: Readonly<Record<ForwardLevel, readonly Crossings[]>>,
  org: OrganisationCaseload,
): Readonly<Record<ForwardLevel, LevelView>> {
  const names: Record<ForwardLevel, readonly { readonly id: string; readonly name?: string | undefined }[]> = {
    practitioner: org.practitioners,
    team: org.teams,
    pdu: org.pdus,
    region: org.regions,
    national: [{ id: 'national', name: org.name }],
  };
  const view = (level: ForwardLevel): LevelView => {
    const s = levels[level];
    const at = (w: number, u: number) => w * s.count + u;
    return {
      count: s.count,
      id: (u) => names[level][u]?.id as string,
      name: (u) => names[level][u]?.name ?? (names[level][u]?.id as string),
      capacity: (w, u) => capacityPercentUnchecked((s.points[at(w, u)] as number) / 100, s.available[at(w, u)] as number),
      cases: (w, u) => s.cases[at(w, u)] as number,
      crossings: (u) => crossings[level][u] as Crossings,
      holds: (u) => s.holders[u] === 1,
    };
  };
  return { practitioner: view('practitioner'), team: view('team'), pdu: view('pdu'), region: view('region'), national: view('national') };
}
