// Reads Vitest's JSON report and makes the closing line of `npm test`.
import { existsSync, readFileSync } from 'node:fs';

/**
 * The part of Vitest's JSON report (`--reporter=json`) read here.
 * @typedef {object} VitestJsonReport
 * @property {number} numPassedTests
 * @property {number} numFailedTests
 * @property {number} numPendingTests
 * @property {number} numTodoTests
 * @property {number} numTotalTests
 * @property {Array<{ name: string, status: string, message?: string,
 *   assertionResults: Array<{ status: string }> }>} testResults
 */

/**
 * Counts of a finished run. `failed` also counts each test file that failed without any failed
 * test (it could not be loaded, or a hook failed), so that a broken file never reads "0 failed".
 * @typedef {{ passed: number, failed: number, skipped: number, brokenFiles: string[] }} Counts
 */

/**
 * @param {string} jsonPath
 * @returns {Counts | undefined} undefined when the report is missing or unreadable
 */
export function readCounts(jsonPath) {
  if (!existsSync(jsonPath)) return undefined;
  /** @type {VitestJsonReport} */
  let report;
  try {
    report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch {
    return undefined;
  }
  const brokenFiles = report.testResults
    .filter(
      (file) =>
        file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
    )
    .map((file) => file.name);
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
    brokenFiles,
  };
}

/**
 * The closing line: `tests: N passed, N failed` (`, N skipped` when some were).
 * @param {Counts} counts
 */
export function summaryLine(counts) {
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
  return `tests: ${counts.passed} passed, ${counts.failed} failed${skipped}`;
}
