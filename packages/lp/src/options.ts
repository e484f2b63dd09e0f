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
}
