/**
 * The report's charts as SVG strings: Vega-Lite specs built from a scenario report, compiled with
 * `vega-lite` and rendered headless by `vega` (no browser, no canvas). Same report, same strings.
 * vega and vega-lite are optional peer dependencies: they load here, with `import()`, only when a
 * chart is drawn, so the library and the rest of the runner work without them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Config } from 'vega-lite/types_unstable/config.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ScenarioReport, SensitivityResult } from '../../scenario/index.js';
import { DEFAULT_CASE_CEILING, DEFAULT_OVER_THRESHOLD, DEFAULT_RED_THRESHOLD } from '../../workload/index.js';
import { axisTitle, dateText, figureText, formatNumber, HEADLINE_FIGURES, millions, shownValue } from './figures.js';
import { textWidth, type TextItem } from './text-width.js';

declare module 'vega' {
  /** Vega's text measurer (from vega-scenegraph): exported by vega, missing from its types. */
  export const textMetrics: { width: (item: TextItem, text: unknown) => number };
}

/** The charts of a report, in the order the page shows them. */
export const CHART_NAMES = ['capacity-by-region', 'caseload-distribution', 'backtest', 'pipeline', 'contract-bands', 'tornado'] as const;
/** One of {@link CHART_NAMES}. */
export type ChartName = (typeof CHART_NAMES)[number];
/** SVG of every chart; the backtest only when the scenario gives an observed series, the tornado only when a sensitivity was given. */
export type ScenarioCharts = Record<Exclude<ChartName, 'tornado' | 'backtest'>, string> & { readonly backtest?: string; readonly tornado?: string };

/** Colours: before and after (and low and high), the over and red thresholds, text, the simulated band. */
export const COLOUR = { before: '#9fb3c8', after: '#1d4f91', over: '#b35900', red: '#b0182a', ink: '#222222', band: '#c6d4e6' };
const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';
export const WIDTH = 560;

const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { anchor: 'start', fontSize: 15, subtitleFontSize: 12, subtitleColor: '#444444', offset: 12, color: COLOUR.ink },
  axis: { labelFontSize: 11, titleFontSize: 12, titleColor: COLOUR.ink, labelColor: COLOUR.ink, gridColor: '#e6e6e6' },
  legend: { orient: 'top', labelFontSize: 11, titleFontSize: 12, symbolType: 'square', labelLimit: 260 },
  view: { stroke: null },
};

type Layer = LayerSpec<string> | UnitSpec<string>;

/** The packages that draw the charts, optional peer dependencies of probation-workload. */
export const CHART_PACKAGES = ['vega', 'vega-lite'] as const;

/** The charts cannot be drawn because vega or vega-lite is not installed; the message says what to install. */
export class ChartsUnavailableError extends Error {}

/** vega and vega-lite, loaded on first use; a `ChartsUnavailableError` when either is not installed. */
async function loadChartPackages(): Promise<{ vega: typeof import('vega'); vegaLite: typeof import('vega-lite') }> {
  try {
    const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
    return { vega, vegaLite };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new ChartsUnavailableError(`charts need the optional packages ${CHART_PACKAGES.join(' and ')}: npm install ${CHART_PACKAGES.join(' ')}`, { cause: error });
  }
}

/**
 * Renders one Vega-Lite spec to an SVG string, headless, with the report's fonts and colours.
 * Every chart goes through here; text is measured in the charts' font (see `textWidth`).
 */
export async function renderSpec(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await loadChartPackages();
  vega.textMetrics.width = textWidth;
  const view = new vega.View(vega.parse(vegaLite.compile({ ...spec, config: CONFIG }).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A dashed reference line at `at` on the x or y axis, labelled at the top (x) or the right end (y). */
export function referenceLine(channel: 'x' | 'y', at: number, label: string, colour: string): Layer {
  const position = { field: 'at', type: 'quantitative' } as const;
  const placement =
    channel === 'x'
      ? { mark: { align: 'center', baseline: 'bottom', dy: -4 }, encoding: { x: position, y: { value: 0 } } }
      : { mark: { align: 'right', baseline: 'bottom', dy: -4 }, encoding: { y: position, x: { value: { expr: 'width' } } } };
  return {
    data: { values: [{ at, label }] },
    layer: [
      { mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5, color: colour }, encoding: { [channel]: position } },
      { mark: { type: 'text', color: colour, fontSize: 11, fontWeight: 'bold', ...placement.mark }, encoding: { ...placement.encoding, text: { field: 'label' } } },
    ],
  } as Layer;
}

/** Capacity % by region before and after the lift and shift, regions fullest after first. */
function capacityByRegion(report: ScenarioReport): TopLevelSpec {
  const regions = [...report.transfer.regions].sort((a, b) => b.capacityAfter - a.capacityAfter || a.name.localeCompare(b.name, 'en-GB'));
  const red = `Above ${DEFAULT_RED_THRESHOLD}%`;
  // A bar above the red threshold is red, before or after; the others keep their stage's colour.
  const bar = (region: string, stage: string, capacity: number) => ({ region, stage, shade: capacity > DEFAULT_RED_THRESHOLD ? red : stage, capacity });
  const values = regions.flatMap((r) => [bar(r.name, 'Before', r.capacityBefore), bar(r.name, 'After', r.capacityAfter)]);
  return {
    title: { text: 'Capacity by region, before and after the lift and shift', subtitle: 'Workload points as a share of available points; above 100% is over capacity, above 110% is red' },
    width: WIDTH,
    height: { step: 34, for: 'position' },
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'region', type: 'nominal', sort: regions.map((r) => r.name), title: null, axis: { labelLimit: 260 } },
          yOffset: { field: 'stage', sort: ['Before', 'After'] },
          x: { field: 'capacity', type: 'quantitative', title: 'Capacity (% of available points)' },
          color: { field: 'shade', type: 'nominal', title: null, scale: { domain: ['Before', 'After', red], range: [COLOUR.before, COLOUR.after, COLOUR.red] } },
        },
      },
      referenceLine('x', DEFAULT_OVER_THRESHOLD, `${DEFAULT_OVER_THRESHOLD}%`, COLOUR.over),
      referenceLine('x', DEFAULT_RED_THRESHOLD, `${DEFAULT_RED_THRESHOLD}%`, COLOUR.red),
    ],
  };
}

/** Practitioners by caseload band, with the 50-case ceiling. */
function caseloadDistribution(report: ScenarioReport): TopLevelSpec {
  const d = report.caseload.distribution;
  // Whole cases: a band from..to covers from - 0.5 to to + 0.5, so the ceiling's line (at 50.5) leaves 50 cases on its left.
  const values = d.histogram.map((bin) => ({ from: bin.from - 0.5, end: bin.to + 0.5, practitioners: bin.practitioners }));
  return {
    title: {
      text: 'How caseloads spread across practitioners',
      subtitle: `${formatNumber(d.practitioners, 0)} case-holding practitioners (${d.grades.join(', ')}) on ${dateText(report.scenario.asOf)}, before the transfer`,
    },
    width: WIDTH,
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: COLOUR.after, stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: { field: 'from', type: 'quantitative', title: 'Caseload (cases counted toward the ceiling)' },
          x2: { field: 'end' },
          y: { field: 'practitioners', type: 'quantitative', title: 'Practitioners' },
          y2: { datum: 0 },
        },
      },
      referenceLine('x', DEFAULT_CASE_CEILING + 0.5, `above the ${DEFAULT_CASE_CEILING}-case ceiling →`, COLOUR.red),
    ],
  };
}

const MONTH_AXIS = { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', axis: { format: '%Y', tickCount: { interval: 'year', step: 1 } } } as const;

/** The backtest: the projection's PO FTE in post month by month against the published figures, to the last published month. */
function backtest(report: ScenarioReport): TopLevelSpec | undefined {
  const b = report.pipeline.backtest;
  if (b === null) return undefined;
  const series = ['Projected (model)', 'Published (HMPPS)'];
  const last = b.rows.at(-1)?.month ?? b.start;
  const opening = b.rows.find((r) => r.opening);
  const projected = [
    ...(opening === undefined ? [] : [{ month: opening.month, series: series[0], fte: opening.projected }]),
    ...report.pipeline.months.filter((m) => m.month <= last).map((m) => ({ month: m.month, series: series[0], fte: m.inPost })),
  ];
  const published = b.rows.map((r) => ({ month: r.month, series: series[1], fte: r.observed }));
  const colour = { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [COLOUR.after, COLOUR.over] } } as const;
  const axis = { ...MONTH_AXIS, axis: { format: '%b %Y', tickCount: { interval: 'month', step: 6 } } } as const;
  return {
    title: {
      text: 'Backtest: projected against published probation officers in post',
      subtitle: `FTE at the end of each month; MAPE ${b.mape === null ? 'not measured' : `${formatNumber(b.mape, 2)}%`} over ${b.points} published quarters after ${dateText(b.rows[0]?.month ?? b.start)}`,
    },
    width: WIDTH,
    height: 220,
    layer: [
      {
        data: { values: [...projected, ...published] },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: axis,
          y: { field: 'fte', type: 'quantitative', title: 'Probation officers in post (FTE)', scale: { zero: false } },
          color: colour,
          strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [[1, 0], [6, 3]] } },
        },
      },
      { data: { values: published }, mark: { type: 'point', filled: true, size: 40 }, encoding: { x: axis, y: { field: 'fte', type: 'quantitative' }, color: colour } },
    ],
  };
}

/** The trainee pipeline: PO in post against required, and the shortfall with its simulated band. */
function pipeline(report: ScenarioReport): TopLevelSpec {
  const p = report.pipeline;
  const series = ['PO in post', 'Required'];
  const fte = p.months.flatMap((m) => [
    { month: m.month, series: series[0], fte: m.inPost },
    { month: m.month, series: series[1], fte: m.required },
  ]);
  const q = p.quantiles;
  const [lo, hi] = [q.indexOf(Math.min(...q)), q.indexOf(Math.max(...q))];
  const banded = q.length >= 2;
  const shortfall = p.months.map((m) => ({ month: m.month, shortfall: m.shortfall, low: m.shortfallQuantiles[lo], high: m.shortfallQuantiles[hi] }));
  const band: Layer[] = banded
    ? [{ mark: { type: 'area', color: COLOUR.band }, encoding: { x: MONTH_AXIS, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } }]
    : [];
  return {
    title: { text: 'Probation officers in post against the number required', subtitle: `Projected month by month from ${dateText(p.start)}` },
    vconcat: [
      {
        width: WIDTH,
        height: 200,
        data: { values: fte },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: MONTH_AXIS,
          y: { field: 'fte', type: 'quantitative', title: 'Probation officers (FTE)', scale: { zero: false } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [COLOUR.after, COLOUR.over] } },
          strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [[1, 0], [6, 3]] } },
        },
      },
      {
        width: WIDTH,
        height: 200,
        title: {
          text: 'Shortfall of probation officers',
          subtitle: banded ? `Line: expected shortfall; band: P${q[lo]} to P${q[hi]} over ${formatNumber(p.runs, 0)} simulated runs` : 'Expected shortfall (not simulated)',
          fontSize: 13,
        },
        layer: [
          { data: { values: shortfall }, layer: [...band, { mark: { type: 'line', color: COLOUR.after, strokeWidth: 2 }, encoding: { x: MONTH_AXIS, y: { field: 'shortfall', type: 'quantitative', title: 'Shortfall (FTE)' } } }] },
          referenceLine('y', 0, 'No shortfall', COLOUR.ink),
        ],
      },
    ],
  };
}

/** The largest contract's year-1 bands, and the portfolio's year-one payment against its estimate. */
function contractBands(report: ScenarioReport): TopLevelSpec {
  const { largest, yearOne } = report.contracts;
  const bands = largest.bands.map((b) => ({ band: `Band ${b.band}`, low: b.lowVolume, high: b.highVolume, middle: (b.lowVolume + b.highVolume) / 2, value: millions(b.value) }));
  const payments = [
    { measure: 'Estimated value', value: millions(yearOne.estimatedValue) },
    { measure: 'Mean payment', value: millions(yearOne.meanPayment) },
  ].map((p) => ({ ...p, label: `£${formatNumber(p.value, 1)}m` }));
  return {
    title: { text: 'Dynamic Framework contracts in year one (illustrative prices)', subtitle: 'Volume bands set the payment; simulated referrals show what the portfolio may pay' },
    hconcat: [
      {
        width: 300,
        height: 220,
        title: { text: `Largest contract: ${largest.pathway}, ${largest.region}`, subtitle: `${largest.id}, year 1`, fontSize: 13 },
        data: { values: bands },
        layer: [
          {
            mark: { type: 'bar', color: COLOUR.after, stroke: 'white', strokeWidth: 1 },
            encoding: {
              x: { field: 'low', type: 'quantitative', title: 'Referrals in the year', scale: { zero: false } },
              x2: { field: 'high' },
              y: { field: 'value', type: 'quantitative', title: 'Band value (£ million)' },
              y2: { datum: 0 },
            },
          },
          {
            mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: COLOUR.ink },
            encoding: { x: { field: 'middle', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'band' } },
          },
        ],
      },
      {
        width: 200,
        height: 220,
        title: { text: 'Whole portfolio, year one', subtitle: `Mean over ${formatNumber(yearOne.runs, 0)} simulated runs`, fontSize: 13 },
        data: { values: payments },
        layer: [
          {
            mark: { type: 'bar', width: { band: 0.6 } },
            encoding: {
              x: { field: 'measure', type: 'nominal', title: null, sort: null, axis: { labelAngle: 0 } },
              y: { field: 'value', type: 'quantitative', title: 'Year one (£ million)' },
              color: { field: 'measure', type: 'nominal', legend: null, scale: { domain: payments.map((p) => p.measure), range: [COLOUR.before, COLOUR.after] } },
            },
          },
          {
            mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: COLOUR.ink },
            encoding: { x: { field: 'measure', type: 'nominal', sort: null }, y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

/** One-way sensitivity: each input's low and high value against the base, largest swing at the top. */
function tornado(report: ScenarioReport, sensitivity: SensitivityResult): TopLevelSpec {
  const metric = sensitivity.metric;
  const base = shownValue(metric, sensitivity.baseOutput);
  const ends = ['Input at its low value', 'Input at its high value'];
  const values = sensitivity.rows.flatMap((row) => [
    { label: row.label, end: ends[0], from: base, to: shownValue(metric, row.lowOutput) },
    { label: row.label, end: ends[1], from: base, to: shownValue(metric, row.highOutput) },
  ]);
  return {
    title: { text: `What moves “${HEADLINE_FIGURES[metric].label}” most`, subtitle: `${report.scenario.name}: one input at a time at its low or high value, the rest at base` },
    width: WIDTH - 160,
    height: { step: 34 },
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: sensitivity.rows.map((r) => r.label), title: null, axis: { labelLimit: 320 } },
          x: { field: 'from', type: 'quantitative', title: axisTitle(metric), scale: { zero: false } },
          x2: { field: 'to' },
          color: { field: 'end', type: 'nominal', title: null, scale: { domain: ends, range: [COLOUR.before, COLOUR.after] } },
        },
      },
      referenceLine('x', base, `Base: ${figureText(metric, sensitivity.baseOutput)}`, COLOUR.ink),
    ],
  };
}

/**
 * Renders the report's charts as SVG strings: `capacity-by-region`, `caseload-distribution`,
 * `backtest` when the scenario gives an observed series, `pipeline`, `contract-bands`, and `tornado`
 * when a sensitivity is given. Headless and deterministic: the same report gives the same strings.
 * Throws `ChartsUnavailableError` when the optional packages vega and vega-lite are not installed.
 *
 * @example
 * ```ts
 * const report = runScenario(NATIONAL_UNIFICATION_SCENARIO);
 * const tornado = sensitivity(NATIONAL_UNIFICATION_SCENARIO, NATIONAL_SENSITIVITY.parameters, NATIONAL_SENSITIVITY.metric);
 * const charts = await renderCharts(report, tornado);
 * charts['capacity-by-region'].startsWith('<svg'); // true
 * ```
 */
export async function renderCharts(report: ScenarioReport, sensitivity?: SensitivityResult): Promise<ScenarioCharts> {
  const backtestSpec = backtest(report);
  const [capacity, distribution, past, workforce, contracts, swings] = await Promise.all([
    renderSpec(capacityByRegion(report)),
    renderSpec(caseloadDistribution(report)),
    backtestSpec === undefined ? undefined : renderSpec(backtestSpec),
    renderSpec(pipeline(report)),
    renderSpec(contractBands(report)),
    sensitivity === undefined ? undefined : renderSpec(tornado(report, sensitivity)),
  ]);
  const charts = { 'capacity-by-region': capacity, 'caseload-distribution': distribution, pipeline: workforce, 'contract-bands': contracts };
  return { ...charts, ...(past === undefined ? {} : { backtest: past }), ...(swings === undefined ? {} : { tornado: swings }) };
}
