import { InputError, requireFinite } from '@gridhaul/common';

/**
 * A convex piecewise-linear function through breakpoints (x_k, y_k). Built from a curve sampled at the
 * requested breakpoints; if those values are not convex, the lower convex envelope replaces them and
 * `convexified` says so (an LP epigraph or segment model can only represent convex costs).
 */
export interface ConvexPwl {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Slope of segment k, between xs[k] and xs[k + 1]; non-decreasing. */
  readonly slopes: readonly number[];
  readonly convexified: boolean;
  /** Requested breakpoints that the envelope dropped (their curve value lies above it). */
  readonly droppedXs: readonly number[];
}

export function convexPwl(
  f: (x: number) => number,
  breakpoints: readonly number[],
  field = 'breakpoints',
): ConvexPwl {
  if (breakpoints.length < 2) throw new InputError(field, breakpoints, 'at least two breakpoints');
  const pts = breakpoints.map((x, k) => {
    requireFinite(`${field}[${k}]`, x);
    if (k > 0 && !(x > (breakpoints[k - 1] as number)))
      throw new InputError(`${field}[${k}]`, x, 'strictly increasing breakpoints');
    return [x, requireFinite(`cost at ${field}[${k}]`, f(x))] as const;
  });
  // lower hull (Andrew's monotone chain on x-sorted points)
  const hull: Array<readonly [number, number]> = [];
  for (const p of pts) {
    while (hull.length >= 2) {
      const [x1, y1] = hull[hull.length - 2] as readonly [number, number];
      const [x2, y2] = hull[hull.length - 1] as readonly [number, number];
      const cross = (x2 - x1) * (p[1] - y1) - (y2 - y1) * (p[0] - x1);
      const scale = Math.abs((x2 - x1) * (p[1] - y1)) + Math.abs((y2 - y1) * (p[0] - x1));
      if (cross <= 1e-12 * scale) hull.pop();
      else break;
    }
    hull.push(p);
  }
  const xs = hull.map((p) => p[0]);
  const ys = hull.map((p) => p[1]);
  const slopes = xs
    .slice(1)
    .map((x, k) => ((ys[k + 1] as number) - (ys[k] as number)) / (x - (xs[k] as number)));
  const kept = new Set(xs);
  const droppedXs = breakpoints.filter((x) => !kept.has(x));
  // collinear points dropped by the hull are not a convexification: the curve passes through the hull there
  const convexified = droppedXs.some((x) => {
    const y = f(x);
    return (
      y - pwlValue({ xs, ys, slopes, convexified: false, droppedXs: [] }, x) >
      1e-9 * Math.max(1, Math.abs(y))
    );
  });
  return { xs, ys, slopes, convexified, droppedXs };
}

export function pwlValue(pwl: ConvexPwl, x: number): number {
  const { xs, ys, slopes } = pwl;
  let k = 0;
  while (k < slopes.length - 1 && x > (xs[k + 1] as number)) k++;
  return (ys[k] as number) + (slopes[k] as number) * (x - (xs[k] as number));
}

export interface ApproximationError {
  /** Largest |pwl − f| over [lo, hi], in the curve's unit. */
  readonly maxAbsolute: number;
  readonly maxAbsoluteAt: number;
  /** Largest |pwl − f| / f over [relativeFrom, hi] (where f > 0). */
  readonly maxRelative: number;
  readonly maxRelativeAt: number;
  readonly relativeFrom: number;
}

/**
 * Approximation error of a PWL against its curve, by dense sampling (`samplesPerSegment` per
 * segment, including the ends) refined by golden-section search around the worst sample.
 */
export function approximationError(
  pwl: ConvexPwl,
  f: (x: number) => number,
  lo: number,
  hi: number,
  relativeFrom = lo,
  samplesPerSegment = 200,
): ApproximationError {
  const edges = [lo, ...pwl.xs.filter((x) => x > lo && x < hi), hi];
  let maxAbsolute = 0;
  let maxAbsoluteAt = lo;
  let maxRelative = 0;
  let maxRelativeAt = relativeFrom;
  const abs = (x: number): number => Math.abs(pwlValue(pwl, x) - f(x));
  const rel = (x: number): number => {
    const y = f(x);
    return x >= relativeFrom && y > 0 ? abs(x) / y : 0;
  };
  for (let e = 0; e + 1 < edges.length; e++) {
    const a = edges[e] as number;
    const b = edges[e + 1] as number;
    const h = (b - a) / samplesPerSegment;
    let bestA = a;
    let bestR = Math.max(a, relativeFrom);
    for (let s = 0; s <= samplesPerSegment; s++) {
      const x = a + s * h;
      if (abs(x) > abs(bestA)) bestA = x;
      if (rel(x) > rel(bestR)) bestR = x;
    }
    const xa = refine(abs, Math.max(a, bestA - h), Math.min(b, bestA + h));
    const xr = refine(rel, Math.max(a, bestR - h), Math.min(b, bestR + h));
    for (const x of [bestA, xa])
      if (abs(x) > maxAbsolute) [maxAbsolute, maxAbsoluteAt] = [abs(x), x];
    for (const x of [bestR, xr])
      if (rel(x) > maxRelative) [maxRelative, maxRelativeAt] = [rel(x), x];
  }
  return { maxAbsolute, maxAbsoluteAt, maxRelative, maxRelativeAt, relativeFrom };
}

/** Golden-section maximisation on [a, b]. */
function refine(g: (x: number) => number, a: number, b: number): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let x1 = b - phi * (b - a);
  let x2 = a + phi * (b - a);
  for (let i = 0; i < 60 && b - a > 1e-12; i++) {
    if (g(x1) < g(x2)) {
      a = x1;
      x1 = x2;
      x2 = a + phi * (b - a);
    } else {
      b = x2;
      x2 = x1;
      x1 = b - phi * (b - a);
    }
  }
  return (a + b) / 2;
}
