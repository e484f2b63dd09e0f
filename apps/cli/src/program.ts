import { Command, Option } from 'commander';
import { commands } from './commands/index';

export function buildProgram(): Command {
  const program = new Command('gridhaul')
    .description('Plan electric energy logistics against the power grid.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    // Commander would exit with 1 on a usage error (unknown option, invalid choice, missing argument);
    // thrown instead, reportFailure turns it into ExitCode.usage. Subcommands inherit this setting.
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** The flags every subcommand honours (DESIGN.md, issue 2). */
export function withCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('--json', 'machine-readable result on stdout (progress stays on stderr)'))
    .addOption(new Option('--time-limit <seconds>', 'wall-clock limit for solves, in seconds').argParser(positiveNumber('--time-limit')))
    .addOption(new Option('--seed <n>', 'seed for every random generator (reported with the result)').argParser(nonNegativeInteger('--seed')).default(1));
}

export interface CommonOptions {
  json?: boolean;
  timeLimit?: number;
  seed: number;
}

function positiveNumber(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} must be a positive number of seconds, got "${raw}"`);
    return value;
  };
}

function nonNegativeInteger(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new UsageError(`${flag} must be a non-negative integer, got "${raw}"`);
    return value;
  };
}

/** Bad command-line input: exit code 2, message names the flag or file. */
export class UsageError extends Error {
  override name = 'UsageError';
}
