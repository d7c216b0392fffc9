/**
 * The second phase of a synthetic national caseload: its staff. Every team's SPO and case-holders
 * with their grade, hours, reduction, reports and capacity, and each one's draw of cases per FTE.
 */
import type { z } from 'zod';
import type { RandomStream } from '../random.js';
import { GRADES, type Grade, type WeightingTable } from '../weightings/index.js';
import { availablePointsUnchecked, fteUnchecked } from '../workload/internal.js';
import { emptyPractitionerColumns, type OrganisationPractitioner, type Pdu, type PractitionerColumns } from './organisation.js';
import type { caseloadProfileSchema } from './profiles.js';
import { PROBATION_REGIONS } from './regions.js';
import { pad, type SyntheticStructure } from './synthetic-structure.js';

/** A parsed caseload profile. */
export type ParsedProfile = z.output<typeof caseloadProfileSchema>;

/**
 * Each grade's share of the case-holders (in GRADES order): the profile's share, 0 for the SPO (one
 * leads each team on top).
 */
export function caseHoldingShares(profile: ParsedProfile): number[] {
  return GRADES.map((g) => (g === 'SPO' ? 0 : profile.grades[g].share));
}

/** The practitioners of a synthetic organisation, as objects and columns, with their loading draws. */
export interface SyntheticStaff {
  readonly practitioners: readonly OrganisationPractitioner[];
  /** Every practitioner column but `count` (the case offsets, `caseStart`, are filled by the cases phase). */
  readonly columns: Omit<PractitionerColumns, 'count'>;
  /** FTE after reductions (effective over default hours; 0 when the grade has no default hours). */
  readonly effective: Float64Array;
  /** Cases per FTE after reductions drawn from the grade's profile (mean + sd x normal). */
  readonly draw: Float64Array;
  /** A uniform number in [0, 1) that rounds the practitioner's unpaid-work-only cases. */
  readonly rounding: Float64Array;
}

/**
 * Staffs the structure team by team: the first member of each team is its SPO, each other member's
 * grade is drawn by {@link caseHoldingShares}; then hours (part-time by the grade's share, at one of
 * its part-time hours), one of the grade's reductions (or none when it lists none) and report counts
 * (reports per FTE x FTE, rounded by a uniform draw, at most 65,535), all from `staffRng` in that
 * order. Available points and effective FTE are worked out once per grade, hours and reduction.
 * `loadRng` gives each member a normal draw of cases per FTE and a uniform rounding number. Ids and
 * names are numbered in this order (`practitioner-000001`, `Practitioner 000001`).
 */
export function drawStaff(
  structure: SyntheticStructure,
  profile: ParsedProfile,
  weightings: WeightingTable,
  asOf: string,
  staffRng: RandomStream,
  loadRng: RandomStream,
): SyntheticStaff {
  const { pdus, teams, teamCaseHolders, teamPdu } = structure;
  const holding = caseHoldingShares(profile);
  const headcount = teamCaseHolders.reduce((sum, n) => sum + n, 0) + teams.length;
  const columns = emptyPractitionerColumns(headcount);
  const practitioners: OrganisationPractitioner[] = [];
  const effective = new Float64Array(headcount);
  const draw = new Float64Array(headcount);
  const rounding = new Float64Array(headcount);
  const capacityByKey = new Map<string, { points: number; fte: number }>();
  const spo = GRADES.indexOf('SPO');
  const regionIndexById = new Map(PROBATION_REGIONS.map((r, i) => [r.id, i]));
  let p = 0;
  teams.forEach((team, t) => {
    for (let member = 0; member <= (teamCaseHolders[t] as number); member++, p++) {
      const g = member === 0 ? spo : staffRng.weightedIndex(holding);
      const grade = GRADES[g] as Grade;
      const gp = profile.grades[grade];
      const partTime = staffRng.uniform() < gp.partTimeShare;
      const partHours = gp.partTimeHours[Math.floor(staffRng.uniform() * gp.partTimeHours.length)] as number;
      const hours = partTime ? partHours : gp.fullTimeHours;
      const choice = gp.reductionChoices.length === 0 ? -1 : Math.floor(staffRng.uniform() * gp.reductionChoices.length);
      const reduction = gp.reductionChoices[choice];
      const number = pad(p + 1, 6);
      const practitioner: OrganisationPractitioner = {
        id: `practitioner-${number}`,
        name: `Practitioner ${number}`,
        grade,
        contractedHours: hours,
        ...(reduction === undefined ? {} : { reductions: [reduction] }),
        teamId: team.id,
      };
      practitioners.push(practitioner);
      const key = `${grade}|${hours}|${choice}`;
      let capacity = capacityByKey.get(key);
      if (capacity === undefined) {
        const available = availablePointsUnchecked({ ...practitioner, reductions: reduction === undefined ? undefined : [reduction] }, weightings, asOf);
        capacity = { points: available.points, fte: available.defaultHours === 0 ? 0 : available.effectiveHours / available.defaultHours };
        capacityByKey.set(key, capacity);
      }
      const fte = fteUnchecked(grade, hours, weightings);
      columns.gradeIndex[p] = g;
      columns.teamIndex[p] = t;
      columns.pduIndex[p] = teamPdu[t] as number;
      columns.regionIndex[p] = regionIndexById.get((pdus[teamPdu[t] as number] as Pdu).regionId) as number;
      columns.contractedHours[p] = hours;
      columns.availablePoints[p] = capacity.points;
      columns.fte[p] = fte;
      columns.standardDeliveryReports[p] = Math.min(0xffff, Math.floor(gp.reportsPerFte.standardDelivery * fte + staffRng.uniform()));
      columns.fastDeliveryReports[p] = Math.min(0xffff, Math.floor(gp.reportsPerFte.fastDelivery * fte + staffRng.uniform()));
      effective[p] = capacity.fte;
      draw[p] = gp.casesPerFte.mean + gp.casesPerFte.sd * loadRng.normal();
      rounding[p] = loadRng.uniform();
    }
  });
  return { practitioners, columns, effective, draw, rounding };
}
