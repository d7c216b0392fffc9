/**
 * A family of allocation problems the library was not tuned to: seeded, randomised structures
 * written from the problem statement and the domain facts (/work/shared/domain/facts.md), not from
 * the library's caseload generator. Each member draws its own structure from its seed:
 * - eligibility: one of five mask sets, from the default (A to PO and NQO) to A and B to POs only,
 *   and one where POs keep off D and untiered work;
 * - PDUs of `pduSize` practitioners (20–400 by default), skewed differently per member, each PDU with
 *   its own grade mix jittered around the member's (PO, PSO, PQiP trainees, NQOs, a few SPOs);
 * - part-time shares (15 to 30 contracted hours), trainees at 40% of capacity, NQOs at 80%, other
 *   reductions in hours, a few practitioners fully reduced (long-term sickness: no points available);
 * - current loads in a band within 20–95% of capacity, current case counts from those points, a few
 *   above the ceiling already (2% of officers are above 50 nationally);
 * - a case mix per member (protect and change levels, community, licence and custody, T2A on the
 *   custody column, untiered at 0 points, unpaid-work-only cases that do not count toward the ceiling),
 *   with PDU demand that does not follow PDU capacity exactly;
 * - continuity on or off, a share of cases with a preferred officer (some in another PDU);
 * - PDU scope, the 50-case ceiling, cases in input order or heaviest last, and now and then a few
 *   cases whose PDU has no practitioners at all.
 * Problems come as `AllocationColumns` for the public `allocateColumnar`, with their rules.
 */
import { GRADES, RandomStream, type Grade } from '../src/index.js';
import { type AllocationColumns } from '../src/columnar.js';
import { type AllocationRules } from '../src/schemas.js';

/** Workload points per case by tier (A3 … D0) for community, licence and custody, from the published defaults. */
const POINTS: Readonly<Record<'community' | 'licence' | 'custody', readonly number[]>> = {
  community: [206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29],
  licence: [219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0],
  custody: [75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0],
};
/** Nominal target of a full-time practitioner, and the default full-time hours (PO, PSO alike). */
const NOMINAL_POINTS = 2176;
const FULL_TIME_HOURS = 37;
const PART_TIME_HOURS = [15, 18.5, 22.5, 30] as const;
/** The hard case ceiling. */
export const FAMILY_CEILING = 50;
/** Allocation levels in the library's column order: protect levels A–D, then untiered. */
const LEVELS = ['A', 'B', 'C', 'D', 'untiered'] as const;
type Level = (typeof LEVELS)[number];

/** Eligible grades per level: the five structures the family cycles through. */
export const ELIGIBILITY_SETS: readonly { readonly name: string; readonly grades: Readonly<Record<Level, readonly Grade[]>> }[] = [
  { name: 'default', grades: { A: ['PO', 'NQO'], B: ['PO', 'NQO', 'PSO', 'PQiP'], C: ['PO', 'NQO', 'PSO', 'PQiP'], D: ['PO', 'NQO', 'PSO', 'PQiP'], untiered: ['PO', 'NQO', 'PSO', 'PQiP'] } },
  { name: 'AB>PO', grades: { A: ['PO'], B: ['PO'], C: ['PO', 'NQO', 'PSO', 'PQiP'], D: ['PO', 'NQO', 'PSO', 'PQiP'], untiered: ['PO', 'NQO', 'PSO', 'PQiP'] } },
  { name: 'AB>PO+NQO', grades: { A: ['PO', 'NQO'], B: ['PO', 'NQO'], C: ['PO', 'NQO', 'PSO', 'PQiP'], D: ['PO', 'NQO', 'PSO', 'PQiP'], untiered: ['PO', 'NQO', 'PSO', 'PQiP'] } },
  { name: 'stepped', grades: { A: ['PO'], B: ['PO', 'NQO'], C: ['PO', 'NQO', 'PSO'], D: ['PO', 'NQO', 'PSO', 'PQiP'], untiered: ['PO', 'NQO', 'PSO', 'PQiP'] } },
  { name: 'AB>PO,D>PSO', grades: { A: ['PO'], B: ['PO'], C: ['PO', 'NQO', 'PSO', 'PQiP'], D: ['NQO', 'PSO', 'PQiP'], untiered: ['NQO', 'PSO', 'PQiP'] } },
];

/** The size of a member: how many PDUs, their size range, and new cases per practitioner. */
export interface FamilySize {
  readonly pdus: number;
  /** Smallest and largest PDU (practitioners, SPOs included). */
  readonly pduSize: readonly [number, number];
  /** New cases per practitioner: 15 leaves the ceiling slack for most, 30 makes it bind. */
  readonly casesPerPractitioner: number;
}

/** The national size of the issue: 108 PDUs of 20–400 (about 20,000 practitioners); 15 or 30 new cases each. */
export const NATIONAL_SLACK: FamilySize = { pdus: 108, pduSize: [20, 400], casesPerPractitioner: 15 };
export const NATIONAL_BINDING: FamilySize = { ...NATIONAL_SLACK, casesPerPractitioner: 30 };

/** What a member is made of, for tables and diagnosis. */
export interface FamilyTraits {
  readonly eligibility: string;
  readonly partTimeShare: number;
  readonly poShare: number;
  /** Band of current loads, capacity %. */
  readonly currentLoad: readonly [number, number];
  readonly continuity: boolean;
  readonly heaviestLast: boolean;
  /** Share of new cases at protect level A or B. */
  readonly abShare: number;
}

/** One member of the family: columns for `allocateColumnar`, the rules to pass, and the masks they mean. */
export interface FamilyProblem {
  readonly seed: number;
  readonly columns: AllocationColumns;
  readonly rules: AllocationRules;
  /** Eligible-grade bit mask (bit = index in GRADES) per level, in the library's level order. */
  readonly masks: Uint8Array;
  readonly traits: FamilyTraits;
  /** Short description of the structure (≤ 30 characters). */
  readonly label: string;
}

const gradeIndex = (g: Grade) => GRADES.indexOf(g);

/** A share drawn uniformly in [lo, hi]. */
const between = (r: RandomStream, lo: number, hi: number) => lo + (hi - lo) * r.uniform();

/** An index drawn from unnormalised weights. */
function pick(r: RandomStream, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = r.uniform() * total;
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k] as number;
    if (u < 0) return k;
  }
  return weights.length - 1;
}

/** Per-member structure drawn from the seed: grade shares, hours, loads, case mix, continuity. */
interface Structure {
  readonly eligibility: (typeof ELIGIBILITY_SETS)[number];
  readonly skew: number;
  readonly gradeShares: readonly number[];
  readonly partTime: number;
  readonly otherReduction: number;
  readonly load: readonly [number, number];
  readonly protectShares: readonly number[];
  readonly changeShares: readonly number[];
  readonly typeShares: readonly number[];
  readonly t2a: number;
  readonly unpaidWorkOnly: number;
  readonly continuity: boolean;
  readonly preferredShare: number;
  readonly heaviestLast: boolean;
  readonly orphanCases: number;
}

function structureOf(seed: number, r: RandomStream): Structure {
  const lo = between(r, 20, 55);
  const po = between(r, 0.35, 0.6);
  const pqip = between(r, 0.05, 0.2);
  const nqo = between(r, 0, 0.1);
  const spo = between(r, 0, 0.04);
  // GRADES order: PO, PSO, PQiP, NQO, SPO.
  const gradeShares = [po, Math.max(0.05, 1 - po - pqip - nqo - spo), pqip, nqo, spo];
  // Higher-risk cases only POs may hold were 12% of the caseload in June 2021, and rising.
  const a = between(r, 0.02, 0.08);
  const b = between(r, 0.08, 0.25);
  const c = between(r, 0.2, 0.45);
  const untiered = between(r, 0, 0.05);
  return {
    eligibility: ELIGIBILITY_SETS[seed % ELIGIBILITY_SETS.length] as (typeof ELIGIBILITY_SETS)[number],
    skew: between(r, 0.6, 2.5),
    gradeShares,
    partTime: between(r, 0.05, 0.35),
    otherReduction: between(r, 0.03, 0.25),
    load: [lo, Math.min(95, lo + between(r, 15, 50))],
    protectShares: [a, b, c, Math.max(0.05, 1 - a - b - c - untiered), untiered],
    changeShares: [between(r, 0.5, 2), between(r, 0.5, 2), between(r, 0.5, 2), between(r, 0.2, 1)],
    typeShares: [between(r, 0.4, 0.7), between(r, 0.15, 0.35), between(r, 0.05, 0.25)],
    t2a: between(r, 0, 0.08),
    unpaidWorkOnly: between(r, 0, 0.12),
    continuity: Math.floor(seed / ELIGIBILITY_SETS.length) % 2 === 0,
    preferredShare: between(r, 0.05, 0.25),
    heaviestLast: r.uniform() < 0.25,
    orphanCases: r.uniform() < 0.3 ? r.integer(1, 20) : 0,
  };
}

/**
 * The practitioner among start..end-1 at share u of their running total of points available
 * (`cumulative`, restarting at each PDU): a draw in proportion to points available.
 */
function holderIn(cumulative: Float64Array, start: number, end: number, u: number): number {
  const total = cumulative[end - 1] as number;
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) > u * total) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Points of a case at one tier (0–15 for A3 … D0) and type; T2A cases take the custody column. */
function pointsOf(tier: number, type: number, t2a: boolean): number {
  const column = t2a || type === 2 ? POINTS.custody : type === 1 ? POINTS.licence : POINTS.community;
  return column[tier] as number;
}

/**
 * Member `seed` of the family at a size. Same seed and size give the same problem, value for value.
 *
 * @example
 * ```ts
 * const p = familyProblem(3, { pdus: 4, pduSize: [3, 8], casesPerPractitioner: 15 });
 * allocateColumnar(p.columns, { policy: 'balanced', rules: p.rules });
 * ```
 */
export function familyProblem(seed: number, size: FamilySize): FamilyProblem {
  const [structureStream, peopleStream, caseStream] = RandomStream.streams(seed, 3) as [RandomStream, RandomStream, RandomStream];
  const s = structureOf(seed, structureStream);
  const [minSize, maxSize] = size.pduSize;

  // Practitioners, PDU by PDU.
  const sizes = Array.from({ length: size.pdus }, () => Math.round(minSize + (maxSize - minSize) * peopleStream.uniform() ** s.skew));
  const P = sizes.reduce((n, k) => n + k, 0);
  const available = new Float64Array(P);
  const pointsHundredths = new Float64Array(P);
  const cases = new Uint32Array(P);
  const ceilingCases = new Uint32Array(P);
  const grade = new Uint8Array(P);
  const scope = new Uint32Array(P);
  const pduAvailable = new Float64Array(size.pdus + 1);
  let p = 0;
  sizes.forEach((n, pdu) => {
    const shares = s.gradeShares.map((x, g) => (g === 0 ? x * between(peopleStream, 0.6, 1.4) : x));
    for (let k = 0; k < n; k++, p++) {
      const g = pick(peopleStream, shares);
      grade[p] = g;
      scope[p] = pdu;
      const hours = peopleStream.uniform() < s.partTime ? (PART_TIME_HOURS[peopleStream.integer(0, PART_TIME_HOURS.length - 1)] as number) : FULL_TIME_HOURS;
      let reduction = 0;
      if (g === gradeIndex('PQiP')) reduction = hours * 0.6;
      else if (g === gradeIndex('NQO')) reduction = hours * 0.2;
      const draw = peopleStream.uniform();
      if (draw < 0.01) reduction = hours;
      else if (draw < s.otherReduction) reduction = Math.min(hours, reduction + hours * between(peopleStream, 0.1, 0.5));
      // An SPO's default hours are 0: no points available, whatever the contract says.
      const points = g === gradeIndex('SPO') ? 0 : Math.floor((NOMINAL_POINTS * (hours - reduction)) / FULL_TIME_HOURS);
      available[p] = points;
      pduAvailable[pdu] = (pduAvailable[pdu] as number) + points;
      const load = between(peopleStream, s.load[0], s.load[1]);
      pointsHundredths[p] = Math.round(load * points);
      const held = Math.round((load * points) / 100 / between(peopleStream, 45, 110));
      const unpaid = Math.round(held * s.unpaidWorkOnly);
      cases[p] = peopleStream.uniform() < 0.02 ? FAMILY_CEILING + peopleStream.integer(0, 6) : held;
      ceilingCases[p] = Math.max(0, (cases[p] as number) - unpaid);
    }
  });
  const rank = Uint32Array.from({ length: P }, (_, k) => k);
  for (let k = P - 1; k > 0; k--) {
    const j = peopleStream.integer(0, k);
    [rank[k], rank[j]] = [rank[j] as number, rank[k] as number];
  }
  const pduStart = new Int32Array(size.pdus + 1);
  sizes.forEach((n, pdu) => (pduStart[pdu + 1] = (pduStart[pdu] as number) + n));

  const cumulative = new Float64Array(P);
  for (let k = 0, sum = 0, pdu = 0; k < P; k++) {
    if (k === pduStart[pdu + 1]) {
      pdu++;
      sum = 0;
    }
    sum += available[k] as number;
    cumulative[k] = sum;
  }

  // New cases: PDU demand near, not equal to, PDU capacity; one empty PDU (index `pdus`) for the orphans.
  const C = Math.round(P * size.casesPerPractitioner) + s.orphanCases;
  const demand = Array.from({ length: size.pdus }, (_, pdu) => (pduAvailable[pdu] as number) * between(caseStream, 0.7, 1.4));
  const abShift = Array.from({ length: size.pdus }, () => between(caseStream, 0.6, 1.5));
  const caseWeight = new Float64Array(C);
  const caseLevel = new Uint8Array(C);
  const caseCounts = new Uint8Array(C);
  const caseScope = new Uint32Array(C);
  const casePreferred = new Int32Array(C).fill(-1);
  let ab = 0;
  for (let i = 0; i < C; i++) {
    const pdu = i < s.orphanCases ? size.pdus : pick(caseStream, demand);
    caseScope[i] = pdu;
    const shift = abShift[pdu] ?? 1;
    const level = pick(caseStream, s.protectShares.map((x, l) => (l < 2 ? x * shift : x)));
    caseLevel[i] = level;
    if (level < 2) ab++;
    if (level === LEVELS.indexOf('untiered')) {
      caseCounts[i] = 1;
      continue;
    }
    const tier = level * 4 + (3 - pick(caseStream, s.changeShares));
    const type = pick(caseStream, s.typeShares);
    const t2a = caseStream.uniform() < s.t2a;
    caseWeight[i] = pointsOf(tier, type, t2a) * 100;
    // Unpaid-work-only community cases keep their points but do not count toward the ceiling.
    caseCounts[i] = type === 0 && caseStream.uniform() < s.unpaidWorkOnly ? 0 : 1;
    if (caseStream.uniform() < s.preferredShare && pdu < size.pdus) {
      // Mostly someone in the case's PDU; one in ten elsewhere (continuity cannot be kept then).
      // Officers hold cases in proportion to their points available, so that is who is preferred.
      const home = caseStream.uniform() < 0.9 ? pdu : caseStream.integer(0, size.pdus - 1);
      casePreferred[i] = holderIn(cumulative, pduStart[home] as number, pduStart[home + 1] as number, caseStream.uniform());
    }
  }
  const columns: AllocationColumns = {
    practitionerCount: P,
    available,
    pointsHundredths,
    cases,
    ceilingCases,
    grade,
    scope,
    rank,
    caseCount: C,
    caseWeight,
    caseLevel,
    caseCounts,
    caseScope,
    casePreferred,
    scopeCount: size.pdus + 1,
  };
  const masks = Uint8Array.from(LEVELS, (level) => s.eligibility.grades[level].reduce((m, g) => m | (1 << gradeIndex(g)), 0));
  const traits: FamilyTraits = {
    eligibility: s.eligibility.name,
    partTimeShare: s.partTime,
    poShare: s.gradeShares[0] as number,
    currentLoad: s.load,
    continuity: s.continuity,
    heaviestLast: s.heaviestLast,
    abShare: C === 0 ? 0 : ab / C,
  };
  const problem = s.heaviestLast ? heaviestLast(columns) : columns;
  // e.g. `AB>PO pt18 L25-53 C HL`: eligibility, part-time %, current load band %, continuity (C or -), heaviest last.
  const label = [
    traits.eligibility,
    `pt${Math.round(traits.partTimeShare * 100)}`,
    `L${Math.round(s.load[0])}-${Math.round(s.load[1])}`,
    traits.continuity ? 'C' : '-',
    ...(traits.heaviestLast ? ['HL'] : []),
  ].join(' ');
  return {
    seed,
    columns: problem,
    rules: { eligibleGrades: eligibleGradesOf(s.eligibility.grades), scope: 'pdu', ceiling: FAMILY_CEILING, continuity: s.continuity },
    masks,
    traits,
    label,
  };
}

/** A mask set as the rules take it (mutable arrays). */
function eligibleGradesOf(grades: Readonly<Record<Level, readonly Grade[]>>): NonNullable<AllocationRules['eligibleGrades']> {
  return { A: [...grades.A], B: [...grades.B], C: [...grades.C], D: [...grades.D], untiered: [...grades.untiered] };
}

/** The same problem with its cases in ascending weight: the heaviest arrive last (a stable sort). */
function heaviestLast(c: AllocationColumns): AllocationColumns {
  const order = Int32Array.from({ length: c.caseCount }, (_, i) => i).sort((a, b) => (c.caseWeight[a] as number) - (c.caseWeight[b] as number) || a - b);
  const permute = <T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(column: T): T => {
    const out = column.slice() as T;
    order.forEach((from, to) => (out[to] = column[from] as number));
    return out;
  };
  return {
    ...c,
    caseWeight: permute(c.caseWeight),
    caseLevel: permute(c.caseLevel),
    caseCounts: permute(c.caseCounts),
    caseScope: permute(c.caseScope),
    casePreferred: permute(c.casePreferred),
  };
}
