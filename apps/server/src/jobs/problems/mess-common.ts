import { InputError } from '@gridhaul/common';
import type { MipProgress } from '@gridhaul/lp';
import { z } from 'zod';
import type { JobProgress } from '../../data';

/** The exact model, or the published heuristic run on the same data and cost model. */
export const messPolicy = z.enum(['exact', 'heuristic']).default('exact');

/** Text of a data file inside a job input (the shared data's formats). */
export const fileText = z.string().min(1).max(5_000_000);

/** An instance field path as the packages name it ('vehicles[0].capacityKWh') → zod path segments. */
function fieldPath(field: string): Array<string | number> {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*|\[\d+\])*$/.test(field)) return [];
  return field.split(/\.|\[(\d+)\]/).flatMap((part) => (part === undefined || part === '' ? [] : [/^\d+$/.test(part) ? Number(part) : part]));
}

/**
 * Reports a package's InputError as a zod issue under `at` (the input field the error came from);
 * a structured field name the package gives is appended to the path, a file's line and column stay
 * in the message. Anything but an InputError is a bug and propagates.
 */
export function addInputIssue(ctx: z.RefinementCtx, at: Array<string | number>, error: unknown, structured = false): void {
  if (!(error instanceof InputError)) throw error;
  ctx.addIssue({ code: 'custom', path: [...at, ...(structured ? fieldPath(error.field) : [])], message: error.message });
}

/** Statuses that come with a plan: an exact solve that found one, or a heuristic run. */
export function hasPlan(status: string): boolean {
  return status === 'optimal' || status === 'timeLimitWithSolution' || status === 'heuristic';
}

/** Gaps and ratios the packages give as NaN or Infinity when undefined; job results are JSON. */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function mipProgress(onProgress: (p: JobProgress) => void): (p: MipProgress) => void {
  return (p) => onProgress({ timeSec: p.timeSec, incumbent: p.incumbent, bound: p.bound, gap: p.gap, iteration: p.nodes });
}

/** Cost components with the undefined ones (NaN, Infinity) left out. */
export function finiteCosts(costs: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(costs).filter(([, v]) => Number.isFinite(v)));
}
