/** The runner's command line: `probation-workload run [scenario.json] [--out DIR] [--format table|json|csv]`. */

import { DATA_COMMANDS, DATA_USAGE, parseDataCommand, type DataCommand } from './data-args.js';
import { FORMATS, UsageError, type Format } from './usage.js';

export { FORMATS, UsageError, type Format };

/** A parsed command line. */
export type Command =
  | { readonly command: 'run'; readonly scenarioFile: string | null; readonly out: string | null; readonly format: Format }
  | { readonly command: 'team' }
  | { readonly command: 'help' }
  | DataCommand;

/** The usage text printed by `--help` and after a usage error. */
export const USAGE = `Usage:
  probation-workload run [scenario.json] [--out DIR] [--format table|json|csv]
      Runs a scenario (the bundled national unification scenario when no file is given).
      run is the default: with no command, or options alone, the runner runs.
      --out DIR     also write report.json, one CSV per section, SVG charts and report.html to DIR
      --format      what to print: table (default), json (the whole report) or csv (every section)
  probation-workload team
      Prints the capacity report of the built-in sample team.
${DATA_USAGE}  probation-workload --help
`;

/**
 * Parses the arguments after the program name.
 *
 * @example
 * ```ts
 * parseArgs(['run', 'my.json', '--format', 'csv']); // { command: 'run', scenarioFile: 'my.json', out: null, format: 'csv' }
 * ```
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return parseDataCommand('version', argv.slice(1));
  // `--format=json` is `--format json`; `run` is the default command: options alone (`--out DIR`, as
  // `npm start -- --out DIR` gives) run too.
  const words = argv.flatMap((arg) => (/^--(format|out)=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const [command = 'run', ...rest] = words[0]?.startsWith('--') === true ? ['run', ...words] : words;
  if (command === 'help') return { command: 'help' };
  if ((DATA_COMMANDS as readonly string[]).includes(command)) return parseDataCommand(command as (typeof DATA_COMMANDS)[number], rest);
  if (command === 'team') {
    if (rest.length > 0) throw new UsageError(`team takes no arguments (got ${rest.join(' ')})`);
    return { command: 'team' };
  }
  if (command !== 'run') throw new UsageError(`unknown command "${command}": expected run, team, ${DATA_COMMANDS.join(', ')} or --help`);
  let scenarioFile: string | null = null;
  let out: string | null = null;
  let format: Format = 'table';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out') out = value();
    else if (arg === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format "${f}": expected one of ${FORMATS.join(', ')}`);
      format = f as Format;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}: expected --out or --format`);
    else if (scenarioFile === null) scenarioFile = arg;
    else throw new UsageError(`one scenario file at a time (got ${scenarioFile} and ${arg})`);
  }
  return { command: 'run', scenarioFile, out, format };
}
