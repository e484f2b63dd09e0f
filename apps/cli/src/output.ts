import { CommanderError } from 'commander';
import { UsageError } from './program';

/** Exit codes scripts can rely on. */
export const ExitCode = {
  ok: 0,
  /** The solver ran but found no feasible plan, or a limit stopped it without one. */
  noSolution: 1,
  /** Bad input: a flag, a file, a field. */
  usage: 2,
  /** Anything else. */
  internal: 3,
} as const;

/** Progress and notes for people go to stderr so stdout stays machine-readable under --json. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2)}\n`);
}

/** Prints a failure on stderr and returns the exit code for it. */
export function reportFailure(error: unknown): number {
  // Commander has already written its message (or the help and version text) on stderr or stdout.
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gridhaul: ${message}\n`);
  if (error instanceof UsageError) return ExitCode.usage;
  if (error instanceof Error && /Error$/.test(error.name) && 'field' in error) return ExitCode.usage;
  return ExitCode.internal;
}
