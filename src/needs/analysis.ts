/**
 * A strategic needs analysis of a caseload (the Inspectorate's recommendation 1): prevalence of each
 * OASys need area by region, PDU, case type and sex with Wilson 95% intervals, co-occurrence of
 * needs, and the people eligible for each commissioned pathway by region. One columnar kernel serves
 * the object API and national-scale columns.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { CASE_TYPES, NEED_AREAS, NEED_SEVERITIES, caseTypeSchema, needSeveritiesSchema, type CaseType, type NeedArea } from '../tiers/index.js';
import { crosswalkSchema, crosswalkOf, type CompiledCrosswalk } from './crosswalk.js';
import { wilsonCore, type ProportionInterval } from './wilson.js';
import { deepFreeze } from '../freeze.js';

/** The two sexes of the analysis, in the order of the `female` column (0 male, 1 female). */
export const SEXES = deepFreeze(['male', 'female'] as const);
/** One of {@link SEXES}. */
export type Sex = (typeof SEXES)[number];

/** Most people one analysis takes (counts stay exact in 32-bit cells). */
export const MAX_ANALYSIS_PEOPLE = 50_000_000;
/** Most PDUs one analysis takes. */
export const MAX_ANALYSIS_PDUS = 20_000;
/** Most regions one analysis takes. */
export const MAX_ANALYSIS_REGIONS = 1_000;

const AREAS = NEED_AREAS.length;
const MASKS = 1 << AREAS;

/** Zod schema of one person as the needs analysis reads them: where, what kind of case, sex, needs. */
export const personNeedsSchema = z.strictObject({
  /** Probation region, e.g. `London`. */
  region: z.string().min(1, 'expected a region'),
  /** Probation Delivery Unit within the region. */
  pdu: z.string().min(1, 'expected a PDU'),
  /** Community, licence or custody. */
  caseType: caseTypeSchema,
  /** Whether the person is a woman (as the tier assessment's `female`). */
  female: z.boolean(),
  /** Severity of each need area from the latest assessment (absent = none): the tier calculation's schema. */
  needs: needSeveritiesSchema,
});
/** One person with needs (see {@link personNeedsSchema}). */
export type PersonNeeds = z.input<typeof personNeedsSchema>;

/**
 * A caseload's needs as columns, entry `i` of each being person `i`:
 * - `regions`: region names, each once;
 * - `pdus`: PDUs, each `{ name, region }` with `region` an index into `regions` (a name once per region);
 * - `pduIndex`: the person's PDU, an index into `pdus` (their region is the PDU's);
 * - `caseTypeIndex`: position in `CASE_TYPES` (0 community, 1 licence, 2 custody);
 * - `female`: 1 for women, else 0;
 * - `needSeverity`: `10 x n` entries, person `i`'s at `10i … 10i + 9` in `NEED_AREAS` order, each 0
 *   none, 1 standard, 2 severe (the ten-wide column `calculateTiers` also reads).
 */
export interface NeedsColumns {
  readonly regions: readonly string[];
  readonly pdus: readonly { readonly name: string; readonly region: number }[];
  readonly pduIndex: Uint32Array;
  readonly caseTypeIndex: Uint8Array;
  readonly female: Uint8Array;
  readonly needSeverity: Uint8Array;
}

const u8 = z.instanceof(Uint8Array, { message: 'expected a Uint8Array' });

/** Zod schema of {@link NeedsColumns}: names and types (lengths and values are checked in one pass). */
export const needsColumnsSchema = z.strictObject({
  regions: z.array(z.string().min(1, 'expected a region name')).min(1, 'expected at least one region').max(MAX_ANALYSIS_REGIONS, `expected at most ${MAX_ANALYSIS_REGIONS} regions`).readonly(),
  pdus: z
    .array(z.strictObject({ name: z.string().min(1, 'expected a PDU name'), region: z.number().int('expected a region index').min(0, 'expected a region index') }))
    .min(1, 'expected at least one PDU')
    .max(MAX_ANALYSIS_PDUS, `expected at most ${MAX_ANALYSIS_PDUS} PDUs`)
    .readonly(),
  pduIndex: z.instanceof(Uint32Array, { message: 'expected a Uint32Array' }),
  caseTypeIndex: u8,
  female: u8,
  needSeverity: u8,
});

/** Zod schema of the options of {@link needsAnalysis}. */
export const needsAnalysisOptionsSchema = z.strictObject({
  /** Need areas to pathways (default `DEFAULT_CROSSWALK`, derived). */
  crosswalk: crosswalkSchema.optional(),
});
/** Options of {@link needsAnalysis}. */
export type NeedsAnalysisOptions = z.input<typeof needsAnalysisOptionsSchema>;

/** One need area in one group. */
export interface NeedPrevalence extends ProportionInterval {
  /** People with the need identified (standard or severe). `proportion` = people / the group's people. */
  readonly people: number;
  /** People with the need severe. */
  readonly severe: number;
}

/** Prevalence of every need area in one group of people. */
export interface PrevalenceGroup {
  /** The region, PDU, case type or sex (`England and Wales` for the nation). */
  readonly key: string;
  /** For a PDU: its region; otherwise `null`. */
  readonly region: string | null;
  /** People in the group. */
  readonly people: number;
  /** People with at least one need identified. */
  readonly withAnyNeed: number;
  readonly needs: Readonly<Record<NeedArea, NeedPrevalence>>;
}

/** People eligible for one pathway (with at least one need the crosswalk maps to it). */
export interface PathwayEligibility {
  readonly pathway: string;
  /** People eligible (a woman with a mapped need counts for the women's pathway as well as the need's own). */
  readonly people: number;
}

/** Eligible people for one pathway in one region. */
export interface RegionPathwayEligibility extends PathwayEligibility {
  readonly region: string;
}

/** The needs analysis of a caseload. Every proportion is a fraction 0–1 of the group's people. */
export interface NeedsAnalysis {
  /** People analysed. */
  readonly people: number;
  /** The crosswalk's basis (`derived` by default: no official mapping is published) and note. */
  readonly crosswalk: { readonly basis: 'derived' | 'published'; readonly note: string; readonly pathways: readonly string[] };
  readonly national: PrevalenceGroup;
  /** In region order (as given, or first seen). */
  readonly byRegion: readonly PrevalenceGroup[];
  /** In PDU order (as given, or first seen). */
  readonly byPdu: readonly PrevalenceGroup[];
  /** In `CASE_TYPES` order, groups with people only. */
  readonly byCaseType: readonly PrevalenceGroup[];
  /** Male then female, groups with people only. */
  readonly bySex: readonly PrevalenceGroup[];
  /** People with both needs identified: `coOccurrence[a][b]` in `NEED_AREAS` order (the diagonal: people with the need). */
  readonly coOccurrence: readonly (readonly number[])[];
  /** Eligible people per pathway, national, in the crosswalk's pathway order. */
  readonly eligible: readonly PathwayEligibility[];
  /** Eligible people per pathway and region (region-major): a year's caseload gives people a year. */
  readonly eligibleByRegion: readonly RegionPathwayEligibility[];
  /** People eligible for no pathway (no mapped need at the minimum severity): returned, not dropped. */
  readonly eligibleForNone: number;
}

/** The counts the kernel gathers in one pass. Internal. */
interface Tallies {
  readonly people: number;
  /** People per cell (pdu x case type x sex). */
  readonly cellPeople: Uint32Array;
  /** Per cell and need area: people with the need identified. */
  readonly cellAny: Uint32Array;
  /** Per cell and need area: people with the need severe. */
  readonly cellSevere: Uint32Array;
  /** Per cell: people with any need identified. */
  readonly cellWithAny: Uint32Array;
  /** Per region, sex and mask of needs at the crosswalk's minimum severity: people. */
  readonly eligibleMasks: Uint32Array;
  /** Per mask of needs identified: people (national). */
  readonly anyMasks: Uint32Array;
}

const CELLS_PER_PDU = CASE_TYPES.length * 2;

function columnError(column: string, index: number, value: number, expected: string): WorkloadError {
  const path = `people.${column}[${index}]`;
  return new WorkloadError('INVALID_INPUT', `${path}: got ${value}, expected ${expected}`, { path });
}

/** Checks names are unique and PDUs point at regions. */
function checkDictionaries(c: z.output<typeof needsColumnsSchema>): void {
  const fail = (path: string, message: string) => {
    throw new WorkloadError('INVALID_INPUT', `${path}: ${message}`, { path });
  };
  const regions = new Set<string>();
  c.regions.forEach((name, r) => {
    if (regions.has(name)) fail(`people.regions[${r}]`, `region "${name}" is listed twice`);
    regions.add(name);
  });
  const pdus = new Set<string>();
  c.pdus.forEach((pdu, p) => {
    if (pdu.region >= c.regions.length) fail(`people.pdus[${p}].region`, `got ${pdu.region}, expected a region index 0..${c.regions.length - 1}`);
    const key = `${pdu.region}\u0000${pdu.name}`;
    if (pdus.has(key)) fail(`people.pdus[${p}]`, `PDU "${pdu.name}" is listed twice in region "${c.regions[pdu.region]}"`);
    pdus.add(key);
  });
}

/** The kernel: one pass over the people, counting into cells; every value checked as it is read. */
function tally(c: NeedsColumns, x: CompiledCrosswalk): Tallies {
  const n = c.pduIndex.length;
  if (n > MAX_ANALYSIS_PEOPLE) throw new WorkloadError('INVALID_INPUT', `people.pduIndex: ${n} people, expected at most ${MAX_ANALYSIS_PEOPLE}`, { path: 'people.pduIndex' });
  for (const [column, expected] of [['caseTypeIndex', n], ['female', n], ['needSeverity', AREAS * n]] as const) {
    if (c[column].length !== expected) throw new WorkloadError('INVALID_INPUT', `people.${column}: has ${c[column].length} entries, expected ${expected}`, { path: `people.${column}` });
  }
  const pduCount = c.pdus.length;
  const pduRegion = Uint32Array.from(c.pdus, (p) => p.region);
  const cellPeople = new Uint32Array(pduCount * CELLS_PER_PDU);
  const cellAny = new Uint32Array(cellPeople.length * AREAS);
  const cellSevere = new Uint32Array(cellPeople.length * AREAS);
  const cellWithAny = new Uint32Array(cellPeople.length);
  const eligibleMasks = new Uint32Array(c.regions.length * 2 * MASKS);
  const anyMasks = new Uint32Array(MASKS);
  const { pduIndex, caseTypeIndex, female, needSeverity } = c;
  const minimum = x.minimumSeverity;
  for (let i = 0; i < n; i++) {
    const pdu = pduIndex[i] as number;
    const caseType = caseTypeIndex[i] as number;
    const sex = female[i] as number;
    if (pdu >= pduCount) throw columnError('pduIndex', i, pdu, `a PDU index 0..${pduCount - 1}`);
    if (caseType > 2) throw columnError('caseTypeIndex', i, caseType, '0..2 (positions in CASE_TYPES)');
    if (sex > 1) throw columnError('female', i, sex, '0 or 1');
    const cell = pdu * CELLS_PER_PDU + caseType * 2 + sex;
    cellPeople[cell] = (cellPeople[cell] as number) + 1;
    const base = cell * AREAS;
    let anyMask = 0;
    let eligibleMask = 0;
    for (let k = 0; k < AREAS; k++) {
      const severity = needSeverity[i * AREAS + k] as number;
      if (severity === 0) continue;
      if (severity > 2) throw columnError('needSeverity', i * AREAS + k, severity, '0, 1 or 2 (none, standard, severe)');
      cellAny[base + k] = (cellAny[base + k] as number) + 1;
      anyMask |= 1 << k;
      if (severity >= minimum) eligibleMask |= 1 << k;
      if (severity === 2) cellSevere[base + k] = (cellSevere[base + k] as number) + 1;
    }
    if (anyMask !== 0) cellWithAny[cell] = (cellWithAny[cell] as number) + 1;
    anyMasks[anyMask] = (anyMasks[anyMask] as number) + 1;
    const slot = ((pduRegion[pdu] as number) * 2 + sex) * MASKS + eligibleMask;
    eligibleMasks[slot] = (eligibleMasks[slot] as number) + 1;
  }
  return { people: n, cellPeople, cellAny, cellSevere, cellWithAny, eligibleMasks, anyMasks };
}

/** Sums of the cells `cells` into one group (a group without people: proportion 0, interval [0, 1]). */
function groupOf(t: Tallies, key: string, region: string | null, cells: readonly number[]): PrevalenceGroup {
  let people = 0;
  let withAnyNeed = 0;
  const any = new Array<number>(AREAS).fill(0);
  const severe = new Array<number>(AREAS).fill(0);
  for (const cell of cells) {
    people += t.cellPeople[cell] as number;
    withAnyNeed += t.cellWithAny[cell] as number;
    for (let k = 0; k < AREAS; k++) {
      any[k] = (any[k] as number) + (t.cellAny[cell * AREAS + k] as number);
      severe[k] = (severe[k] as number) + (t.cellSevere[cell * AREAS + k] as number);
    }
  }
  const needs = Object.fromEntries(
    NEED_AREAS.map((area, k) => {
      const count = any[k] as number;
      const interval = people === 0 ? { proportion: 0, lower: 0, upper: 1 } : wilsonCore(count, people);
      return [area, { people: count, severe: severe[k] as number, ...interval }];
    }),
  ) as Record<NeedArea, NeedPrevalence>;
  return { key, region, people, withAnyNeed, needs };
}

/** Pathway counts of one region and sex's mask histogram, added into `out`. */
function addEligible(masks: Uint32Array, offset: number, woman: boolean, x: CompiledCrosswalk, out: number[]): void {
  for (let mask = 1; mask < MASKS; mask++) {
    const people = masks[offset + mask] as number;
    if (people === 0) continue;
    x.needMasks.forEach((needMask, p) => {
      if ((mask & needMask) !== 0) out[p] = (out[p] as number) + people;
    });
    if (woman && x.womenPathway >= 0 && (mask & x.mappedMask) !== 0 && (mask & (x.needMasks[x.womenPathway] as number)) === 0) {
      out[x.womenPathway] = (out[x.womenPathway] as number) + people;
    }
  }
}

/** Trusted core: the analysis of validated columns under a compiled crosswalk. */
export function analyseColumns(c: NeedsColumns, x: CompiledCrosswalk): NeedsAnalysis {
  const t = tally(c, x);
  const pduCells = (p: number) => Array.from({ length: CELLS_PER_PDU }, (_, j) => p * CELLS_PER_PDU + j);
  const cellsWhere = (keep: (cell: number) => boolean) => Array.from({ length: t.cellPeople.length }, (_, cell) => cell).filter(keep);
  const pdusOfRegion = c.regions.map(() => [] as number[]);
  c.pdus.forEach((pdu, p) => pdusOfRegion[pdu.region]?.push(p));
  const byRegion = c.regions.map((name, r) => groupOf(t, name, null, (pdusOfRegion[r] as number[]).flatMap(pduCells)));
  const byPdu = c.pdus.map((pdu, p) => groupOf(t, pdu.name, c.regions[pdu.region] as string, pduCells(p)));
  const byCaseType = CASE_TYPES.map((caseType: CaseType, k) => groupOf(t, caseType, null, cellsWhere((cell) => Math.floor((cell % CELLS_PER_PDU) / 2) === k))).filter((g) => g.people > 0);
  const bySex = SEXES.map((sex: Sex, s) => groupOf(t, sex, null, cellsWhere((cell) => cell % 2 === s))).filter((g) => g.people > 0);
  const national = groupOf(t, 'England and Wales', null, cellsWhere(() => true));

  const coOccurrence = NEED_AREAS.map(() => new Array<number>(AREAS).fill(0));
  for (let mask = 1; mask < MASKS; mask++) {
    const people = t.anyMasks[mask] as number;
    if (people === 0) continue;
    for (let a = 0; a < AREAS; a++) {
      if ((mask & (1 << a)) === 0) continue;
      const row = coOccurrence[a] as number[];
      for (let b = 0; b < AREAS; b++) if ((mask & (1 << b)) !== 0) row[b] = (row[b] as number) + people;
    }
  }

  const eligibleByRegion: RegionPathwayEligibility[] = [];
  const nationalEligible = new Array<number>(x.pathways.length).fill(0);
  let eligibleForNone = 0;
  c.regions.forEach((region, r) => {
    const counts = new Array<number>(x.pathways.length).fill(0);
    for (let sex = 0; sex < 2; sex++) {
      const offset = (r * 2 + sex) * MASKS;
      addEligible(t.eligibleMasks, offset, sex === 1, x, counts);
      for (let mask = 0; mask < MASKS; mask++) if ((mask & x.mappedMask) === 0) eligibleForNone += t.eligibleMasks[offset + mask] as number;
    }
    counts.forEach((people, p) => {
      nationalEligible[p] = (nationalEligible[p] as number) + people;
      eligibleByRegion.push({ region, pathway: x.pathways[p] as string, people });
    });
  });
  return {
    people: t.people,
    crosswalk: { basis: x.basis, note: x.note, pathways: x.pathways },
    national,
    byRegion,
    byPdu,
    byCaseType,
    bySex,
    coOccurrence,
    eligible: x.pathways.map((pathway, p) => ({ pathway, people: nationalEligible[p] as number })),
    eligibleByRegion,
    eligibleForNone,
  };
}

/** People as objects → columns, regions and PDUs in the order first seen. */
function columnsOfPeople(people: readonly z.output<typeof personNeedsSchema>[]): NeedsColumns {
  const regions: string[] = [];
  const regionIndex = new Map<string, number>();
  const pdus: { name: string; region: number }[] = [];
  const pduIndexByKey = new Map<string, number>();
  const n = people.length;
  const pduIndex = new Uint32Array(n);
  const caseTypeIndex = new Uint8Array(n);
  const female = new Uint8Array(n);
  const needSeverity = new Uint8Array(AREAS * n);
  people.forEach((person, i) => {
    let r = regionIndex.get(person.region);
    if (r === undefined) {
      r = regions.push(person.region) - 1;
      regionIndex.set(person.region, r);
    }
    const key = `${r}\u0000${person.pdu}`;
    let p = pduIndexByKey.get(key);
    if (p === undefined) {
      p = pdus.push({ name: person.pdu, region: r }) - 1;
      pduIndexByKey.set(key, p);
    }
    pduIndex[i] = p;
    caseTypeIndex[i] = CASE_TYPES.indexOf(person.caseType);
    female[i] = person.female ? 1 : 0;
    NEED_AREAS.forEach((area, k) => {
      const severity = person.needs[area];
      needSeverity[i * AREAS + k] = severity === 'severe' ? 2 : severity === 'standard' ? 1 : 0;
    });
  });
  return { regions, pdus, pduIndex, caseTypeIndex, female, needSeverity };
}

const PERSON_KEYS = ['region', 'pdu', 'caseType', 'female', 'needs'] as const;
const CASE_TYPE_SET: ReadonlySet<unknown> = new Set(CASE_TYPES);
const AREA_SET: ReadonlySet<string> = new Set(NEED_AREAS);
const SEVERITY_SET: ReadonlySet<unknown> = new Set(NEED_SEVERITIES);

const isPlainObject = (x: unknown): x is Record<string, unknown> => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Whether `x` is a person {@link personNeedsSchema} certainly accepts, by a few plain checks: a
 * plain object with exactly its five own keys, non-empty strings, a known case type, a boolean, and
 * needs a plain object of known areas and severities. Stricter than the schema, never looser: a
 * person it refuses goes to zod, which gives the error (or accepts what this was too strict for).
 */
function certainlyValid(x: unknown): boolean {
  if (!isPlainObject(x) || Object.keys(x).length !== PERSON_KEYS.length || !PERSON_KEYS.every((k) => Object.hasOwn(x, k))) return false;
  const { region, pdu, caseType, female, needs } = x;
  if (typeof region !== 'string' || region === '' || typeof pdu !== 'string' || pdu === '' || !CASE_TYPE_SET.has(caseType) || typeof female !== 'boolean' || !isPlainObject(needs)) return false;
  for (const area of Object.keys(needs)) if (!AREA_SET.has(area) || !SEVERITY_SET.has(needs[area])) return false;
  return true;
}

const peopleSchema = z.array(personNeedsSchema).min(1, 'expected at least one person').max(MAX_ANALYSIS_PEOPLE, `expected at most ${MAX_ANALYSIS_PEOPLE} people`);

/**
 * The strategic needs analysis of a caseload: prevalence of each need area (standard or severe) by
 * region, PDU, case type and sex, with counts and Wilson 95% score intervals (fractions 0–1);
 * co-occurrence of needs (people with both); and the people eligible for each commissioned pathway,
 * nationally and by region, under a crosswalk (default {@link DEFAULT_CROSSWALK}, derived). A
 * person is eligible for a pathway when at least one of their needs maps to it; a woman with any
 * mapped need is eligible for the women's pathway too. People eligible for none are counted.
 *
 * @param people each with region, PDU, case type, sex and needs (the tier calculation's need schema)
 * @param options the crosswalk
 * @example
 * ```ts
 * const a = needsAnalysis([
 *   { region: 'Wales', pdu: 'Cardiff', caseType: 'community', female: true, needs: { accommodation: 'severe' } },
 *   { region: 'Wales', pdu: 'Cardiff', caseType: 'custody', female: false, needs: { attitudes: 'standard' } },
 * ]);
 * a.national.needs.accommodation.people; // 1 (of 2: proportion 0.5)
 * a.eligible.map((e) => e.people); // [1, 0, 0, 1, 0, 0]: accommodation, and women's services for the woman
 * a.eligibleForNone; // 1: attitudes leads to accredited programmes, not a commissioned pathway
 * ```
 */
export function needsAnalysis(people: readonly PersonNeeds[], options: NeedsAnalysisOptions = {}): NeedsAnalysis {
  const o = parseInput(needsAnalysisOptionsSchema, options, 'options');
  const x = crosswalkOf(o.crosswalk, 'options.crosswalk');
  // the common case, every person plainly valid, skips zod's per-person parse; anything else is parsed for its error
  const plain = Array.isArray(people) && people.length >= 1 && people.length <= MAX_ANALYSIS_PEOPLE && people.every(certainlyValid);
  const parsed = plain ? (people as readonly z.output<typeof personNeedsSchema>[]) : parseInput(peopleSchema, people, 'people');
  return analyseColumns(columnsOfPeople(parsed), x);
}

/**
 * {@link needsAnalysis} over columns ({@link NeedsColumns}), for national scale: the columns are
 * checked once for type and length, and each value in the same pass as the counting.
 *
 * @example
 * ```ts
 * // two people in one PDU of London: a community man with drugs standard; a woman on licence, nothing
 * const a = needsAnalysisColumns({
 *   regions: ['London'], pdus: [{ name: 'Camden', region: 0 }], pduIndex: Uint32Array.of(0, 0),
 *   caseTypeIndex: Uint8Array.of(0, 1), female: Uint8Array.of(0, 1),
 *   needSeverity: Uint8Array.of(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), // 10 a person
 * });
 * a.national.needs.drugMisuse.people; // 1
 * a.eligible.find((e) => e.pathway === 'dependency and recovery')?.people; // 1
 * ```
 */
export function needsAnalysisColumns(people: NeedsColumns, options: NeedsAnalysisOptions = {}): NeedsAnalysis {
  const o = parseInput(needsAnalysisOptionsSchema, options, 'options');
  const x = crosswalkOf(o.crosswalk, 'options.crosswalk');
  const c = parseInput(needsColumnsSchema, people, 'people');
  checkDictionaries(c);
  return analyseColumns(c, x);
}
