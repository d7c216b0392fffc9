/**
 * The report's charts and HTML page: SVG rendered headless with the expected marks, the same report
 * giving the same strings, text escaped, and the page opened in real headless Chromium, every chart
 * drawn with a size and its marks, no request beyond the file itself, and a full-page screenshot.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_NAMES, escapeHtml, htmlReport, renderCharts, type ChartName, type ScenarioCharts } from '../../src/cli/report/index.js';
import {
  NATIONAL_SENSITIVITY,
  NATIONAL_UNIFICATION_SCENARIO as NATIONAL,
  runScenario,
  sensitivity,
  type Scenario,
  type ScenarioReport,
  type SensitivityResult,
} from '../../src/scenario/index.js';

/** The national scenario shrunk to run in a fraction of a second; the name tests escaping. */
const SMALL: Scenario = {
  ...NATIONAL,
  name: 'Small unification <test> & "quotes"',
  organisation: { ...NATIONAL.organisation, practitioners: 600, pduCount: 12 },
  transfer: { ...NATIONAL.transfer, cases: 3000 },
  pipeline: { ...NATIONAL.pipeline, simulation: { ...NATIONAL.pipeline.simulation, runs: 200 } },
  contracts: { ...NATIONAL.contracts, actuals: { ...NATIONAL.contracts.actuals, runs: 50 } },
};

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Vega mark types a chart draws, as the element each item becomes in SVG. */
const MARKS = { rect: 'path', line: 'path', area: 'path', rule: 'line' } as const;
type Mark = keyof typeof MARKS;

/** Items each chart must draw, from the report's own data. */
function expectedMarks(report: ScenarioReport, tornado: SensitivityResult): Record<ChartName, Partial<Record<Mark, number>>> {
  return {
    // a bar before and after per region; rules at 100% and 110%
    'capacity-by-region': { rect: 2 * report.transfer.regions.length, rule: 2 },
    // a bar per caseload band; the ceiling
    'caseload-distribution': { rect: report.caseload.distribution.histogram.length, rule: 1 },
    // projected and published PO in post
    backtest: { line: 2 },
    // PO in post, required, expected shortfall; the P5–P95 band; the zero line
    pipeline: { line: 3, area: 1, rule: 1 },
    // a bar per band of the largest contract, estimate and mean payment
    'contract-bands': { rect: report.contracts.largest.bands.length + 2 },
    // low and high per input; the base
    tornado: { rect: 2 * tornado.rows.length, rule: 1 },
  };
}

/** Items of the data marks (`role-mark`, not axes or legends) of one type in an SVG string. */
function countMarks(svg: string, mark: Mark): number {
  const groups = svg.matchAll(new RegExp(`<g class="mark-${mark} role-mark[^"]*"[^>]*>(.*?)</g>`, 'gs'));
  return [...groups].reduce((n, g) => n + (g[1]?.match(new RegExp(`<${MARKS[mark]}\\b`, 'g'))?.length ?? 0), 0);
}

let report: ScenarioReport;
let tornado: SensitivityResult;
let charts: ScenarioCharts;
let renderMs: number;

beforeAll(async () => {
  report = runScenario(SMALL);
  tornado = sensitivity(SMALL, NATIONAL_SENSITIVITY.parameters, NATIONAL_SENSITIVITY.metric);
  const start = performance.now();
  charts = await renderCharts(report, tornado);
  renderMs = performance.now() - start;
  // The first render also loads vega and vega-lite (an import() since they became optional peers): time for a shared machine.
}, 60_000);

describe('renderCharts', () => {
  it('renders every chart as SVG with the marks its data asks for', () => {
    const expected = expectedMarks(report, tornado);
    expect(Object.keys(charts).sort()).toEqual([...CHART_NAMES].sort());
    for (const name of CHART_NAMES) {
      const svg = charts[name] ?? '';
      expect(svg, name).toMatch(/^<svg [^>]*viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
      for (const [mark, count] of Object.entries(expected[name])) expect(countMarks(svg, mark as Mark), `${name}: ${mark}`).toBe(count);
    }
    console.log(`renderCharts: ${renderMs.toFixed(0)} ms for ${CHART_NAMES.length} charts`);
  });

  it('gives the same strings for the same report', async () => {
    expect(await renderCharts(report, tornado)).toEqual(charts);
  });

  it('leaves the tornado out without a sensitivity, and the band out without a simulation', async () => {
    const deterministic = runScenario(SMALL, { simulate: false });
    const plain = await renderCharts(deterministic);
    expect(Object.keys(plain)).not.toContain('tornado');
    expect(countMarks(plain.pipeline, 'area')).toBe(0);
    expect(countMarks(plain.pipeline, 'line')).toBe(3);
  });

  it('keys the lines of the pipeline chart, and draws red exactly the bars above 110%', () => {
    // the legend group and what follows it (the legend is drawn after the marks; no mark draws these words)
    const legend = (svg: string) => (svg.includes('role-legend') ? svg.slice(svg.indexOf('role-legend')) : '');
    expect(legend(charts.pipeline)).toContain('PO in post');
    expect(legend(charts.pipeline)).toContain('Required');
    expect(legend(charts.backtest ?? '')).toContain('Published (HMPPS)');
    expect(legend(charts['capacity-by-region'])).toContain('Above 110%');
    const red = report.transfer.regions.flatMap((r) => [r.capacityBefore, r.capacityAfter]).filter((c) => c > 110).length;
    expect(red).toBeGreaterThan(0); // the small scenario has regions above 110%, so this can fail
    const bars = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(charts['capacity-by-region'])?.[1] ?? '';
    expect(bars.match(/fill="#b0182a"/g)?.length ?? 0).toBe(red);
  });

  it('uses no ids, so charts inlined in one page cannot clash', () => {
    for (const name of CHART_NAMES) expect(charts[name], name).not.toMatch(/\sid="/);
  });
});

describe('htmlReport', () => {
  it('escapes text and keeps the page self-contained', () => {
    const page = htmlReport(report, charts);
    expect(page).toContain(`<h1>${escapeHtml(SMALL.name)}</h1>`);
    expect(page).not.toContain(SMALL.name);
    expect(page).not.toMatch(/<script|<link|src=|@import|url\(http/i);
    expect(page).toContain('Contract prices are illustrative');
    for (const s of report.sources) expect(page).toContain(escapeHtml(s.reference));
  });

  it('leaves out a chart not given', () => {
    const { tornado: left, ...rest } = charts;
    expect(left).toBeDefined();
    expect(htmlReport(report, charts)).toContain('id="chart-tornado"');
    expect(htmlReport(report, rest)).not.toContain('id="chart-tornado"');
  });

  it(
    'opens in headless Chromium with every chart drawn, no request beyond the file, and a full-page screenshot',
    async () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), 'probation-workload-report-'));
      const file = join(dir, 'report.html');
      writeFileSync(file, htmlReport(report, charts));
      const start = performance.now();
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        const requests: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        expect(requests).toEqual([pathToFileURL(file).href]);
        expect(await page.locator('h1').textContent()).toBe(SMALL.name);
        const expected = expectedMarks(report, tornado);
        for (const name of CHART_NAMES) {
          const svg = page.locator(`#chart-${name} > svg`);
          const box = await svg.boundingBox();
          expect(box?.width, name).toBeGreaterThan(300);
          expect(box?.height, name).toBeGreaterThan(150);
          for (const [mark, count] of Object.entries(expected[name])) {
            const drawn = await svg.locator(`g.mark-${mark}.role-mark > ${MARKS[mark as Mark]}`).count();
            expect(drawn, `${name}: ${mark}`).toBe(count);
          }
        }
        expect(await page.locator('section[aria-labelledby="regions"] tbody tr').count()).toBe(report.transfer.regions.length);
        const screenshot = join(dir, 'report.png');
        await page.screenshot({ path: screenshot, fullPage: true });
        const png = readFileSync(screenshot);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(1100);
        expect(png.readUInt32BE(20)).toBeGreaterThan(3000);
        expect(png.length).toBeGreaterThan(100_000);
        console.log(`browser: ${(performance.now() - start).toFixed(0)} ms; screenshot ${screenshot} (${png.length} bytes)`);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
