/** Test helpers shared by every test file. */
import { WorkloadError } from '../src/index.js';

/** Runs `fn`, expects it to throw a `WorkloadError`, and returns that error. */
export function errorOf(fn: () => unknown): WorkloadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkloadError) return error;
    throw error;
  }
  throw new Error('expected a WorkloadError, but nothing was thrown');
}
