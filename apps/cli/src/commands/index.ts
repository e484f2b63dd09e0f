import type { Command } from 'commander';
import { registerBench } from './bench';
import { registerBusCharging } from './bus-charging';
import { registerEvrp } from './evrp';
import { registerLmp } from './lmp';
import { registerMess } from './mess';
import { registerServe } from './serve';
import { registerSolve } from './solve';
import { registerWorker } from './worker';

/** One entry per subcommand; each lives in its own file in this folder. */
export const commands: Array<(program: Command) => void> = [registerBench, registerBusCharging, registerEvrp, registerLmp, registerMess, registerServe, registerSolve, registerWorker];
