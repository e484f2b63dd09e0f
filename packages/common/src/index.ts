export { GridHaulError, InputError } from './errors';
export { requireFinite, requireInRange, requireInteger, requireNonNegative, requirePositive } from './validate';
export { Rng } from './rng';
export { anyOf, maxIterations, maxSeconds, noImprovement, type StoppingCriterion } from './stopping';
