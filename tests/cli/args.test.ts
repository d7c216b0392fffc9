import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it('runs the bundled scenario with no arguments (what `npm start` passes)', () => {
    expect(parseArgs([])).toEqual({ command: 'run', scenarioFile: null, out: null, format: 'table' });
  });

  it('takes options alone as `run` with those options (`npm start -- --out report`)', () => {
    expect(parseArgs(['--out', 'report', '--format', 'csv'])).toEqual({ command: 'run', scenarioFile: null, out: 'report', format: 'csv' });
  });

  it('passes a command through (`npm start -- team`)', () => {
    expect(parseArgs(['team'])).toEqual({ command: 'team' });
    expect(parseArgs(['run', 'my.json'])).toEqual({ command: 'run', scenarioFile: 'my.json', out: null, format: 'table' });
  });

  it('still refuses an unknown command or option', () => {
    expect(() => parseArgs(['nonsense'])).toThrow(UsageError);
    expect(() => parseArgs(['--nonsense'])).toThrow(/unknown option --nonsense/);
  });
});
