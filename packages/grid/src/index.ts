export {
  createNetwork,
  busIndex,
  type Network,
  type NetworkInput,
  type Bus,
  type BusType,
  type Generator,
  type Branch,
  type DcLine,
  type CostCurve,
} from './network';
export { readMatpower } from './matpower/read-matpower';
export {
  dcParameters,
  dcCost,
  DC_CONVENTIONS,
  type DcConvention,
  type DcParameters,
  type DcCost,
} from './dc/parameters';
export { solveDcOpf, solveDcOpfPeriods, type DcOpfOptions } from './dc/solve-dcopf';
export {
  DC_FORMULATIONS,
  type DcFormulation,
  type DcOpfResult,
  type PeriodResult,
  type BusPrice,
  type GeneratorDispatch,
  type BranchFlow,
} from './dc/results';
export { checkDcOpf, type CheckReport } from './dc/check-dcopf';
export { ReducedBbus, congestionFromDuals } from './dc/reduced-bbus';
export {
  solveMultiPeriodDcOpf,
  periodLoadsMW,
  lmpSeries,
  type PeriodProfile,
  type BusSeries,
} from './dc/profiles';
export {
  priceScenarios,
  type PriceScenarioOptions,
  type PriceScenarioResult,
  type PriceDistribution,
} from './dc/scenarios';
export {
  networkToJson,
  networkFromJson,
  NETWORK_FORMAT,
  NETWORK_FORMAT_VERSION,
} from './network-json';
export {
  feederFromNetwork,
  type Feeder,
  type FeederOptions,
  type DistributedResource,
} from './lindistflow/feeder';
export {
  solveLinDistFlow,
  type LinDistFlowOptions,
  type LinDistFlowResult,
  type DistributionPrice,
} from './lindistflow/solve-lindistflow';
export { checkLinDistFlow } from './lindistflow/check-lindistflow';
