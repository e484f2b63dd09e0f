import { InputError, requireInteger, requirePositive } from '@gridhaul/common';

/**
 * Depth-of-discharge breakpoints 0 = δ_0 < δ_1 < … < δ_J = maxDepth for J segments. Geometric
 * spacing (ratio r = (maxDepth/minDepth)^(1/(J−1)) from δ_1 = minDepth) keeps the relative
 * interpolation error of a ~δ² curve near (1 + r)²/(4r) − 1 on every segment above δ_1; uniform
 * spacing is the textbook choice (Xu et al. 2018 TPWRS), with large relative error on shallow cycles.
 */
export function depthBreakpoints(
  segments: number,
  maxDepth: number,
  spacing: 'geometric' | 'uniform' = 'geometric',
  minDepth = 0.15 * maxDepth,
): number[] {
  const j = requireInteger('segments', segments, 1);
  const dMax = requirePositive('maxDepth', maxDepth);
  if (spacing === 'uniform')
    return Array.from({ length: j + 1 }, (_, k) => (k === j ? dMax : (dMax * k) / j));
  if (spacing !== 'geometric') throw new InputError('spacing', spacing, "'geometric' or 'uniform'");
  const dMin = requirePositive('minDepth', minDepth);
  if (j === 1) return [0, dMax];
  if (!(dMin < dMax))
    throw new InputError('minDepth', minDepth, `a depth below maxDepth (${dMax})`);
  const r = (dMax / dMin) ** (1 / (j - 1));
  return [0, ...Array.from({ length: j }, (_, k) => (k === j - 1 ? dMax : dMin * r ** k))];
}
