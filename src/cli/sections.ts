/**
 * A scenario report as named tables: the one source of what the terminal prints and the CSV files
 * hold. Cells are values (numbers stay numbers, units in the column names: `capacity_percent`,
 * `value_pounds`, `fte`); the terminal writes them for people (thousands separators, `%`, `£`).
 */
import type { ScenarioReport, SensitivityResult } from '../scenario/index.js';
import type { Cell, DataColumn, DataTable } from './data-tables.js';
import { needsTables } from './needs-tables.js';
import { HEADLINE_FIGURES, axisTitle, figureText, shownValue, type HeadlineMetric } from './report/index.js';
import { fixed } from './table.js';

/** A headline row: what it measures (with unit and period), its value as a number, and how the terminal writes it. */
interface HeadlineRow {
  readonly measure: string;
  readonly value: number | null;
  readonly shown: string;
}

/** A number for a file cell: `null` stays blank, -0 is 0. */
const value = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v + 0);

/** The headline's rows: every figure with its unit and the day or period it is for. */
function headlineRows(report: ScenarioReport): HeadlineRow[] {
  const h = report.headline;
  const p = report.pipeline;
  const on = `on ${report.scenario.asOf}`;
  const end = p.months.at(-1)?.month ?? p.start;
  const horizon = `${p.start} to ${end}`;
  const label = (metric: HeadlineMetric) => HEADLINE_FIGURES[metric].label;
  const figure = (metric: HeadlineMetric, unit: string, period: string, stored: number | null, scale = 1): HeadlineRow => ({
    measure: `${label(metric)}, ${unit}, ${period}`,
    value: stored === null ? null : stored * scale,
    shown: stored === null ? 'not measured' : figureText(metric, stored),
  });
  const pounds = (metric: HeadlineMetric, period: string, pence: number): HeadlineRow => ({
    measure: `${label(metric)}, pounds, ${period}`,
    value: pence / 100,
    shown: figureText(metric, pence),
  });
  const closes = (what: string, month: string | null): HeadlineRow => {
    const months = month === null ? null : monthsBetween(p.start, month);
    return { measure: `PO shortfall closes${what}, months from ${p.start}`, value: months, shown: month === null ? `not by ${end}` : `${fixed(months ?? 0)} months (${month})` };
  };
  return [
    figure('casesPerFtePo', 'cases', on, h.casesPerFtePo),
    figure('shareOfPosAbove50', 'percent of POs', on, h.shareOfPosAbove50, 100),
    figure('capacityBeforeTransfer', 'percent', on, h.capacityBeforeTransfer),
    figure('capacityAfterTransfer', 'percent', on, h.capacityAfterTransfer),
    figure('transferPlacedPercent', 'percent', `of ${fixed(report.transfer.cases)} cases`, h.transferPlacedPercent),
    figure('practitionersOverCeilingAfter', 'practitioners', on, h.practitionersOverCeilingAfter),
    closes(' (expected)', p.closesIn),
    ...p.closesInQuantiles.map((m, i) => closes(` (simulated P${p.quantiles[i]})`, m)),
    ...p.marchShortfalls.flatMap((m) => [
      { measure: `PO shortfall at 31 March ${m.month.slice(0, 4)}, FTE (expected)`, value: m.shortfall, shown: `${fixed(m.shortfall)} FTE` },
      ...(m.quantiles.length < 2
        ? []
        : m.quantiles.map((q, i) => ({ measure: `PO shortfall at 31 March ${m.month.slice(0, 4)}, FTE (simulated P${p.quantiles[i]})`, value: q, shown: `${fixed(q)} FTE` }))),
    ]),
    ...(p.backtest === null
      ? []
      : [{ measure: `Backtest: PO in post vs published, MAPE, percent, ${p.backtest.points} quarters to ${p.backtest.rows.at(-1)?.month ?? ''}`, value: p.backtest.mape, shown: p.backtest.mape === null ? 'not measured' : `${fixed(p.backtest.mape, 1)}%` }]),
    figure('shortfallFteMonths', 'FTE-months', horizon, h.shortfallFteMonths),
    figure('finalSurplus', 'FTE', `at ${end}`, h.finalSurplus),
    pounds('contractValue', 'over each contract\'s whole term', h.contractValue),
    pounds('guaranteedMinimum', 'over each contract\'s whole term', h.guaranteedMinimum),
    figure('vcseSharePercent', 'percent', 'over each contract\'s whole term', h.vcseSharePercent),
    pounds('expectedYearOnePayment', 'first contract year (simulated mean)', h.expectedYearOnePayment),
  ];
}

/** Months from `YYYY-MM` to `YYYY-MM`. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

const count = (name: string, short: string): DataColumn => ({ name, kind: 'count', short });
const decimal = (name: string, short: string, decimals: number): DataColumn => ({ name, kind: { decimals }, short });
const percent = (name: string, short: string): DataColumn => decimal(name, short, 1);
const text = (name: string, short?: string, width?: number): DataColumn => ({ name, kind: 'text', ...(short === undefined ? {} : { short }), ...(width === undefined ? {} : { width }) });

/** A sensitivity output's column suffix: the unit the metric is stored in. */
const OUTPUT_UNIT: Readonly<Record<(typeof HEADLINE_FIGURES)[HeadlineMetric]['unit'], string>> = {
  percent: 'percent',
  share: 'share',
  cases: 'cases',
  practitioners: 'practitioners',
  months: 'months',
  fte: 'fte',
  fteMonths: 'fte_months',
  pence: 'pence',
};

/**
 * The report's tables: headline, caseload by region, the lift and shift by region, the pipeline by
 * quarter, the contracts by pathway and provider type, the sensitivity, and the sources. Each is a
 * `DataTable`: numbers in the cells, units in the column names, unit and period in the title.
 *
 * @example
 * ```ts
 * for (const t of reportTables(runScenario(NATIONAL_UNIFICATION_SCENARIO))) console.log(t.title);
 * ```
 */
export function reportTables(report: ScenarioReport, tornado?: SensitivityResult): DataTable[] {
  const p = report.pipeline;
  const published = new Map((p.backtest?.rows ?? []).map((r) => [r.month, r.observed]));
  const headline = headlineRows(report);
  const asOf = report.scenario.asOf;
  const tables: DataTable[] = [
    {
      name: 'headline',
      title: `Headline (each measure says its unit and the day or period it is for)`,
      columns: [text('measure'), { name: 'value', kind: { decimals: 1 }, show: (_cell, row) => headline[row]?.shown ?? '' }],
      rows: headline.map((r) => [r.measure, value(r.value)]),
    },
    {
      name: 'caseload-regions',
      title: `Caseload by region on ${asOf} (before the transfer; all grades, SPOs in the headcount)`,
      columns: [
        text('region', undefined, 30),
        count('practitioners', 'practitioners'),
        decimal('fte', 'FTE', 1),
        count('cases', 'cases'),
        decimal('cases_per_fte', 'cases/FTE', 1),
        percent('capacity_percent', 'capacity %'),
        count('practitioners_over_100_percent', 'over 100%'),
        count('practitioners_over_110_percent', 'over 110%'),
        count('practitioners_above_ceiling', 'above ceiling'),
      ],
      rows: [...report.caseload.regions, report.caseload.national].map((r) => [
        r.name,
        r.practitioners,
        value(r.fte),
        r.cases,
        value(r.casesPerFte),
        value(r.capacityPercent),
        r.overCapacity,
        r.red,
        r.overCeiling,
      ]),
    },
    {
      name: 'transfer-regions',
      title: `Lift and shift on ${asOf}: ${fixed(report.transfer.cases)} transferring cases, ${fixed(report.transfer.placed)} placed`,
      columns: [
        text('region'),
        count('cases_before', 'cases before'),
        count('cases_after', 'cases after'),
        percent('capacity_before_percent', 'capacity before %'),
        percent('capacity_after_percent', 'capacity after %'),
        count('practitioners_above_ceiling_after', 'over ceiling after'),
        count('cases_not_placed', 'not placed'),
      ],
      rows: report.transfer.regions.map((r) => [r.name, r.casesBefore, r.casesAfter, value(r.capacityBefore), value(r.capacityAfter), r.overCeilingAfter, r.unplaced]),
    },
    {
      name: 'pipeline',
      title: 'PQiP pipeline and the PO shortfall, FTE at the end of each quarter (published: PO in post in the record)',
      columns: [
        text('month'),
        decimal('in_training_fte', 'in training', 0),
        decimal('in_post_fte', 'in post', 0),
        decimal('published_in_post_fte', 'published', 0),
        decimal('required_fte', 'required', 0),
        decimal('shortfall_fte', 'shortfall', 0),
        ...p.quantiles.map((q) => decimal(`shortfall_p${q}_fte`, `shortfall P${q}`, 0)),
        percent('probability_closed_percent', 'P(closed) %'),
      ],
      rows: p.months
        .filter((m) => ['03', '06', '09', '12'].includes(m.month.slice(5)))
        .map((m): Cell[] => [
          m.month,
          value(m.inTraining),
          value(m.inPost),
          value(published.get(m.month)),
          value(m.required),
          value(m.shortfall),
          ...m.shortfallQuantiles.map((q) => value(q)),
          m.probabilityClosed === null ? null : m.probabilityClosed * 100,
        ]),
    },
    {
      name: 'contracts',
      title: 'Dynamic Framework portfolio after budget, value over each contract\'s whole term (ILLUSTRATIVE prices)',
      columns: [text('group'), count('contracts', 'contracts'), { name: 'value_pounds', kind: { decimals: 2 }, short: 'value (£)' }, percent('share_percent', 'share %')],
      rows: [...report.contracts.summary.byPathway, ...report.contracts.summary.byProviderType, ...report.contracts.summary.byKind].map((g) => [g.key, g.contracts, g.value / 100, g.shareBp / 100]),
    },
    ...(report.needs === null ? [] : needsTables(report.needs, report.scenario.asOf)),
  ];
  if (tornado !== undefined) {
    const unit = OUTPUT_UNIT[HEADLINE_FIGURES[tornado.metric].unit];
    const period = tornado.metric === 'shortfallFteMonths' ? `, ${p.start} to ${p.months.at(-1)?.month ?? p.start}` : '';
    tables.push({
      name: 'sensitivity',
      title: `Sensitivity of ${axisTitle(tornado.metric)}${period} (base ${fixed(shownValue(tornado.metric, tornado.baseOutput))}), largest swing first`,
      columns: [
        text('input', undefined, 72),
        decimal('low', 'low', 1),
        decimal('high', 'high', 1),
        decimal(`output_at_low_${unit}`, 'at low', 0),
        decimal(`output_at_high_${unit}`, 'at high', 0),
        decimal(`swing_${unit}`, 'swing', 0),
      ],
      rows: tornado.rows.map((r) => [r.label, value(r.lowValue), value(r.highValue), value(r.lowOutput), value(r.highOutput), value(r.swing)]),
    });
  }
  tables.push({
    name: 'sources',
    title: 'Where the inputs come from',
    columns: [text('input', undefined, 40), text('source'), text('reference', undefined, 60)],
    rows: report.sources.map((s) => [s.input, s.source, s.reference]),
  });
  return tables;
}
