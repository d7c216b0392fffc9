/**
 * Synthetic needs for a whole caseload: every case of an organisation (and, when given, every
 * transferring case arriving in its PDUs) becomes a person with a sex and the ten OASys needs,
 * drawn by `synthesiseNeeds` from the change level of the case's tier, ready for the needs
 * analysis. The caseload room knows nothing of needs: this joining room reads its columns.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { RandomStream } from '../random.js';
import { checkColumn, parseInput, percentSchema, typedArraySchema } from '../validate.js';
import { checkOrganisationCaseload } from '../caseload/internal.js';
import type { OrganisationCaseload } from '../caseload/index.js';
import { CASE_TYPES, TIERS, UNTIERED, UTM_TIERS } from '../tiers/index.js';
import type { NeedsColumns } from './analysis.js';
import { MAX_SYNTHETIC_PEOPLE, synthesiseNeedsInputSchema, synthesiseNeedsUnchecked, type SyntheticNeeds } from './synthesise.js';
import { deepFreeze } from '../freeze.js';

/**
 * Women as a share of the caseload, %, when not given: an ASSUMPTION (no caseload split by sex is
 * in the notes), near the share of court reports written on women in 2019/20 (17,286 of 109,952,
 * 15.7%: written answer, October 2020), within an assumed range of 12–18%.
 *
 * @example
 * ```ts
 * DEFAULT_FEMALE_PERCENT; // { value: 15, basis: 'assumed', range: [12, 18] }
 * ```
 */
export const DEFAULT_FEMALE_PERCENT = deepFreeze({ value: 15, basis: 'assumed', range: [12, 18] } as const);

/** Zod schema of new cases arriving in the organisation's PDUs (e.g. `generateCases` output): the columns read. */
export const incomingCasesSchema = z.object({
  /** The PDU each case arrives in, an index into the organisation's `pdus`. */
  pduIndex: typedArraySchema(Uint32Array),
  /** Position in `TIERS` of each case's tier. */
  tierIndex: typedArraySchema(Uint8Array),
  /** Position in `CASE_TYPES` of each case's case type. */
  caseTypeIndex: typedArraySchema(Uint8Array),
});
/** New cases arriving in an organisation's PDUs (see {@link incomingCasesSchema}). */
export interface IncomingCases {
  readonly pduIndex: Uint32Array;
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
}

/** Zod schema of the options of {@link synthesiseCaseloadNeeds}. */
export const caseloadNeedsOptionsSchema = z.strictObject({
  /** Seed of the draws of sex and needs. */
  seed: synthesiseNeedsInputSchema.shape.seed,
  /** Transferring (or other new) cases to include after the organisation's own, each a person. */
  incoming: incomingCasesSchema.optional(),
  /** %, 0–100: women among the people (default {@link DEFAULT_FEMALE_PERCENT}, assumed). */
  femalePercent: percentSchema.optional(),
  /** Prevalence targets, % per need area (default `NEED_PREVALENCE`). */
  prevalence: synthesiseNeedsInputSchema.shape.prevalence,
  /** %, 0–100: share of identified needs drawn severe (default 33). */
  severePercent: synthesiseNeedsInputSchema.shape.severePercent,
  /** Recalibration rounds (default 4). */
  calibrationRounds: synthesiseNeedsInputSchema.shape.calibrationRounds,
});
/** Options of {@link synthesiseCaseloadNeeds}. */
export type CaseloadNeedsOptions = Omit<z.input<typeof caseloadNeedsOptionsSchema>, 'incoming'> & { readonly incoming?: IncomingCases };
type ParsedOptions = Omit<z.output<typeof caseloadNeedsOptionsSchema>, 'incoming'> & { readonly incoming?: IncomingCases | undefined };

/** A caseload's people with synthetic needs. */
export interface CaseloadNeeds {
  /** The people as needs columns: the organisation's cases in case order, then the incoming ones. */
  readonly people: NeedsColumns;
  /** Each person's change level 0–3 from their case's tier (untiered: 0, drawn without a level to agree with). */
  readonly changeLevel: Uint8Array;
  /** OGRS score, whole %, that with the needs gives each person their change level. */
  readonly ogrs: Float64Array;
  /** People from `incoming` (the last of `people`). */
  readonly incoming: number;
  /** Per need area: target and achieved prevalence, %, as `synthesiseNeeds` reports it. */
  readonly prevalence: SyntheticNeeds['prevalence'];
  /** Women, %: the target and the share drawn. */
  readonly women: { readonly targetPercent: number; readonly achievedPercent: number };
}

const UTM = UTM_TIERS.length;
const UNTIERED_INDEX = TIERS.indexOf(UNTIERED);

/** Change level of a tier index (A3 … D0, their S variants; untiered 0). */
function changeLevelOf(tier: number): number {
  return tier >= UNTIERED_INDEX ? 0 : 3 - ((tier % UTM) % 4);
}

/** What the core reads of an organisation: its regions and PDUs, cases and their practitioners' PDUs. */
interface Sources {
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly pdus: readonly { readonly id: string; readonly name: string; readonly regionId: string }[];
  readonly practitionerPdu: Uint32Array;
  readonly cases: { readonly practitionerIndex: Uint32Array; readonly tierIndex: Uint8Array; readonly caseTypeIndex: Uint8Array };
}

/**
 * Trusted core: the people of an organisation (its cases, then `o.incoming`) with synthetic sex
 * and needs. Checks each case's tier, case type and PDU as it reads them (paths under `at`).
 */
export function caseloadNeedsUnchecked(org: Sources, o: ParsedOptions, at = 'caseload'): CaseloadNeeds {
  const held = org.cases.tierIndex.length;
  const incoming = o.incoming?.tierIndex.length ?? 0;
  const n = held + incoming;
  if (n > MAX_SYNTHETIC_PEOPLE) throw new WorkloadError('INVALID_INPUT', `${at}: ${n} people, expected at most ${MAX_SYNTHETIC_PEOPLE}`, { path: at });
  const regionIndex = new Map(org.regions.map((r, i) => [r.id, i]));
  const pdus = org.pdus.map((p) => ({ name: p.name, region: regionIndex.get(p.regionId) as number }));
  const pduIndex = new Uint32Array(n);
  const changeLevel = new Uint8Array(n);
  const caseTypeIndex = new Uint8Array(n);
  const read = (path: string, j: number, tier: number, caseType: number) => {
    if (tier >= TIERS.length) throw new WorkloadError('INVALID_INPUT', `${path}.tierIndex[${j}]: got ${tier}, expected 0..${TIERS.length - 1} (positions in TIERS)`, { path: `${path}.tierIndex[${j}]` });
    if (caseType >= CASE_TYPES.length) throw new WorkloadError('INVALID_INPUT', `${path}.caseTypeIndex[${j}]: got ${caseType}, expected 0..2 (positions in CASE_TYPES)`, { path: `${path}.caseTypeIndex[${j}]` });
  };
  const c = org.cases;
  for (let j = 0; j < held; j++) {
    const tier = c.tierIndex[j] as number;
    const caseType = c.caseTypeIndex[j] as number;
    read(`${at}.columns.cases`, j, tier, caseType);
    pduIndex[j] = org.practitionerPdu[c.practitionerIndex[j] as number] as number;
    changeLevel[j] = changeLevelOf(tier);
    caseTypeIndex[j] = caseType;
  }
  if (o.incoming !== undefined) {
    const path = 'options.incoming';
    checkColumn(`${path}.pduIndex`, o.incoming.pduIndex, incoming, (p) => p < pdus.length, `0..${pdus.length - 1} (positions in pdus)`);
    checkColumn(`${path}.caseTypeIndex`, o.incoming.caseTypeIndex, incoming);
    for (let j = 0; j < incoming; j++) {
      const tier = o.incoming.tierIndex[j] as number;
      const caseType = o.incoming.caseTypeIndex[j] as number;
      read(path, j, tier, caseType);
      pduIndex[held + j] = o.incoming.pduIndex[j] as number;
      changeLevel[held + j] = changeLevelOf(tier);
      caseTypeIndex[held + j] = caseType;
    }
  }
  // two streams of the seed: the first is synthesiseNeeds's own, the second draws sex
  const sexRng = RandomStream.streams(o.seed, 2)[1] as RandomStream;
  const femaleShare = (o.femalePercent ?? DEFAULT_FEMALE_PERCENT.value) / 100;
  const female = new Uint8Array(n);
  let women = 0;
  for (let j = 0; j < n; j++) {
    if (sexRng.uniform() < femaleShare) {
      female[j] = 1;
      women += 1;
    }
  }
  const s = synthesiseNeedsUnchecked({
    changeLevel,
    caseTypeIndex,
    seed: o.seed,
    ...(o.prevalence === undefined ? {} : { prevalence: o.prevalence }),
    ...(o.severePercent === undefined ? {} : { severePercent: o.severePercent }),
    ...(o.calibrationRounds === undefined ? {} : { calibrationRounds: o.calibrationRounds }),
  });
  return {
    people: { regions: org.regions.map((r) => r.name), pdus, pduIndex, caseTypeIndex, female, needSeverity: s.needSeverity },
    changeLevel,
    ogrs: s.ogrs,
    incoming,
    prevalence: s.prevalence,
    women: { targetPercent: femaleShare * 100, achievedPercent: n === 0 ? 0 : Math.round((women / n) * 10_000) / 100 },
  };
}

/**
 * Synthetic needs for an organisation's caseload (such as `generateNationalCaseload`'s): every
 * case is a person in its practitioner's PDU, and every case of `options.incoming` (such as the
 * transferring caseload) a person in the PDU it arrives in; each is drawn a sex (women at
 * `femalePercent`, assumed 15% by default) and needs by `synthesiseNeeds` from the change level of
 * the case's tier (the digit: A3 → 3 … D0 → 0; S tiers alike; untiered cases are drawn at the
 * targets with no level to agree with), so the needs and an OGRS score give the tier's change level.
 * Same organisation, options and seed, same people. The result's `people` are the columns
 * `needsAnalysisColumns` reads. Region and PDU names are the organisation's (a PDU's name once in its region).
 *
 * @example
 * ```ts
 * const org = generateNationalCaseload({ seed: 1, practitioners: 120, pduCount: 12 });
 * const needs = synthesiseCaseloadNeeds(org, { seed: 1 });
 * needs.people.female.length === org.generated.cases; // true: one person a case
 * needsAnalysisColumns(needs.people).eligible.length; // 6: the commissioned pathways
 * ```
 */
export function synthesiseCaseloadNeeds(caseload: OrganisationCaseload, options: CaseloadNeedsOptions): CaseloadNeeds {
  const oc = checkOrganisationCaseload(caseload, 'caseload');
  const o = parseInput(caseloadNeedsOptionsSchema, options, 'options');
  if (o.incoming !== undefined) checkColumn('options.incoming.tierIndex', o.incoming.tierIndex, o.incoming.pduIndex.length, undefined, '', 'one per incoming case');
  const seen = new Set<string>();
  oc.pdus.forEach((p, k) => {
    const key = `${p.regionId}\u0000${p.name}`;
    if (seen.has(key)) throw new WorkloadError('INVALID_INPUT', `caseload.pdus[${k}].name: "${p.name}" is the name of another PDU of region "${p.regionId}"; expected each name once in a region`, { path: `caseload.pdus[${k}].name` });
    seen.add(key);
  });
  const c = oc.columns.cases;
  checkColumn('caseload.columns.cases.caseTypeIndex', c.caseTypeIndex, c.tierIndex.length);
  checkColumn('caseload.columns.cases.practitionerIndex', c.practitionerIndex, c.tierIndex.length, (p) => p < oc.columns.practitioners.count, `0..${oc.columns.practitioners.count - 1} (positions in practitioners)`);
  return caseloadNeedsUnchecked({ regions: oc.regions, pdus: oc.pdus, practitionerPdu: oc.columns.practitioners.pduIndex, cases: c }, o);
}
