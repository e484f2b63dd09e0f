import { describe, expect, it } from 'vitest';
import { runCli } from './spawn-gridhaul';

// Each case starts the real executable: the exit code is what a shell script sees.
describe('usage errors exit with code 2 and say why on stderr', { timeout: 120_000 }, () => {
  it('an invalid choice (lmp --convention), an unknown option, a missing argument, an unknown command', async () => {
    const [choice, unknownOption, missing, unknownCommand] = await Promise.all([
      runCli(['lmp', 'case.m', '--convention', 'nope']),
      runCli(['lmp', 'case.m', '--bogus']),
      runCli(['lmp']),
      runCli(['nosuchcommand']),
    ]);
    expect(choice).toMatchObject({ code: 2, stdout: '' });
    expect(choice.stderr).toContain("option '--convention <name>' argument 'nope' is invalid. Allowed choices are matpower, powermodels-dcp");
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("unknown option '--bogus'");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'case'");
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain("unknown command 'nosuchcommand'");
  });

  it('a choice of a nested command (mess delivery --method) and a bad value of a common option (--seed)', async () => {
    const [nested, seed] = await Promise.all([runCli(['mess', 'delivery', '7-node', '--method', 'simplex']), runCli(['lmp', 'case.m', '--seed', '-1'])]);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain("argument 'simplex' is invalid");
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed must be a non-negative integer, got "-1"');
  });

  it('help and version still exit 0', async () => {
    const [help, version] = await Promise.all([runCli(['lmp', '--help']), runCli(['--version'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: gridhaul lmp');
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});
