export { createDeliveryInstance, withDeliveryChanges, type DeliveryInstance, type DeliveryInstanceInput, type DeliveryNode, type DeliveryParameters, type DeliveryVehicle } from './delivery/instance';
export { parseDeliveryFiles, type DeliveryFiles } from './delivery/parse';
export { createChargingCycleInstance, parseChargingCycleJson, type ChargingCycleInstance, type ChargingCycleSite, type Excavator } from './charging-cycle/instance';
export { CO_OPT_BUS_MAP, createCoOptCase, parseCoOptFiles, parsePriceCsv, priceAt, type CoOptCase, type CoOptExcavator, type CoOptFiles, type CoOptSite, type PriceTable } from './coopt/data';
export {
  CO_OPT_CASES,
  DELIVERY_CASES,
  LMP_REALISATIONS,
  bundledChargingCycle,
  bundledCoOptCase,
  bundledDeliveryCase,
  bundledPrices,
  type CoOptCaseName,
  type DeliveryCaseName,
  type LmpRealisation,
} from './bundled';
export type { DeliveryCostModel, DeliveryPlan, DeliveryRoute, DeliveryStop } from './delivery/plan';
export { deliveryKWh, demandKWh, earliestServiceH, pickupKWh, requiredSites, returnableKWh, siteSocPct } from './delivery/rules';
export { runPublishedHeuristic, type HeuristicVehicleResult, type PublishedHeuristicOptions, type PublishedHeuristicResult } from './delivery/heuristic';
export type { ChargingCyclePlan, SwapTrip } from './charging-cycle/plan';
export { replayRuleBasedChargingCycle, type RuleBasedRun, type RuleBasedStep } from './charging-cycle/rule-based';
export type { DeliveryAmountRule } from './delivery/rules';
export { checkDeliveryPlan, type DeliveryCheck, type DeliveryCheckOptions, type DeliveryCostBreakdown, type DeliveryViolation, type DeliveryViolationKind } from './delivery/checker';
export { extractDeliveryModelData, type DeliveryModelData, type DeliveryModelOptions } from './delivery/model-data';
export { bestRoutesBySubset, scheduleRoute, solveDeliveryDp, type DeliveryDpResult, type RouteChoice } from './delivery/dp';
export { buildDeliveryMilp, solveDeliveryMilp, type DeliveryMilp, type DeliveryMilpResult } from './delivery/milp';
export { planDelivery, type DeliveryResult, type PlanDeliveryOptions } from './delivery/solve';
export { checkChargingCyclePlan, type ChargingCycleCheck, type ChargingCycleViolation, type ChargingCycleViolationKind } from './charging-cycle/checker';
export { buildChargingCycleMilp, chargingCycleGrid, solveChargingCycleMilp, type ChargingCycleGrid, type ChargingCycleMilpOptions, type ChargingCycleMilpResult } from './charging-cycle/milp';
export { planChargingCycle, type ChargingCycleResult, type PlanChargingCycleOptions } from './charging-cycle/solve';
export { CHEMISTRIES, DEFAULT_CO_OPT_SETTINGS, coOptSettings, type Chemistry, type CoOptSettings } from './coopt/settings';
export { exchangeRequests, siteDrawKWh, type ExchangeRequest } from './coopt/requests';
export { wearModel, type WearModel } from './coopt/wear';
export { ARC_KINDS, COST_PARTS, buildCoOptGraph, truckClasses, usefulArcs, type ArcKind, type CoOptGraph, type CostPart, type GraphOptions, type TruckClass } from './coopt/network';
export type { CoOptAction, CoOptPlan, CoOptTruckPlan } from './coopt/plan';
export { solveCoOptDp, type CoOptDpResult } from './coopt/dp';
export { buildCoOptFleetMilp, solveCoOptFleetMilp, type CoOptFleetMilp, type CoOptFleetResult } from './coopt/tsn-milp';
export { runGreedyPolicy, type GreedyOptions, type GreedyPolicy } from './coopt/greedy';
export { checkCoOptPlan, type CoOptCheck, type CoOptCostComponents, type CoOptViolation, type CoOptViolationKind } from './coopt/checker';
export { planCoOpt, type CoOptResult, type PlanCoOptOptions } from './coopt/solve';
export {
  BUNDLED_GRIDS,
  CO_OPT_LOAD_SHAPE,
  bundledGrid,
  coOptTariffUsdPerKWh,
  dcOpfPriceScenarios,
  dcOpfPriceTable,
  meanPriceTable,
  perturbedPriceScenarios,
  type BundledGrid,
  type DcOpfPriceOptions,
  type PriceScenarioOptions,
} from './coopt/grid-prices';
export { cvar, planUnderPriceUncertainty, type PlanUnderPrices, type PriceUncertaintyOptions, type PriceUncertaintyResult } from './coopt/stochastic';
export { readCoOptFleetSolution } from './coopt/tsn-milp';
export { syntheticCoOptCase, type SyntheticOptions } from './coopt/synthetic';
export { chemistryNetworkPolicyTable, markdownTable, scalingCurve, type ComparisonRow, type ScalingPoint } from './analysis';
export { chargingCycleText, coOptText, deliveryText, resultToJson } from './report';
export { readChargingCycleData, readCoOptData, readDeliveryData } from './files';
