/**
 * The needs part of a scenario report as tables (terminal and CSV): prevalence of each need by
 * region, and the referrals commissioned against the people eligible, by region and pathway.
 */
import { formatPounds } from '../money.js';
import type { NeedsAnalysis, PrevalenceGroup } from '../needs/index.js';
import type { ScenarioNeedsReport } from '../scenario/index.js';
import { NEED_COLUMNS } from '../io/index.js';
import { NEED_AREAS, type NeedArea } from '../tiers/index.js';
import type { DataColumn, DataTable } from './data-tables.js';

/** Short names of the need areas for table headers (the title gives the key). */
export const NEED_SHORT_NAMES: Readonly<Record<NeedArea, string>> = {
  accommodation: 'acc',
  educationTrainingEmployability: 'ETE',
  finance: 'fin',
  relationships: 'rel',
  lifestyle: 'life',
  drugMisuse: 'drug',
  alcoholMisuse: 'alc',
  emotionalWellbeing: 'emo',
  thinkingAndBehaviour: 'thk',
  attitudes: 'att',
};

/** What each short name stands for, in two lines that fit a terminal of 120 columns. */
export const NEED_KEY =
  'Key: acc accommodation, ETE education, training and employability, fin finance, rel relationships, life lifestyle\n' +
  'and associates, drug drug misuse, alc alcohol misuse, emo emotional wellbeing, thk thinking and behaviour, att attitudes';

/** A proportion (0–1) as a percent, and basis points as a percent; blank stays blank. */
const pct = (value: number | null) => (value === null ? null : value * 100);
const bp = (value: number | null) => (value === null ? null : value / 100);
const text = (name: string, width?: number): DataColumn => ({ name, kind: 'text', ...(width === undefined ? {} : { width }) });
const count = (name: string, short: string): DataColumn => ({ name, kind: 'count', short });
const percent = (name: string, short: string): DataColumn => ({ name, kind: { decimals: 1 }, short });

/** The regions of an analysis, then the nation. */
export function regionGroups(a: NeedsAnalysis): readonly PrevalenceGroup[] {
  return [...a.byRegion, a.national];
}

/**
 * The needs tables of a scenario report: `needs-regions` (per region and nationally, the people and
 * the % of them with each need identified) and `need-coverage` (per region and pathway, and per
 * pathway nationally: eligible people a year, referrals commissioned in contract year 1, coverage %,
 * referrals funded after the budget cut and coverage after it, and a flag).
 *
 * @example
 * ```ts
 * const report = runScenario(NATIONAL_UNIFICATION_SCENARIO);
 * needsTables(report.needs!, report.scenario.asOf).map((t) => t.name); // ['needs-regions', 'need-coverage']
 * ```
 */
export function needsTables(needs: ScenarioNeedsReport, asOf: string): DataTable[] {
  const a = needs.analysis;
  const c = needs.coverage;
  const min = c.minimumCoveragePercent;
  const flag = (r: (typeof c.byRegion)[number]) => (r.belowMinimum ? `below ${min}%` : r.afterBudget?.belowMinimum === true ? `cut below ${min}%` : '');
  return [
    {
      name: 'needs-regions',
      title: `Needs by region on ${asOf}: % of the region's people with the need identified (standard or severe; synthetic)\n${a.people.toLocaleString('en-GB')} people, ${needs.transferring.toLocaleString('en-GB')} of them transferring.\n${NEED_KEY}`,
      columns: [text('region', 24), count('people', 'people'), ...NEED_AREAS.map((area) => percent(`${NEED_COLUMNS[area].slice('need_'.length)}_percent`, `${NEED_SHORT_NAMES[area]} %`))],
      rows: regionGroups(a).map((g) => [g.key, g.people, ...NEED_AREAS.map((area) => pct(g.needs[area].proportion))]),
    },
    {
      name: 'need-coverage',
      title: [
        `Commissioned against need, contract year ${c.year}: eligible people a year (${a.crosswalk.basis} crosswalk) against referrals commissioned`,
        `(the band's high volume at the projected volume); cover % = commissioned / eligible; funded: referrals the budget of`,
        `${formatPounds(c.budget ?? 0)} still pays for, after % = funded / eligible; flagged below ${min}%`,
      ].join('\n'),
      columns: [
        text('region', 24),
        text('pathway', 36),
        count('eligible_people', 'eligible'),
        count('commissioned_referrals', 'commissioned'),
        percent('coverage_percent', 'cover %'),
        count('funded_referrals', 'funded'),
        percent('coverage_after_budget_percent', 'after %'),
        text('flag'),
      ],
      rows: [...c.byRegion, ...c.byPathway].map((r) => [
        r.region ?? 'England and Wales',
        r.pathway,
        r.eligible,
        r.commissioned,
        bp(r.coverageBp),
        r.afterBudget === null ? null : r.afterBudget.funded,
        bp(r.afterBudget?.coverageBp ?? null),
        flag(r),
      ]),
    },
  ];
}
