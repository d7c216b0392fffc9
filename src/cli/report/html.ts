/**
 * The scenario report as one self-contained HTML page: inline CSS and inline SVG charts, no scripts
 * and no external requests, so it opens from a file, prints, and can be sent by email.
 */
import type { ScenarioReport, TransferRegion } from '../../scenario/index.js';
import { DEFAULT_CASE_CEILING, DEFAULT_OVER_THRESHOLD, DEFAULT_RED_THRESHOLD } from '../../workload/index.js';
import { CHART_NAMES, CHART_PACKAGES, type ChartName } from './charts.js';
import { NEEDS_STYLE, needsSection } from './needs-html.js';
import { dateText, FIGURE_GROUPS, formatNumber, HEADLINE_FIGURES, headlineText, millions, type HeadlineMetric } from './figures.js';

/** How the sources table names each kind of source. */
const SOURCE_LABELS = { document: 'Document', record: 'Record', fitted: 'Fitted', assumption: 'Assumption' } as const;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to place in HTML, in an element or a quoted attribute.
 *
 * @example
 * ```ts
 * escapeHtml('Kent, Surrey & Sussex <South>'); // 'Kent, Surrey &amp; Sussex &lt;South&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A capacity % as a table cell, marked over (above 100%) or red (above 110%). */
export function capacityCell(percent: number): string {
  const status = percent > DEFAULT_RED_THRESHOLD ? ' class="red"' : percent > DEFAULT_OVER_THRESHOLD ? ' class="over"' : '';
  return `<td${status}>${formatNumber(percent, 1)}%</td>`;
}

/** A table: header cells are escaped; row cells are given as finished `<td>` markup. */
export function table(caption: string, header: readonly string[], rows: readonly string[]): string {
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const cell = (text: string) => `<td>${escapeHtml(text)}</td>`;
const count = (n: number) => cell(formatNumber(n, 0));

function regionRow(r: TransferRegion): string {
  return `<tr><th scope="row">${escapeHtml(r.name)}</th>${[count(r.practitioners), count(r.casesBefore), count(r.casesAfter), capacityCell(r.capacityBefore), capacityCell(r.capacityAfter), count(r.overCeilingAfter), count(r.unplaced)].join('')}</tr>`;
}

function headline(report: ScenarioReport): string {
  const metrics = Object.keys(HEADLINE_FIGURES) as HeadlineMetric[];
  return FIGURE_GROUPS.map((group) => {
    const figures = metrics
      .filter((m) => HEADLINE_FIGURES[m].group === group)
      .map((m) => `<div class="figure"><dt>${escapeHtml(HEADLINE_FIGURES[m].label)}</dt><dd>${escapeHtml(headlineText(report, m))}</dd></div>`);
    return `<h3>${escapeHtml(group)}</h3><dl class="figures">${figures.join('')}</dl>`;
  }).join('');
}

/** What each chart shows, in words with the report's own numbers. */
const CAPTIONS: Readonly<Record<ChartName, (report: ScenarioReport) => string>> = {
  'capacity-by-region': (report) => {
    const regions = report.transfer.regions;
    const red = (key: 'capacityBefore' | 'capacityAfter') => regions.filter((r) => r[key] > DEFAULT_RED_THRESHOLD).length;
    return `Regions in order of capacity after the transfer. ${red('capacityAfter')} of ${regions.length} regions are above ${DEFAULT_RED_THRESHOLD}% after the lift and shift of ${formatNumber(report.transfer.cases, 0)} cases (${red('capacityBefore')} before); nationally capacity moves from ${headlineText(report, 'capacityBeforeTransfer')} to ${headlineText(report, 'capacityAfterTransfer')}.`;
  },
  'caseload-distribution': (report) => {
    const d = report.caseload.distribution;
    const above = d.above.find((a) => a.cases === DEFAULT_CASE_CEILING);
    const share = above?.share === null || above === undefined ? 'none measured' : `${formatNumber(above.share * 100, 1)}%`;
    return `Practitioners by caseload band before the transfer. Above the ${DEFAULT_CASE_CEILING}-case ceiling: ${share} (${formatNumber(above?.practitioners ?? 0, 0)} practitioners); ${d.casesPerFte === null ? 'no' : formatNumber(d.casesPerFte, 1)} cases per FTE across these grades.`;
  },
  backtest: (report) => {
    const b = report.pipeline.backtest;
    if (b === null) return '';
    const rows = b.rows.filter((r) => !r.opening);
    const worst = rows.reduce<(typeof rows)[number] | undefined>((w, r) => (w === undefined || Math.abs(r.error) > Math.abs(w.error) ? r : w), undefined);
    return `Before it projects, the model is set against the published record: from ${dateText(b.rows[0]?.month ?? b.start)} it reproduces the ${b.points} published quarters with a mean absolute error of ${b.mape === null ? 'not measured' : `${formatNumber(b.mape, 2)}%`} and a mean bias of ${formatNumber(b.meanBias ?? 0, 0)} FTE${worst === undefined ? '' : `; the largest miss is ${formatNumber(worst.error, 0)} FTE in ${dateText(worst.month)}`}. Inputs fitted to the record: ${b.inputs.filter((i) => i.source === 'fitted').map((i) => i.input).join(', ') || 'none'}.`;
  },
  pipeline: (report) => {
    const p = report.pipeline;
    const march = p.marchShortfalls.map((m) => `${dateText(m.month)} ${formatNumber(m.shortfall, 0)} FTE${m.quantiles.length >= 2 ? ` (P${p.quantiles[0]}–P${p.quantiles.at(-1)} ${formatNumber(m.quantiles[0] as number, 0)}–${formatNumber(m.quantiles.at(-1) as number, 0)})` : ''}`);
    const expected = p.closesIn === null ? 'does not close within the horizon' : `closes in ${dateText(p.closesIn)}`;
    const simulated = p.quantiles.map((q, i) => {
      const month = p.closesInQuantiles[i];
      return `P${q} ${month === null || month === undefined ? 'not within the horizon' : dateText(month)}`;
    });
    return `Top: probation officers in post against the number required. Bottom: the shortfall, which in expectation ${expected} (closed meaning none from that month to the end of the horizon).${simulated.length > 0 ? ` Closing month over the simulated runs: ${simulated.join('; ')}.` : ''}${march.length > 0 ? ` Shortfall at the end of March: ${march.join('; ')}.` : ''}`;
  },
  'contract-bands': (report) => {
    const { largest, yearOne } = report.contracts;
    const [first, last] = [largest.bands[0], largest.bands.at(-1)];
    const bands =
      first === undefined || last === undefined
        ? ''
        : `The largest contract (${largest.pathway}, ${largest.region}) pays £${formatNumber(millions(first.value), 2)} million for up to ${formatNumber(first.highVolume, 0)} referrals in band 1, rising to £${formatNumber(millions(last.value), 2)} million at its cap of ${formatNumber(last.highVolume, 0)}. `;
    return `${bands}Across the portfolio, year one pays a mean of £${formatNumber(millions(yearOne.meanPayment), 1)} million against an estimate of £${formatNumber(millions(yearOne.estimatedValue), 1)} million. Prices are illustrative.`;
  },
  tornado: () =>
    'Each bar shows how far the headline figure moves when one input is set to its low or its high value, the others at base; the longest bars, at the top, matter most.',
};

function figure(report: ScenarioReport, name: ChartName, svg: string): string {
  return `<figure class="chart" id="chart-${name}">${svg}<figcaption>${escapeHtml(CAPTIONS[name](report))}</figcaption></figure>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --accent: #1d4f91; --over: #8a4500; --red: #a0131f; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 980px; margin: 0 auto; padding: 32px 40px 48px; background: white; }
header { border-bottom: 4px solid var(--accent); padding-bottom: 16px; margin-bottom: 24px; }
.kicker { margin: 0; color: var(--accent); font-weight: bold; text-transform: uppercase; letter-spacing: 0.06em; font-size: 13px; }
h1 { margin: 4px 0 8px; font-size: 30px; line-height: 1.2; }
h2 { margin: 36px 0 12px; font-size: 22px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { margin: 20px 0 8px; font-size: 16px; color: var(--muted); }
.meta { color: var(--muted); font-size: 14px; margin: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 12px; margin: 0; }
.figure { border: 1px solid var(--rule); border-left: 4px solid var(--accent); padding: 10px 12px; border-radius: 4px; }
.figure dt { font-size: 13px; color: var(--muted); }
.figure dd { margin: 4px 0 0; font-size: 20px; font-weight: bold; font-variant-numeric: tabular-nums; }
figure.chart { margin: 24px 0; break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 14px; color: var(--muted); margin-top: 6px; max-width: 760px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
caption { text-align: left; color: var(--muted); padding-bottom: 6px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { text-align: left; border-bottom: 2px solid var(--ink); }
.numbers td, .numbers thead th:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
.numbers tbody th { text-align: left; font-weight: normal; }
td.over { color: var(--over); font-weight: bold; }
td.red { color: var(--red); font-weight: bold; }
.source { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: bold; }
.source-document { background: #dbe9f8; color: #0b3d75; }
.source-assumption { background: #fff1d6; color: #6b4100; }
.source-record { background: #dcf3e3; color: #0f5323; }
.source-fitted { background: #ece2f8; color: #4a1d7a; }
.sources code { font-size: 12px; word-break: break-word; }
.note { border-left: 4px solid var(--over); background: #fff8ec; padding: 10px 14px; }
footer { margin-top: 32px; color: var(--muted); font-size: 13px; }
@media print { body { background: white; } main { padding: 0; } }
`;

/**
 * The report as one self-contained HTML page: the scenario's name and description, the headline
 * numbers, each chart with a caption, the regional table, where every input comes from, and a note
 * that contract prices are illustrative. Text is escaped; `charts` (from `renderCharts`) are inlined
 * as SVG in the page's chart order, and a chart not given is left out (with none, a note says why);
 * `sections` (HTML, e.g. the forward section) follow the regional table. No scripts, no external requests.
 *
 * @example
 * ```ts
 * const report = runScenario(NATIONAL_UNIFICATION_SCENARIO);
 * const page = htmlReport(report, await renderCharts(report));
 * page.startsWith('<!doctype html>'); // true
 * ```
 */
export function htmlReport(report: ScenarioReport, charts: Readonly<Partial<Record<ChartName, string>>>, sections: readonly string[] = []): string {
  const s = report.scenario;
  const figures = CHART_NAMES.flatMap((name) => {
    const svg = charts[name];
    return svg === undefined ? [] : [figure(report, name, svg)];
  });
  const sources = report.sources.map(
    (src) => `<tr><td><code>${escapeHtml(src.input)}</code></td><td><span class="source source-${src.source}">${SOURCE_LABELS[src.source]}</span></td>${cell(src.reference)}</tr>`,
  );
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.name)}: probation workload scenario</title>
<style>${STYLE}${NEEDS_STYLE}</style>
</head>
<body>
<main>
<header>
<p class="kicker">Probation workload scenario</p>
<h1>${escapeHtml(s.name)}</h1>
${s.description === '' ? '' : `<p>${escapeHtml(s.description)}</p>`}
<p class="meta">Assessed on ${escapeHtml(dateText(s.asOf))} · weightings: ${escapeHtml(s.weightings)} · seed ${s.seed}</p>
</header>
<section aria-labelledby="headline"><h2 id="headline">Headline numbers</h2>${headline(report)}</section>
<section aria-labelledby="charts"><h2 id="charts">Charts</h2>${figures.length > 0 ? figures.join('\n') : `<p class="note">No charts were drawn: they need the optional packages ${CHART_PACKAGES.join(' and ')}.</p>`}</section>
<section aria-labelledby="regions"><h2 id="regions">Regions before and after the lift and shift</h2>
<div class="numbers">${table(
    `Capacity is workload points as a share of available points; above ${DEFAULT_OVER_THRESHOLD}% is over capacity, above ${DEFAULT_RED_THRESHOLD}% red.`,
    ['Region', 'Practitioners', 'Cases before', 'Cases after', 'Capacity before', 'Capacity after', `Above ${DEFAULT_CASE_CEILING} cases after`, 'Cases not placed'],
    report.transfer.regions.map(regionRow),
  )}</div></section>${sections.join('\n')}
${report.needs === null ? '' : needsSection(report.needs, s.asOf, escapeHtml)}
<section aria-labelledby="sources"><h2 id="sources">Where the inputs come from</h2>
<div class="sources">${table('Document: taken from a published document. Record: the published workforce statistics. Fitted: calibrated to the record. Assumption: chosen for this scenario, with the reason.', ['Input', 'Source', 'Reference'], sources)}</div>
<p class="note"><strong>Contract prices are illustrative.</strong> Dynamic Framework prices and volumes are not public; the contract figures show how banding and payment work, not what any contract costs.</p>
</section>
<footer>Produced by probation-workload from the scenario “${escapeHtml(s.name)}”, seed ${s.seed}. The same scenario and seed give the same report.</footer>
</main>
</body>
</html>
`;
}
