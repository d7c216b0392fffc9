/**
 * A scenario report as named tables: the one source of what the terminal prints and the CSV files
 * hold. Numbers are formatted for people (percent with one decimal, pounds from pence).
 */
import { formatPounds } from '../money.js';
import type { ScenarioReport, SensitivityResult } from '../scenario/index.js';
import { needsTables } from './needs-tables.js';
import { HEADLINE_FIGURES, type HeadlineMetric } from './report/index.js';

/** One table: a name (the CSV file's), a title, a header and rows of text cells. */
export interface ReportTable {
  readonly name: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A headline figure's name, as the HTML report and charts call it. */
const label = (metric: HeadlineMetric) => HEADLINE_FIGURES[metric].label;
const pct = (value: number | null) => (value === null ? '' : `${value.toFixed(1)}%`);
const num = (value: number | null, decimals = 0) => (value === null ? '' : value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));

/**
 * The report's tables: headline, caseload by region, the lift and shift by region, the pipeline by
 * quarter, the contracts by pathway and provider type, the sensitivity, and the sources.
 *
 * @example
 * ```ts
 * for (const t of reportTables(runScenario(NATIONAL_UNIFICATION_SCENARIO))) console.log(t.title);
 * ```
 */
export function reportTables(report: ScenarioReport, tornado?: SensitivityResult): ReportTable[] {
  const h = report.headline;
  const p = report.pipeline;
  const quantileHeader = p.quantiles.map((q) => `shortfall P${q}`);
  const band = (quantiles: readonly number[]) => (quantiles.length < 2 ? '' : ` (P${p.quantiles[0]}–P${p.quantiles.at(-1)} ${num(quantiles[0] as number)}–${num(quantiles.at(-1) as number)})`);
  const published = new Map((p.backtest?.rows ?? []).map((r) => [r.month, r.observed]));
  const tables: ReportTable[] = [
    {
      name: 'headline',
      title: 'Headline',
      header: ['measure', 'value'],
      rows: [
        [label('casesPerFtePo'), num(h.casesPerFtePo, 1)],
        [label('shareOfPosAbove50'), pct(h.shareOfPosAbove50 === null ? null : h.shareOfPosAbove50 * 100)],
        [label('capacityBeforeTransfer'), pct(h.capacityBeforeTransfer)],
        [label('capacityAfterTransfer'), pct(h.capacityAfterTransfer)],
        [label('transferPlacedPercent'), pct(h.transferPlacedPercent)],
        [label('practitionersOverCeilingAfter'), num(h.practitionersOverCeilingAfter)],
        ['PO shortfall closes (expected)', p.closesIn ?? `not within ${p.months.length} months`],
        ['PO shortfall closes (simulated quantiles)', p.closesInQuantiles.map((m, i) => `P${p.quantiles[i]} ${m ?? 'never'}`).join(', ')],
        ...p.marchShortfalls.map((m) => [`PO shortfall at 31 March ${m.month.slice(0, 4)} (FTE)`, `${num(m.shortfall)}${band(m.quantiles)}`]),
        ...(p.backtest === null
          ? []
          : [[`Backtest: PO in post vs published, MAPE over ${p.backtest.points} quarters to ${p.backtest.rows.at(-1)?.month ?? ''}`, pct(p.backtest.mape)]]),
        [label('shortfallFteMonths'), num(h.shortfallFteMonths)],
        [label('finalSurplus'), num(h.finalSurplus)],
        [label('contractValue'), formatPounds(h.contractValue)],
        [label('guaranteedMinimum'), formatPounds(h.guaranteedMinimum)],
        [label('vcseSharePercent'), pct(h.vcseSharePercent)],
        [label('expectedYearOnePayment'), formatPounds(h.expectedYearOnePayment)],
      ],
    },
    {
      name: 'caseload-regions',
      title: `Caseload by region on ${report.scenario.asOf} (before the transfer; all grades, SPOs in the headcount)`,
      header: ['region', 'practitioners', 'FTE', 'cases', 'cases per FTE', 'capacity', 'over 100%', 'over 110%', 'above ceiling'],
      rows: [...report.caseload.regions, report.caseload.national].map((r) => [
        r.name,
        num(r.practitioners),
        num(r.fte, 1),
        num(r.cases),
        num(r.casesPerFte, 1),
        pct(r.capacityPercent),
        num(r.overCapacity),
        num(r.red),
        num(r.overCeiling),
      ]),
    },
    {
      name: 'transfer-regions',
      title: `Lift and shift: ${num(report.transfer.cases)} transferring cases, ${num(report.transfer.placed)} placed`,
      header: ['region', 'cases before', 'cases after', 'capacity before', 'capacity after', 'above ceiling after', 'not placed'],
      rows: report.transfer.regions.map((r) => [r.name, num(r.casesBefore), num(r.casesAfter), pct(r.capacityBefore), pct(r.capacityAfter), num(r.overCeilingAfter), num(r.unplaced)]),
    },
    {
      name: 'pipeline',
      title: 'PQiP pipeline and the PO shortfall (FTE at the end of each quarter), with the published PO in post where the record has it',
      header: ['month', 'in training', 'in post', 'published', 'required', 'shortfall', ...quantileHeader, 'P(closed)'],
      rows: p.months
        .filter((m) => ['03', '06', '09', '12'].includes(m.month.slice(5)))
        .map((m) => [
          m.month,
          num(m.inTraining),
          num(m.inPost),
          num(published.get(m.month) ?? null),
          num(m.required),
          num(m.shortfall),
          ...m.shortfallQuantiles.map((q) => num(q)),
          m.probabilityClosed === null ? '' : pct(m.probabilityClosed * 100),
        ]),
    },
    {
      name: 'contracts',
      title: 'Dynamic Framework portfolio after budget (ILLUSTRATIVE prices)',
      header: ['group', 'contracts', 'value', 'share'],
      rows: [...report.contracts.summary.byPathway, ...report.contracts.summary.byProviderType, ...report.contracts.summary.byKind].map((g) => [
        g.key,
        num(g.contracts),
        formatPounds(g.value),
        pct(g.shareBp / 100),
      ]),
    },
    ...(report.needs === null ? [] : needsTables(report.needs, report.scenario.asOf)),
  ];
  if (tornado !== undefined) {
    tables.push({
      name: 'sensitivity',
      title: `Sensitivity of ${tornado.metric} (base ${num(tornado.baseOutput)}), largest swing first`,
      header: ['input', 'low', 'high', 'output at low', 'output at high', 'swing'],
      rows: tornado.rows.map((r) => [r.label, num(r.lowValue, 1), num(r.highValue, 1), num(r.lowOutput), num(r.highOutput), num(r.swing)]),
    });
  }
  tables.push({
    name: 'sources',
    title: 'Where the inputs come from',
    header: ['input', 'source', 'reference'],
    rows: report.sources.map((s) => [s.input, s.source, s.reference]),
  });
  return tables;
}

/** Quotes a CSV cell when it holds a comma, quote or newline. */
function csvCell(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A table as CSV text (RFC 4180 quoting, `\n` line ends).
 *
 * @example
 * ```ts
 * toCsv({ name: 'x', title: 'X', header: ['a', 'b'], rows: [['1', 'two, three']] }); // 'a,b\n1,"two, three"\n'
 * ```
 */
export function toCsv(table: ReportTable): string {
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
