import { buildProgram } from './program';
import { reportFailure } from './output';

const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error);
}
