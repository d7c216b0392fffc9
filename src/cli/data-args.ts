/**
 * The runner's commands on real data and its helpers: `assess`, `allocate`, `schema`, `init`,
 * `--version`, each parsed from the arguments after the command's name.
 */
import { ALLOCATION_POLICIES, type AllocationPolicy } from '../allocation/index.js';
import { FORMATS, UsageError, type Format } from './usage.js';

/** `assess DATA`: the capacity report of an organisation read from files. */
export interface AssessCommand {
  readonly command: 'assess';
  readonly data: string;
  readonly asOf: string | null;
  readonly staff: string | null;
  readonly out: string | null;
  readonly format: Format;
  readonly skipInvalid: boolean;
}

/** `allocate DATA [--cases new.csv]`: placements of new (or the data's unallocated) cases. */
export interface AllocateCommand extends Omit<AssessCommand, 'command'> {
  readonly command: 'allocate';
  readonly cases: string | null;
  readonly policy: AllocationPolicy | null;
}

/** `forward DATA --weeks 52`: the projection of an organisation read from files, with its Monte Carlo band. */
export interface ForwardCommand extends Omit<AssessCommand, 'command'> {
  readonly command: 'forward';
  readonly weeks: number;
  readonly runs: number;
  readonly seed: number;
  /** Weeks of recent sentences new demand is estimated from (`null`: 13). */
  readonly demandWeeks: number | null;
  readonly policy: AllocationPolicy | null;
}

/** `schema [--report]`, `init [FILE]`, `init --data DIR`, `--version`. */
export type SetupCommand =
  | { readonly command: 'schema'; readonly of: 'scenario' | 'report' }
  | { readonly command: 'init'; readonly file: string; readonly data: string | null }
  | { readonly command: 'version' };

/** Commands parsed here. */
export type DataCommand = AssessCommand | AllocateCommand | ForwardCommand | SetupCommand;

/** Names of the commands parsed here. */
export const DATA_COMMANDS = ['assess', 'allocate', 'forward', 'schema', 'init', 'version'] as const;

/** Usage lines of the commands parsed here. */
export const DATA_USAGE = `  probation-workload assess DATA [--as-of YYYY-MM-DD] [--staff PATH] [--out DIR] [--format table|json|csv] [--skip-invalid]
      The capacity report of your organisation: DATA is a folder of tidy CSV files, a tidy .xlsx
      workbook or the live WMT extract workbook. Roll-ups to team, PDU, region and nation, the
      caseload distribution, who is above 50 cases, 100% and 110%, and every practitioner.
      --as-of       the day assessed (default: today)
      --staff PATH  contracted hours and reductions for a WMT extract (a tidy folder or workbook)
      --out DIR     also write a CSV per table, report.json (+ report.schema.json) and report.xlsx
      --skip-invalid  load the valid rows; write the others to DIR/rejected.csv with their reasons
  probation-workload allocate DATA [--cases new.csv] [--policy balanced|least-loaded|grade-order] [...]
      Places new cases (or DATA's unallocated cases) with the allocation rules; prints and writes
      placements.csv and unplaced.csv, each case with its reason. Takes assess's options too.
  probation-workload forward DATA [--weeks 52] [--runs 200] [--seed 1] [--demand-weeks 13] [--policy ...] [...]
      Projects DATA week by week from its case dates (ends, releases, OMiC handovers, probation
      reset), with new demand estimated from the cases sentenced in the last --demand-weeks weeks;
      a seeded Monte Carlo of --runs runs (0: none) gives P5-P95. Prints capacity by region and the
      units crossing 110% and when; --out also writes the weekly table and the chart. Takes assess's options too.
  probation-workload schema [--report]
      Prints the JSON Schema of a scenario file (or, with --report, of assess's report.json).
  probation-workload init [scenario.json] | init --data DIR
      Writes a small starter scenario that validates and runs, or the tidy data templates.
  probation-workload --version
`;

/** Reads `--name value` and `--name=value` options and positional arguments. */
function options(rest: readonly string[], valued: readonly string[], flags: readonly string[], command: string) {
  const values = new Map<string, string>();
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (flags.includes(name)) {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      set.add(name);
    } else if (valued.includes(name)) {
      const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${name} for ${command}: expected ${[...valued, ...flags].join(', ')}`);
    }
  }
  return { values, set, positional };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses a command of {@link DATA_COMMANDS} from the arguments after its name.
 *
 * @example
 * ```ts
 * parseDataCommand('assess', ['data/', '--format=json', '--as-of', '2021-06-26']).command; // 'assess'
 * ```
 */
export function parseDataCommand(command: (typeof DATA_COMMANDS)[number], rest: readonly string[]): DataCommand {
  if (command === 'version') {
    if (rest.length > 0) throw new UsageError(`--version takes no arguments (got ${rest.join(' ')})`);
    return { command: 'version' };
  }
  if (command === 'schema') {
    const o = options(rest, [], ['--report'], 'schema');
    if (o.positional.length > 0) throw new UsageError(`schema takes no file (got ${o.positional.join(' ')})`);
    return { command: 'schema', of: o.set.has('--report') ? 'report' : 'scenario' };
  }
  if (command === 'init') {
    const o = options(rest, ['--data'], [], 'init');
    if (o.positional.length > 1 || (o.positional.length > 0 && o.values.has('--data'))) throw new UsageError('init writes one scenario file, or the templates with --data DIR');
    return { command: 'init', file: o.positional[0] ?? 'scenario.json', data: o.values.get('--data') ?? null };
  }
  const valued = ['--as-of', '--staff', '--out', '--format', ...(command === 'allocate' ? ['--cases', '--policy'] : []), ...(command === 'forward' ? ['--weeks', '--runs', '--seed', '--demand-weeks', '--policy'] : [])];
  const o = options(rest, valued, ['--skip-invalid'], command);
  if (o.positional.length !== 1) throw new UsageError(`${command} takes one DATA folder or workbook (got ${o.positional.length === 0 ? 'none' : o.positional.join(' ')})`);
  const format = o.values.get('--format') ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format "${format}": expected one of ${FORMATS.join(', ')}`);
  const asOf = o.values.get('--as-of') ?? null;
  if (asOf !== null && !DATE.test(asOf)) throw new UsageError(`--as-of "${asOf}": expected a date as YYYY-MM-DD`);
  const base = {
    data: o.positional[0] as string,
    asOf,
    staff: o.values.get('--staff') ?? null,
    out: o.values.get('--out') ?? null,
    format: format as Format,
    skipInvalid: o.set.has('--skip-invalid'),
  };
  if (command === 'assess') return { command, ...base };
  const policy = o.values.get('--policy') ?? null;
  if (policy !== null && !(ALLOCATION_POLICIES as readonly string[]).includes(policy)) throw new UsageError(`--policy "${policy}": expected one of ${ALLOCATION_POLICIES.join(', ')}`);
  if (command === 'forward') {
    const whole = (name: string, fallback: number | null, min: number, max: number): number | null => {
      const text = o.values.get(name);
      if (text === undefined) return fallback;
      const value = Number(text);
      if (!/^-?\d+$/.test(text) || value < min || value > max) throw new UsageError(`${name} "${text}": expected a whole number from ${min} to ${max}`);
      return value;
    };
    return {
      command,
      ...base,
      weeks: whole('--weeks', 52, 1, 260) as number,
      runs: whole('--runs', 200, 0, 10_000) as number,
      seed: whole('--seed', 1, -(2 ** 31), 2 ** 31 - 1) as number,
      demandWeeks: whole('--demand-weeks', null, 1, 260),
      policy: policy as AllocationPolicy | null,
    };
  }
  return { command, ...base, cases: o.values.get('--cases') ?? null, policy: policy as AllocationPolicy | null };
}
