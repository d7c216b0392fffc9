/**
 * The forward chart: capacity by region over the weeks, one small panel per region, the
 * deterministic projection as a line over the Monte Carlo's P5–P95 band, with the 110% line and a
 * legend; and the report's forward section (the chart and the units crossing 110%) as HTML.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ForwardSummary } from '../../forward/internal.js';
import { DEFAULT_RED_THRESHOLD } from '../../workload/index.js';
import { COLOUR, WIDTH, renderSpec } from './charts.js';
import { dateText, formatNumber } from './figures.js';
import { capacityCell, escapeHtml, table } from './html.js';

/** The legend's entries: what each mark of the chart is. */
function legend(summary: ForwardSummary): { readonly line: string; readonly band: string; readonly red: string } {
  return {
    line: 'Projected capacity (deterministic)',
    band: `P5–P95 of ${formatNumber(summary.runs, 0)} Monte Carlo runs`,
    red: `${DEFAULT_RED_THRESHOLD}%: red`,
  };
}

/**
 * The Vega-Lite spec of the chart: a panel per region (three across), weeks on x, capacity % of
 * available points on y; the band only when the summary has Monte Carlo runs.
 */
export function forwardChartSpec(summary: ForwardSummary): TopLevelSpec {
  const names = legend(summary);
  const values = summary.regions.flatMap((r) => r.weeks.map((w) => ({ region: r.name, week: w.week, capacity: w.capacityPercent, p5: w.p5, p95: w.p95 })));
  const banded = summary.runs > 0;
  const domain = banded ? [names.line, names.band, names.red] : [names.line, names.red];
  const range = banded ? [COLOUR.after, COLOUR.band, COLOUR.red] : [COLOUR.after, COLOUR.red];
  const colour = (label: string) => ({ datum: label, scale: { domain, range }, legend: { title: null } });
  const x = { field: 'week', type: 'quantitative', title: 'Week', scale: { domain: [0, summary.weeks] } } as const;
  return {
    title: {
      text: `Capacity by region over the next ${summary.weeks} weeks`,
      subtitle: `Week by week from ${dateText(summary.asOf)}; workload points as % of available points`,
    },
    data: { values },
    facet: { field: 'region', type: 'nominal', title: null, sort: summary.regions.map((r) => r.name), header: { labelFontSize: 11, labelLimit: 160 } },
    columns: 3,
    spec: {
      width: Math.floor((WIDTH - 60) / 3),
      height: 100,
      layer: [
        ...(banded ? [{ mark: { type: 'area', opacity: 0.9 }, encoding: { x, y: { field: 'p5', type: 'quantitative', title: 'Capacity (%)', scale: { zero: false } }, y2: { field: 'p95' }, color: colour(names.band) } } as const] : []),
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: { field: 'capacity', type: 'quantitative', title: 'Capacity (%)', scale: { zero: false } }, color: colour(names.line) } },
        { mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5 }, encoding: { y: { datum: DEFAULT_RED_THRESHOLD }, color: colour(names.red) } },
      ],
    },
    resolve: { scale: { y: 'shared' } },
  } as TopLevelSpec;
}

/**
 * The chart as SVG (needs the optional packages vega and vega-lite: a `ChartsUnavailableError`
 * without them). The same summary gives the same string.
 */
export async function renderForwardChart(summary: ForwardSummary): Promise<string> {
  return renderSpec(forwardChartSpec(summary));
}

const MAX_CROSSINGS_SHOWN = 40;

/**
 * The report's forward section as HTML: the chart (when drawn) and the units going above 110%,
 * earliest first (the first 40; all of them in forward_crossing_110.csv).
 */
export function forwardHtmlSection(summary: ForwardSummary, svg: string | undefined): string {
  const names = legend(summary);
  const shown = summary.crossingRed.slice(0, MAX_CROSSINGS_SHOWN);
  const rows = shown.map(
    (c) =>
      `<tr><td>${escapeHtml(c.level)}</td><th scope="row">${escapeHtml(c.name)}</th><td>${c.firstOverWeek ?? ''}</td><td>${c.firstRedWeek}</td><td>${escapeHtml(dateText(c.firstRedDate))}</td>${capacityCell(c.capacityThenPercent)}<td>${escapeHtml(c.excessiveRuns.map((r) => `${r.fromWeek}–${r.toWeek}`).join('; '))}</td></tr>`,
  );
  const more = summary.crossingRed.length > shown.length ? ` The first ${shown.length} of ${formatNumber(summary.crossingRed.length, 0)} are shown; all are in forward_crossing_110.csv.` : '';
  const chart = svg === undefined ? '' : `<figure class="chart" id="chart-forward-capacity">${svg}<figcaption>${escapeHtml(`Capacity % by region, week by week for ${summary.weeks} weeks from ${dateText(summary.asOf)}: ${names.line.toLowerCase()} over the ${names.band}; the dashed line is ${DEFAULT_RED_THRESHOLD}%.`)}</figcaption></figure>`;
  return `<section aria-labelledby="forward"><h2 id="forward">The next ${summary.weeks} weeks</h2>${chart}
<div class="numbers">${table(
    `Teams, PDUs and regions going above ${DEFAULT_RED_THRESHOLD}% of available points within ${summary.weeks} weeks of ${dateText(summary.asOf)}, earliest first; weeks count from the start (week 0); runs are of four or more weeks above ${DEFAULT_RED_THRESHOLD}%. ${formatNumber(summary.practitionersCrossingRed, 0)} of ${formatNumber(summary.caseHolders, 0)} practitioners go above ${DEFAULT_RED_THRESHOLD}% in some week.${more}`,
    ['Level', 'Unit', `First week above 100%`, `First week above ${DEFAULT_RED_THRESHOLD}%`, 'On', 'Capacity then', 'Runs (weeks)'],
    rows,
  )}</div></section>`;
}
