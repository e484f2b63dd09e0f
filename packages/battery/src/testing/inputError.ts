import { InputError } from '@gridhaul/common';

/** Runs f and returns the InputError it throws; fails if it throws nothing or something else. */
export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError, nothing was thrown');
}
