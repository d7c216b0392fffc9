/**
 * The last line of `npm test`: how many tests passed and failed in the vitest run (read from its
 * JSON results), as one plain line, `tests: N passed, N failed`.
 */
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync('node_modules/.cache/vitest-results.json', 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
};
console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
process.exit(results.numFailedTests === 0 && results.numPassedTests > 0 ? 0 : 1);
