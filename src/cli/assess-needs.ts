/**
 * The needs part of `probation-workload assess`: when the data's cases carry needs (the tidy
 * format's `need_*` and `female` columns), the strategic needs analysis of the people they are:
 * prevalence by region, PDU, case type and sex with Wilson 95% intervals, co-occurrence, and the
 * people eligible per pathway and region under the derived crosswalk.
 */
import type { LoadedOrganisation } from '../io/index.js';
import { NEED_COLUMNS } from '../io/index.js';
import { needsAnalysis, type NeedsAnalysis, type PersonNeeds, type PrevalenceGroup } from '../needs/index.js';
import { NEED_AREAS } from '../tiers/index.js';
import type { DataColumn, DataTable } from './data-tables.js';
import { NEED_KEY, NEED_SHORT_NAMES } from './needs-tables.js';

/** A need area's name in column names: its tidy column without `need_` (e.g. `drug_misuse`). */
const snake = (area: (typeof NEED_AREAS)[number]) => NEED_COLUMNS[area].slice('need_'.length);

const text = (name: string, width?: number, fileOnly = false): DataColumn => ({ name, kind: 'text', ...(width === undefined ? {} : { width }), ...(fileOnly ? { fileOnly } : {}) });
const count = (name: string, short?: string, fileOnly = false): DataColumn => ({ name, kind: 'count', ...(short === undefined ? {} : { short }), ...(fileOnly ? { fileOnly } : {}) });
const percent = (name: string, short?: string, fileOnly = false): DataColumn => ({ name, kind: { decimals: 1 }, ...(short === undefined ? {} : { short }), ...(fileOnly ? { fileOnly } : {}) });

/** Columns of the needs tables assess writes when the data carries needs (the report's JSON Schema is built from them). */
export const ASSESS_NEEDS_COLUMNS = {
  needs: [
    text('level', 9),
    text('group', 24),
    text('region', undefined, true),
    count('people'),
    count('with_any_need', 'any need', true),
    ...NEED_AREAS.flatMap((area) => [
      percent(`${snake(area)}_percent`, `${NEED_SHORT_NAMES[area]} %`),
      count(`${snake(area)}_people`, undefined, true),
      count(`${snake(area)}_severe_people`, undefined, true),
      percent(`${snake(area)}_lower_percent`, undefined, true),
      percent(`${snake(area)}_upper_percent`, undefined, true),
    ]),
  ],
  need_pathways: [text('region', 24), text('pathway', 36), count('eligible_people', 'eligible people')],
  need_cooccurrence: [text('need', 24), ...NEED_AREAS.map((area) => count(`${snake(area)}_people`, NEED_SHORT_NAMES[area]))],
} as const satisfies Record<string, readonly DataColumn[]>;

/** People of the data who carry needs, and the cases left out with the reason. */
export interface DataNeeds {
  readonly people: readonly PersonNeeds[];
  /** Cases with no need column filled: not assessed. */
  readonly notAssessed: number;
  /** Unallocated cases with needs but no PDU or team to place them in a region. */
  readonly withoutPdu: number;
}

/** The people of loaded data whose cases carry needs, each in their case's PDU and region. */
export function dataNeeds(loaded: LoadedOrganisation): DataNeeds {
  const needs = loaded.caseNeeds ?? new Map();
  const o = loaded.organisation;
  const regionName = new Map(o.regions.map((r) => [r.id, r.name]));
  const pdus = new Map(o.pdus.map((p) => [p.id, { pdu: p.name, region: regionName.get(p.regionId) ?? p.regionId }]));
  const teamPdu = new Map(o.teams.map((t) => [t.id, t.pduId]));
  const people: PersonNeeds[] = [];
  let notAssessed = 0;
  let withoutPdu = 0;
  const add = (ref: string | undefined, caseType: PersonNeeds['caseType'], pduId: string | undefined) => {
    const n = ref === undefined ? undefined : needs.get(ref);
    if (n === undefined) {
      notAssessed += 1;
      return;
    }
    const where = pduId === undefined ? undefined : pdus.get(pduId);
    if (where === undefined) {
      withoutPdu += 1;
      return;
    }
    people.push({ region: where.region, pdu: where.pdu, caseType, female: n.female, needs: n.needs });
  };
  for (const p of o.practitioners) {
    const pduId = teamPdu.get(p.teamId);
    for (const c of p.caseload?.cases ?? []) add(c.id, c.caseType, pduId);
  }
  for (const c of loaded.unallocated) add(c.id, c.caseType, c.pduId ?? (c.teamId === undefined ? undefined : teamPdu.get(c.teamId)));
  return { people, notAssessed, withoutPdu };
}

const pct = (x: number) => Math.round(x * 1000) / 10;

function groupRows(level: string, groups: readonly PrevalenceGroup[]): DataTable['rows'] {
  return groups.map((g) => [
    level,
    g.key,
    g.region,
    g.people,
    g.withAnyNeed,
    ...NEED_AREAS.flatMap((area) => {
      const n = g.needs[area];
      return [pct(n.proportion), n.people, n.severe, pct(n.lower), pct(n.upper)];
    }),
  ]);
}

/** The needs tables of an analysis, titled with the day assessed. */
export function needsDataTables(a: NeedsAnalysis, asOf: string): DataTable[] {
  const on = `on ${asOf}`;
  return [
    {
      name: 'needs',
      title: `Needs ${on}: % of each group's people with the need identified (standard or severe); 95% intervals in needs.csv\n${NEED_KEY}`,
      columns: ASSESS_NEEDS_COLUMNS.needs,
      rows: [
        ...groupRows('national', [a.national]),
        ...groupRows('region', a.byRegion),
        ...groupRows('case_type', a.byCaseType),
        ...groupRows('sex', a.bySex),
        ...groupRows('pdu', a.byPdu),
      ],
    },
    {
      name: 'need_pathways',
      title: `People eligible per commissioned pathway ${on} (a need the ${a.crosswalk.basis} crosswalk maps to it; women with any mapped\nneed also for women's services); "none": eligible for no pathway`,
      columns: ASSESS_NEEDS_COLUMNS.need_pathways,
      rows: [
        ...a.eligibleByRegion.map((e) => [e.region, e.pathway, e.people]),
        ...a.eligible.map((e) => ['England and Wales', e.pathway, e.people]),
        ['England and Wales', 'none', a.eligibleForNone],
      ],
    },
    {
      name: 'need_cooccurrence',
      title: `People with both needs ${on} (the diagonal: people with the need)`,
      columns: ASSESS_NEEDS_COLUMNS.need_cooccurrence,
      rows: NEED_AREAS.map((area, k) => [snake(area), ...(a.coOccurrence[k] ?? [])]),
    },
  ];
}

/** The needs analysis of loaded data and its tables, or `null` when no case carries needs; with a note of the cases left out. */
export function assessNeeds(loaded: LoadedOrganisation): { readonly tables: DataTable[]; readonly note: string } | null {
  const d = dataNeeds(loaded);
  if (d.people.length === 0) return null;
  const a = needsAnalysis(d.people);
  const left = [d.notAssessed > 0 ? `${d.notAssessed.toLocaleString('en-GB')} cases with no need column filled (not assessed)` : '', d.withoutPdu > 0 ? `${d.withoutPdu.toLocaleString('en-GB')} unallocated cases with no PDU or team` : '']
    .filter((s) => s !== '')
    .join(' and ');
  const note = `needs: ${d.people.length.toLocaleString('en-GB')} cases carry a needs assessment and are analysed${left === '' ? '' : `; left out: ${left}`}`;
  return { tables: needsDataTables(a, loaded.asOf), note };
}
