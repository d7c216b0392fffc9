/** The report's charts (SVG) and its self-contained HTML page, for the runner to write. */
export { CHART_NAMES, CHART_PACKAGES, ChartsUnavailableError, renderCharts, type ChartName, type ScenarioCharts } from './charts.js';
export { escapeHtml, htmlReport } from './html.js';
export { HEADLINE_FIGURES, axisTitle, figureText, headlineText, shownValue, type HeadlineMetric } from './figures.js';
