/** From checked input (objects, or an organisation's columns and date columns) to the core's model. */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { organisationCaseload, type OrganisationCaseload, type SyntheticCaseDates } from '../caseload/index.js';
import { CASE_TYPES, tierIndex } from '../tiers/index.js';
import { DEFAULT_WEIGHTINGS, type WeightingTable } from '../weightings/index.js';
import { CASE_STATUSES, type Practitioner } from '../workload/index.js';
import { coreRulesUnchecked, resolveRulesUnchecked } from '../allocation/internal.js';
import { availablePointsUnchecked } from '../workload/internal.js';
import { NO_DAY, type ForwardDemand, type ForwardModel } from './core.js';
import { dayOf, isoOf, weekOfDay } from './dates.js';
import { earliestReleaseDate, handoverOf, omicRuleSetOn, type Handover } from './handover.js';
import { DEFAULT_FORWARD_WEEKS, PROBATION_RESET_FROM, type forwardInputSchema, type forwardOptionsSchema, type weeklyDemandSchema } from './schema.js';

type ParsedInput = z.output<typeof forwardInputSchema>;
type ParsedOptions = z.output<typeof forwardOptionsSchema>;
type ParsedDemand = z.output<typeof weeklyDemandSchema>;
type ParsedCase = ParsedInput['cases'][number];
const COMMUNITY_TYPE = CASE_TYPES.indexOf('community');

/** The model and what the object results name things by. */
export interface BuiltModel {
  readonly model: ForwardModel;
  readonly organisation: OrganisationCaseload;
  /** Each custody case's handover (by case position; `null` for other cases). */
  readonly handovers: readonly (Handover | null)[];
}

const dayOrNone = (iso: string | undefined): number => (iso === undefined ? NO_DAY : dayOf(iso));

/** The options every path shares, resolved. */
function commonOptions(o: ParsedOptions, weightings: WeightingTable) {
  const scope = o.rules?.scope ?? 'pdu';
  if (scope === 'team') {
    throw new WorkloadError('INVALID_INPUT', 'options.rules.scope: got "team", expected "pdu" or "none" (new demand is given per PDU; pool it at team level with demandMode "pool")', {
      path: 'options.rules.scope',
    });
  }
  return {
    startDay: dayOf(o.asOf),
    weeks: o.weeks ?? DEFAULT_FORWARD_WEEKS,
    weightings,
    resetFromDay: o.probationReset === false ? NO_DAY : dayOf(o.probationReset?.from ?? PROBATION_RESET_FROM),
    demandMode: o.demandMode ?? 'allocate',
    allocation: coreRulesUnchecked(o.policy ?? 'balanced', resolveRulesUnchecked(o.rules)),
    nationalScope: scope === 'none',
    countUnpaidWorkOnly: o.countUnpaidWorkOnly ?? o.rules?.countUnpaidWorkOnly ?? false,
  } as const;
}

/** Positions of ids in sorted id order. */
function rankOf(ids: readonly string[]): Uint32Array {
  const order = ids.map((_, i) => i).sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : (ids[a] as string) > (ids[b] as string) ? 1 : 0));
  const rank = new Uint32Array(ids.length);
  order.forEach((p, r) => (rank[p] = r));
  return rank;
}

/** Demand entries as columns, PDU ids resolved (`UNKNOWN_REFERENCE` at `path[i].pduId`). */
/** The organisation's structure as the core reads it: practitioner columns, unit counts, list ranks. */
function structureOf(org: OrganisationCaseload) {
  const pc = org.columns.practitioners;
  return {
    practitionerCount: pc.count,
    gradeIndex: pc.gradeIndex,
    teamIndex: pc.teamIndex,
    pduIndex: pc.pduIndex,
    regionIndex: pc.regionIndex,
    teamCount: org.teams.length,
    pduCount: org.pdus.length,
    regionCount: org.regions.length,
    rank: rankOf(org.practitioners.map((p) => p.id)),
  };
}

export function demandColumns(demand: readonly ParsedDemand[], pduIds: readonly string[], path: string): ForwardDemand {
  const byId = new Map(pduIds.map((id, i) => [id, i]));
  return {
    pduIndex: Uint32Array.from(demand, (d, i) => {
      const pdu = byId.get(d.pduId);
      if (pdu === undefined) throw new WorkloadError('UNKNOWN_REFERENCE', `${path}[${i}].pduId: no PDU has id "${d.pduId}"`, { path: `${path}[${i}].pduId` });
      return pdu;
    }),
    tierIndex: Uint8Array.from(demand, (d) => tierIndex(d.tier)),
    caseTypeIndex: Uint8Array.from(demand, (d) => CASE_TYPES.indexOf(d.caseType)),
    t2a: Uint8Array.from(demand, (d) => (d.t2a === true ? 1 : 0)),
    perWeek: Float64Array.from(demand, (d) => d.perWeek),
    durationWeeks: Uint16Array.from(demand, (d) => d.durationWeeks ?? 0),
  };
}

/** Exempt from probation reset: MAPPA cases, very high RoSH, child protection, national security. */
export function isResetExempt(c: Pick<ParsedCase, 'mappaLevel' | 'rosh' | 'childProtection' | 'nationalSecurity'>): boolean {
  return (c.mappaLevel ?? 0) >= 1 || c.rosh === 'veryHigh' || c.childProtection === true || c.nationalSecurity === true;
}

/**
 * Available points of each practitioner in each week: worked out again (exactly, by the workload
 * room's rule) only in the weeks a reduction starts or ends.
 */
function availableByWeek(practitioners: readonly Practitioner[], base: Uint32Array, weightings: WeightingTable, startDay: number, weeks: number): Float64Array {
  const P = practitioners.length;
  const available = new Float64Array((weeks + 1) * P);
  practitioners.forEach((p, i) => {
    const changes = new Set<number>();
    for (const r of p.reductions ?? []) {
      if (r.start !== undefined) changes.add(weekOfDay(startDay, dayOf(r.start)));
      if (r.end !== undefined) changes.add(weekOfDay(startDay, dayOf(r.end) + 1));
    }
    let current = base[i] as number;
    for (let w = 0; w <= weeks; w++) {
      if (w > 0 && changes.has(w)) current = availablePointsUnchecked(p as never, weightings, isoOf(startDay + 7 * w)).points;
      available[w * P + i] = current;
    }
  });
  return available;
}

/** The model of checked object input: practitioners resolved, days from dates, handovers worked out. */
export function modelOfInput(input: ParsedInput, o: ParsedOptions): BuiltModel {
  const weightings = o.weightings ?? DEFAULT_WEIGHTINGS;
  const common = commonOptions(o, weightings);
  const { organisation } = input;
  const org = organisationCaseload({ ...organisation, practitioners: organisation.practitioners.map((p) => ({ ...p })) }, { asOf: o.asOf, weightings });
  const pc = org.columns.practitioners;
  const ids = org.practitioners.map((p) => p.id);
  const byId = new Map(ids.map((id, i) => [id, i]));
  const n = input.cases.length;
  const cases = {
    practitionerIndex: new Uint32Array(n),
    tierIndex: new Uint8Array(n),
    caseTypeIndex: new Uint8Array(n),
    t2a: new Uint8Array(n),
    statusIndex: new Uint8Array(n),
    releaseDay: new Int32Array(n),
    endDay: new Int32Array(n),
    paroleDay: new Int32Array(n),
    resetExempt: new Uint8Array(n),
  };
  const rules = o.omicRules ?? omicRuleSetOn(o.asOf);
  const handovers = input.cases.map((c, i): Handover | null => {
    const p = byId.get(c.practitionerId);
    if (p === undefined) {
      throw new WorkloadError('UNKNOWN_REFERENCE', `input.cases[${i}].practitionerId: no practitioner has id "${c.practitionerId}"`, { path: `input.cases[${i}].practitionerId` });
    }
    cases.practitionerIndex[i] = p;
    cases.tierIndex[i] = tierIndex(c.tier);
    cases.caseTypeIndex[i] = CASE_TYPES.indexOf(c.caseType);
    cases.t2a[i] = c.t2a === true ? 1 : 0;
    cases.statusIndex[i] = CASE_STATUSES.indexOf(c.status ?? 'active');
    const custody = c.caseType === 'custody';
    cases.releaseDay[i] = dayOrNone(custody ? (c.releaseDate ?? earliestReleaseDate(c, o.asOf) ?? undefined) : c.releaseDate);
    cases.endDay[i] = dayOrNone(c.caseType === 'community' ? c.expectedEndDate : c.licenceEndDate);
    cases.paroleDay[i] = dayOrNone(c.paroleEligibilityDate);
    cases.resetExempt[i] = isResetExempt(c) ? 1 : 0;
    return custody ? handoverOf(c, rules, o.asOf) : null;
  });
  const model: ForwardModel = {
    ...common,
    ...structureOf(org),
    available: availableByWeek(org.practitioners, pc.availablePoints, weightings, common.startDay, common.weeks),
    cases,
    reports: reportColumns(input.reports ?? [], byId, weightings),
    demand: demandColumns(input.demand ?? [], org.pdus.map((p) => p.id), 'input.demand'),
  };
  return { model, organisation: org, handovers };
}

function reportColumns(reports: ParsedInput['reports'] & object, byId: ReadonlyMap<string, number>, weightings: WeightingTable): ForwardModel['reports'] {
  return {
    practitionerIndex: Uint32Array.from(reports, (r, i) => {
      const p = byId.get(r.practitionerId);
      if (p === undefined) throw new WorkloadError('UNKNOWN_REFERENCE', `input.reports[${i}].practitionerId: no practitioner has id "${r.practitionerId}"`, { path: `input.reports[${i}].practitionerId` });
      return p;
    }),
    hundredths: Float64Array.from(reports, (r) => weightings.reportPoints[r.kind] * 100),
    completedDay: Int32Array.from(reports, (r) => dayOf(r.completedDate)),
  };
}

/** Date columns of an organisation's cases, one entry per case (days since 1970-01-01; {@link NO_DAY} = none). */
export interface ForwardDateColumns {
  /** Custody: release day; licence: the day the licence began. */
  readonly releaseDay: Int32Array;
  /** Community: expected end; custody and licence: licence end. */
  readonly endDay: Int32Array;
  /** Custody: parole eligibility day. */
  readonly paroleDay: Int32Array;
  /** 1 when probation reset does not apply. */
  readonly resetExempt: Uint8Array;
}

/** The model of a checked organisation's columns and date columns (available points as on its `asOf`, every week). */
export function modelOfColumns(org: OrganisationCaseload, dates: ForwardDateColumns, demand: readonly ParsedDemand[], o: ParsedOptions): ForwardModel {
  const weightings = org.weightings;
  const common = commonOptions(o, weightings);
  const pc = org.columns.practitioners;
  const c = org.columns.cases;
  const n = c.tierIndex.length;
  const P = pc.count;
  const available = new Float64Array((common.weeks + 1) * P);
  for (let w = 0; w <= common.weeks; w++) available.set(pc.availablePoints, w * P);
  // Report counts carry no dates: taken as completed on the organisation's day, out of the window 30 days after.
  const reportDay = dayOf(org.asOf);
  const reportHolders: number[] = [];
  const reportHundredths: number[] = [];
  for (let p = 0; p < P; p++) {
    const points = (pc.standardDeliveryReports[p] as number) * weightings.reportPoints.standardDelivery + (pc.fastDeliveryReports[p] as number) * weightings.reportPoints.fastDelivery;
    if (points > 0) {
      reportHolders.push(p);
      reportHundredths.push(points * 100);
    }
  }
  return {
    ...common,
    ...structureOf(org),
    available,
    cases: {
      practitionerIndex: c.practitionerIndex,
      tierIndex: c.tierIndex,
      caseTypeIndex: c.caseTypeIndex,
      t2a: c.t2a ?? new Uint8Array(n),
      statusIndex: c.statusIndex ?? new Uint8Array(n),
      ...dates,
    },
    reports: { practitionerIndex: Uint32Array.from(reportHolders), hundredths: Float64Array.from(reportHundredths), completedDay: new Int32Array(reportHolders.length).fill(reportDay) },
    demand: demandColumns(demand, org.pdus.map((p) => p.id), 'input.demand'),
  };
}

/**
 * The day columns the projection reads, from a generated caseload's case dates: a community case
 * ends at its expected end; a custody case is released on its release day and, like a licence case,
 * ends at its licence end (the generator's `NO_DATE` is {@link NO_DAY}). No parole eligibility days.
 */
export function datesOfGenerated(caseTypeIndex: Uint8Array, dates: SyntheticCaseDates): ForwardDateColumns {
  const n = caseTypeIndex.length;
  const endDay = new Int32Array(n);
  for (let i = 0; i < n; i++) endDay[i] = (caseTypeIndex[i] === COMMUNITY_TYPE ? dates.expectedEndDay[i] : dates.licenceEndDay[i]) as number;
  return { releaseDay: dates.releaseDay, endDay, paroleDay: new Int32Array(n).fill(NO_DAY), resetExempt: dates.resetExempt };
}
