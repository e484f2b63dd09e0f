export { parseInstance, buildInstance, type EvrpInstance, type EvrpNode, type NodeKind, type VehicleParameters } from './instance';
export { rulesFor, VARIANTS, PAPER_STATION_SETUP_TIME, type EvrpRules, type Variant, type ObjectiveKind } from './rules';
export type { EvrpRoute, EvrpSolution, Visit, SolveStatus } from './solution';
export { checkSolution, type CheckReport, type CheckedSolution, type CheckedVisit, type CheckOptions, type Violation, type ViolationTag } from './checker';
export { buildSolution, sequenceOf } from './build-solution';
export { routeLimits, scheduleRoute, isRouteFeasible, routeCost, requiredCharge, type RouteLimits } from './schedule';
export { parseBestKnownSolutions, parsePublishedTable, type BestKnownSolution, type PublishedValue } from './reference';
