import { GridHaulError } from '@gridhaul/common';

/** Asked a result for primal values it does not have (infeasible, unbounded, limit without incumbent). */
export class NoSolutionError extends GridHaulError {
  constructor(status: string) {
    super('LP_NO_SOLUTION', `the solve ended with status "${status}" and has no primal solution`);
  }
}

/** Asked for duals or reduced costs of a MILP solved without `mipDuals`, or of a result without them. */
export class NoDualsError extends GridHaulError {
  constructor(reason: string) {
    super('LP_NO_DUALS', `no duals available: ${reason}`);
  }
}

/** The solve was cancelled through its AbortSignal. */
export class SolveCancelledError extends GridHaulError {
  constructor() {
    super('LP_CANCELLED', 'the solve was cancelled');
  }
}

/** A back-end could not be used (executable missing, unsupported model type). */
export class BackendError extends GridHaulError {
  constructor(message: string) {
    super('LP_BACKEND', message);
  }
}
