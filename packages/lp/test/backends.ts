import { execFileSync } from 'node:child_process';
import type { Backend } from '../src/index';

function cbcAvailable(): boolean {
  try {
    execFileSync('cbc', ['-quit'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// CI installs coinor-cbc (.ci/run) and must run the CBC half; a developer machine without it skips
// that half with a visible note.
export const hasCbc = cbcAvailable();
if (!hasCbc && process.env['CI']) throw new Error('CI must have the cbc executable (apt-get install coinor-cbc)');
if (!hasCbc) console.warn('cbc not on PATH: the CBC back-end comparisons are skipped (apt-get install coinor-cbc)');

/** The back-ends to run a test on: HiGHS-wasm, and CBC when it is installed. */
export const backends: Backend[] = hasCbc ? ['highs-wasm', 'cbc'] : ['highs-wasm'];
