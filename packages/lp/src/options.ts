import type { MipStart } from './mip-start';
import type { Backend } from './result';

export interface MipProgress {
  incumbent?: number | undefined;
  bound?: number | undefined;
  gap?: number | undefined;
  timeSec: number;
  nodes?: number | undefined;
}

export interface SolveOptions {
  /** Wall-clock limit in seconds. */
  timeLimitSec?: number;
  /** Relative MIP gap at which to stop (HiGHS default 1e-4). */
  mipRelGap?: number;
  presolve?: boolean;
  /** Threads for native back-ends; the WASM build is single-threaded. */
  threads?: number;
  backend?: Backend;
  /** Path of the native executable (default: `cbc` or `highs` on PATH). */
  executable?: string;
  /** After a MILP, re-solve the LP with integers fixed to obtain row duals and reduced costs. */
  mipDuals?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: MipProgress) => void;
  /** Solver random seed (HiGHS `random_seed`), for reproducible branching. */
  randomSeed?: number;
  /** Stop branch and bound after this many nodes (HiGHS `mip_max_nodes`, CBC `maxNodes`); status as for a time limit. */
  nodeLimit?: number;
  /**
   * A known (partial) solution for a MIP, by Var or variable name. It is checked first: a start that
   * breaks a bound, integrality or a row whose variables it all gives is not passed on and the result
   * says why (`result.mipStart`). HiGHS-wasm takes it through `setSolution`, CBC through `mipStart`.
   */
  mipStart?: MipStart;
}
