/** `probation-workload run`: read a scenario, run it with its sensitivity, print and write the report. */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  NATIONAL_SENSITIVITY,
  NATIONAL_UNIFICATION_SCENARIO,
  applicableParameters,
  validateScenario,
  runScenario,
  sensitivity,
  type ScenarioReport,
  type SensitivityResult,
} from '../scenario/index.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { weightingTableSchema } from '../weightings/index.js';
import type { Format } from './args.js';
import { progressBar } from './progress.js';
import { ChartsUnavailableError, htmlReport, renderCharts, type ScenarioCharts } from './report/index.js';
import { csvText, readOrganisation } from '../io/index.js';
import { fileErrorText } from '../io/internal.js';
import { renderDataTable, tableOut } from './data-tables.js';
import { forwardTables } from './forward-tables.js';
import { forwardHtmlSection, renderForwardChart } from './report/forward-chart.js';
import { reportTables } from './sections.js';

/** A scenario file that cannot be read as JSON, or an `--out` folder that cannot be written; its message names the file and the problem in words. */
export class ScenarioFileError extends Error {}

/** Line and column (1-based) of character `position` of `text`. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/** The scenario file as JSON: a UTF-8 byte-order mark is allowed; a syntax error is named by line and column. */
function readScenario(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioFileError(`cannot read ${file}: ${fileErrorText(error)}`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, Number(position)));
    throw new ScenarioFileError(`${file} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/s, '')}`);
  }
}

/** Makes `out` (and its parents) and checks it can be written, before any work, so a bad `--out` costs nothing. */
export function prepareOut(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
    accessSync(out, constants.W_OK);
  } catch (error) {
    throw new ScenarioFileError(`cannot write to ${out}: ${fileErrorText(error)}`);
  }
}

/**
 * A scenario whose organisation comes from files (`"organisation": { "from": "data/" }`, relative to
 * the scenario file) with the organisation read into `{ data }`, as the core takes it; any other
 * scenario as it is. Unallocated cases in the files are not part of a scenario's caseload: said on
 * `stderr`, with their count.
 */
async function withOrganisationRead(raw: unknown, scenarioFile: string, stderr: NodeJS.WritableStream): Promise<unknown> {
  const organisation = (raw as { organisation?: { from?: unknown } } | null)?.organisation;
  if (typeof organisation?.from !== 'string' || Object.keys(organisation).length !== 1) return raw;
  const scenario = raw as { asOf?: unknown; weightings?: unknown };
  // Checked here at the scenario's names: the reader would name them options.asOf, options.weightings.
  const asOf = parseInput(isoDateSchema, scenario.asOf, 'scenario.asOf');
  const weightings = scenario.weightings === undefined ? undefined : parseInput(weightingTableSchema, scenario.weightings, 'scenario.weightings');
  const path = resolve(dirname(scenarioFile), organisation.from);
  if (!existsSync(path)) throw new ScenarioFileError(`cannot read the organisation from ${organisation.from} (${path}): no such file or folder`);
  const loaded = await readOrganisation(path, { asOf, ...(weightings === undefined ? {} : { weightings }) });
  if (loaded.unallocated.length > 0) stderr.write(`${loaded.unallocated.length.toLocaleString('en-GB')} unallocated cases in ${organisation.from} are not part of the scenario's caseload\n`);
  return { ...(raw as object), organisation: { data: loaded.organisation } };
}

/** Text broken at spaces into lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** What `run` produced: the report, its sensitivity, and the files written. */
export interface RunOutput {
  readonly report: ScenarioReport;
  /** `undefined` when the scenario has none of the bundled sensitivity's inputs. */
  readonly tornado: SensitivityResult | undefined;
  readonly files: readonly string[];
}

/**
 * The report's charts, or none (said on `stderr` in one line) when the optional chart packages are
 * not installed: the runner then writes everything else.
 */
async function chartsOrNone(report: ScenarioReport, tornado: SensitivityResult | undefined, stderr: NodeJS.WritableStream): Promise<Partial<ScenarioCharts>> {
  try {
    return await renderCharts(report, tornado);
  } catch (error) {
    if (!(error instanceof ChartsUnavailableError)) throw error;
    stderr.write(`probation-workload: no charts written (report.html has none): ${error.message}\n`);
    return {};
  }
}

/**
 * Runs a scenario file (or the bundled national scenario), printing to `stdout` in `format` and,
 * with `out`, writing the JSON report, CSV per section, SVG charts and the HTML report (all but the
 * charts when vega and vega-lite are not installed).
 */
export async function runCommand(scenarioFile: string | null, out: string | null, format: Format, stdout: NodeJS.WritableStream, stderr: NodeJS.WriteStream): Promise<RunOutput> {
  const scenario = validateScenario(scenarioFile === null ? NATIONAL_UNIFICATION_SCENARIO : await withOrganisationRead(readScenario(scenarioFile), scenarioFile, stderr));
  if (out !== null) prepareOut(out);
  const bar = progressBar(stderr);
  const sections = ['caseload', 'transfer', 'pipeline', 'contracts'] as const;
  const report = runScenario(scenario, { onSection: (s) => bar.update(sections.indexOf(s) / (sections.length + 1), s === 'pipeline' ? 'pipeline Monte Carlo' : s) });
  // The bundled parameters this scenario has (a scenario may, say, give demand as FTE, not cases per FTE).
  const parameters = applicableParameters(scenario, NATIONAL_SENSITIVITY.parameters);
  const tornado =
    parameters.length === 0
      ? undefined
      : sensitivity(scenario, parameters, NATIONAL_SENSITIVITY.metric, (done, total) =>
          bar.update((sections.length + done / total) / (sections.length + 1), `sensitivity ${done}/${total}`),
        );
  bar.done();
  const tables = [...reportTables(report, tornado), ...(report.forward === undefined ? [] : forwardTables(report.forward))];
  if (format === 'json') stdout.write(`${JSON.stringify({ report, sensitivity: tornado }, null, 2)}\n`);
  else if (format === 'csv') stdout.write(tables.map((t) => `# ${t.name}\n${csvText(tableOut(t))}`).join('\n'));
  else {
    stdout.write(`${report.scenario.name}\n${wrap(report.scenario.description, 120)}\n`);
    // The forward section's week-by-week table (a row per region and week) goes to the files only.
    for (const t of tables.filter((x) => x.name !== 'forward_regions_weekly')) stdout.write(`\n${renderDataTable(t)}`);
  }
  const files: string[] = [];
  if (out !== null) {
    const write = (name: string, text: string) => {
      writeFileSync(join(out, name), text);
      files.push(join(out, name));
    };
    mkdirSync(out, { recursive: true });
    write('report.json', `${JSON.stringify({ report, sensitivity: tornado }, null, 2)}\n`);
    for (const t of tables) write(`${t.name}.csv`, csvText(tableOut(t)));
    const charts = await chartsOrNone(report, tornado, stderr);
    const forwardChart = report.forward === undefined || Object.keys(charts).length === 0 ? undefined : await renderForwardChart(report.forward);
    if (Object.keys(charts).length > 0) mkdirSync(join(out, 'charts'), { recursive: true });
    for (const [name, svg] of Object.entries({ ...charts, ...(forwardChart === undefined ? {} : { 'forward-capacity': forwardChart }) })) write(join('charts', `${name}.svg`), svg);
    write('report.html', htmlReport(report, charts, report.forward === undefined ? [] : [forwardHtmlSection(report.forward, forwardChart)]));
  }
  return { report, tornado, files };
}
