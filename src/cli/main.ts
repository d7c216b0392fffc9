#!/usr/bin/env node
/**
 * The runner behind `npx probation-workload` and `npm start`. The only place in the library that
 * reads files and writes to the terminal. Exit codes: 0 done, 1 the scenario or data is invalid (the
 * message names the field, or the file, row and column, and what it allows), 2 the command line is
 * wrong, 3 the scenario file cannot be read, `--out` cannot be written, or init would overwrite a file.
 * Output piped into a reader that stops early (`| head`) ends the run quietly.
 */
import { WorkloadError } from '../errors.js';
import { SAMPLE_TEAM } from '../workload/index.js';
import { USAGE, UsageError, parseArgs } from './args.js';
import { runDataCommand } from './data-main.js';
import { ScenarioFileError, runCommand } from './run-command.js';
import { teamCapacityReport } from './team-report.js';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') process.stdout.write(USAGE);
    else if (command.command === 'team') process.stdout.write(teamCapacityReport(SAMPLE_TEAM));
    else if (command.command !== 'run') return await runDataCommand(command, process.stdout, process.stderr);
    else {
      const { files } = await runCommand(command.scenarioFile, command.out, command.format, process.stdout, process.stderr);
      if (files.length > 0) process.stderr.write(`Wrote ${files.length} files to ${command.out}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`probation-workload: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ScenarioFileError) {
      process.stderr.write(`probation-workload: ${error.message}\n`);
      return 3;
    }
    if (error instanceof WorkloadError) {
      process.stderr.write(`probation-workload: the scenario is not valid.\n  ${error.message}\n  (field: ${error.path || '(whole scenario)'}, code ${error.code})\n`);
      return 1;
    }
    throw error;
  }
}

// A reader that closed the pipe (`| head -1`) has what it wanted: stop quietly, not with an EPIPE stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
process.exitCode = await main(process.argv.slice(2));
