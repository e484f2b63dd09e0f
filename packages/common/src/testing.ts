import { expect } from 'vitest';

/**
 * The one approximate comparison of the test suites: |actual − expected| <= abs + rel·|expected|.
 * The message names what was compared so a failure reads like the reference it checks.
 */
export function expectClose(actual: number, expected: number, tol: { abs?: number; rel?: number } = {}, what = 'value'): void {
  const abs = tol.abs ?? 0;
  const rel = tol.rel ?? (tol.abs === undefined ? 1e-9 : 0);
  const allowed = abs + rel * Math.abs(expected);
  const diff = Math.abs(actual - expected);
  expect(Number.isFinite(actual), `${what} is not finite: ${actual}`).toBe(true);
  expect(diff <= allowed, `${what}: got ${actual}, expected ${expected} ± ${allowed} (off by ${diff})`).toBe(true);
}
