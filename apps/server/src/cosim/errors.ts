import { GridHaulError } from '@gridhaul/common';

/** Stable tags of a co-simulation job's failures (they end the job; the stored iterations stay). */
export const CosimErrorTag = {
  /** The DC-OPF with a storage schedule found no optimal dispatch. */
  gridNotSolved: 'COSIM_GRID_NOT_SOLVED',
  /** The storage plan LP ended other than optimal. */
  planFailed: 'COSIM_PLAN_FAILED',
  /** A schedule or a priced grid failed its independent check. */
  checkFailed: 'COSIM_CHECK_FAILED',
  /** A bus has no LMP for a storage unit. */
  noPrice: 'COSIM_NO_PRICE',
} as const;

export class CosimError extends GridHaulError {
  constructor(tag: (typeof CosimErrorTag)[keyof typeof CosimErrorTag], message: string) {
    super(tag, message);
  }
}
