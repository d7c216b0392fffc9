/** Runs the commands of data-args.ts and maps their failures to messages and exit codes. */
import { WorkloadError } from '../errors.js';
import { DataFileError } from '../io/index.js';
import { allocateCommand } from './allocate-command.js';
import { assessCommand } from './assess-command.js';
import { forwardCommand } from './forward-command.js';
import type { DataCommand } from './data-args.js';
import { OutputFileError, initCommand, jsonSchemaOf, packageVersion } from './init-command.js';

/**
 * Runs a data command, returning its exit code: 0 done; 1 the data (or a value in it) cannot be
 * used, with every problem listed and nothing written to `--out`; 3 a file init would overwrite.
 */
export async function runDataCommand(command: DataCommand, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  try {
    if (command.command === 'version') stdout.write(`probation-workload ${packageVersion()}\n`);
    else if (command.command === 'schema') stdout.write(`${JSON.stringify(jsonSchemaOf(command.of), null, 2)}\n`);
    else if (command.command === 'init') {
      const files = initCommand(command.file, command.data);
      stderr.write(`Wrote ${files.join(', ')}\n`);
    } else {
      const { files } =
        command.command === 'assess'
          ? await assessCommand(command, stdout, stderr)
          : command.command === 'forward'
            ? await forwardCommand(command, stdout, stderr)
            : await allocateCommand(command, stdout, stderr);
      if (files.length > 0) stderr.write(`Wrote ${files.length} files to ${command.out}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataFileError) {
      stderr.write(`probation-workload: the data cannot be used; nothing was written.\n${error.message}\n`);
      return 1;
    }
    if (error instanceof WorkloadError) {
      stderr.write(`probation-workload: the data cannot be used; nothing was written.\n  ${error.message}\n  (field: ${error.path || '(whole input)'}, code ${error.code})\n`);
      return 1;
    }
    if (error instanceof OutputFileError) {
      stderr.write(`probation-workload: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
}
