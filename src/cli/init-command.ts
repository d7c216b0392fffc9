/**
 * `probation-workload schema`, `init` and `--version`: the scenario's JSON Schema, a starter
 * scenario that validates and runs, the tidy data templates, and the package's version.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { tidyTemplates, writeCsvTables, TIDY_TABLES, TIDY_TABLE_NAMES } from '../io/index.js';
import { NATIONAL_UNIFICATION_SCENARIO, validateScenario, scenarioSchema, type Scenario } from '../scenario/index.js';
import { assessReportSchema } from './assess-command.js';

/** A file the runner will not overwrite, or cannot find; exit code 3 like an unreadable scenario. */
export class OutputFileError extends Error {}

/**
 * The JSON Schema (draft 2020-12) of a scenario file, or of assess's report.json.
 *
 * @example
 * ```ts
 * jsonSchemaOf('scenario').type; // 'object'
 * ```
 */
export function jsonSchemaOf(of: 'scenario' | 'report'): Record<string, unknown> {
  return z.toJSONSchema(of === 'scenario' ? scenarioSchema : assessReportSchema) as Record<string, unknown>;
}

/** The starter scenario: the bundled national scenario shrunk to run in seconds (illustrative figures). */
export function starterScenario(): Scenario {
  const s = structuredClone(NATIONAL_UNIFICATION_SCENARIO);
  const starter: Scenario = {
    ...s,
    name: 'Starter scenario',
    description: 'The national unification scenario shrunk to 600 practitioners in 12 PDUs and 3,000 transferring cases so it runs in seconds. Edit any figure; `probation-workload schema` lists every field.',
    organisation: { practitioners: 600, pduCount: 12 },
    transfer: { ...s.transfer, cases: 3000 },
    pipeline: { ...s.pipeline, simulation: { ...s.pipeline.simulation, runs: 200 } },
    contracts: { ...s.contracts, actuals: { runs: 50, spreadPercent: 15 } },
  };
  validateScenario(starter);
  return starter;
}

/** Writes the starter scenario to `file` or the tidy templates to `data`; refuses to overwrite. */
export function initCommand(file: string, data: string | null): string[] {
  if (data !== null) {
    const taken = TIDY_TABLE_NAMES.map((t) => join(data, `${t}.csv`)).filter((p) => existsSync(p));
    if (taken.length > 0) throw new OutputFileError(`${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}; init writes only new files`);
    const files = writeCsvTables(data, tidyTemplates());
    const doc = TIDY_TABLE_NAMES.map((t) => `${t}.csv: one row per ${TIDY_TABLES[t].doc}\n${TIDY_TABLES[t].columns.map((c) => `  ${c.name}${c.required ? ' (required)' : ''}: ${c.doc}`).join('\n')}`).join('\n\n');
    writeFileSync(join(data, 'README.txt'), `Tidy data for probation-workload (one example row each: replace them with your own).\nHeaders are matched case-insensitively in any order; numbers are plain (no separators, units or %); dates YYYY-MM-DD.\n\n${doc}\n`);
    return [...files, join(data, 'README.txt')];
  }
  if (existsSync(file)) throw new OutputFileError(`${file} already exists; init writes only a new file`);
  writeFileSync(file, `${JSON.stringify(starterScenario(), null, 2)}\n`);
  return [file];
}

/** The package's version, from its package.json (two folders up from src/cli/ or dist/). */
export function packageVersion(): string {
  for (const up of ['..', '../..']) {
    const path = join(dirname(fileURLToPath(import.meta.url)), up, 'package.json');
    if (existsSync(path)) {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'probation-workload' && pkg.version !== undefined) return pkg.version;
    }
  }
  return 'unknown';
}
