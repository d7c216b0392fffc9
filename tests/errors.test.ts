import { describe, expect, it } from 'vitest';
import { ERROR_CODES, WorkloadError, type WorkloadErrorCode } from '../src/errors.js';
import { errorOf } from './helpers.js';

describe('WorkloadError', () => {
  it('carries its code, path, message and issues', () => {
    const error = new WorkloadError('INFEASIBLE', 'x: cannot be met', { path: 'x' });
    expect([error.name, error.code, error.path, error.message, error.issues]).toEqual(['WorkloadError', 'INFEASIBLE', 'x', 'x: cannot be met', []]);
    expect(error).toBeInstanceOf(Error);
    expect(ERROR_CODES).toContain(error.code);
  });

  it('refuses an unknown code, a message that is not text and options that are not an object', () => {
    expect(errorOf(() => new WorkloadError('NOPE' as WorkloadErrorCode, 'x')).path).toBe('code');
    expect(errorOf(() => new WorkloadError('INVALID_INPUT', 5 as unknown as string)).path).toBe('message');
    expect(errorOf(() => new WorkloadError('INVALID_INPUT', 'x', null as unknown as object)).path).toBe('options');
    expect(errorOf(() => new WorkloadError('INVALID_INPUT', 'x', { path: 3 as unknown as string })).path).toBe('options.path');
  });
});
