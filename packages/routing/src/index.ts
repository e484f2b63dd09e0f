export type { CoordinateSystem, RoadEdgeAttributes, RoadGraph, RoadGraphAttributes, RoadNodeAttributes, RoadSegment } from './model';
export { buildRoadGraph, validateRoadGraph, MAX_GRADE_PERCENT, type RoadEdgeInput, type RoadNetworkInput, type RoadNodeInput } from './build-graph';
export { FREE_FLOW, factorAt, hourlySpeedProfile, speedProfile, traverseH, type SpeedProfile } from './speed-profile';
export { BPR_DEFAULT, WEEKDAY_VC_PROFILE, bprMultiplier, bprSpeedProfile, bprSpeedProfileFromVolumes, bprTravelTimeH, type BprParameters } from './bpr';
export {
  CO_OPT_GRAVITY_M_S2,
  GRAVITY_M_S2,
  HEAVY_TRUCK_26T,
  batteryEnergyPerKmKWh,
  legFixedEnergyKWh,
  validateVehicle,
  wheelEnergyPerKmKWh,
  type CoOptTruckEnergy,
  type LongitudinalVehicle,
  type VehicleEnergyModel,
} from './vehicle';
export { haversineKm } from './geo';
export { compileRoadNetwork, gradeFromElevations, type CompiledNetwork, type TrafficModel } from './compile';
export { searchFrom, type CostRates, type Objective, type SearchMethod, type SearchSpec, type SearchTree } from './search';
export { evaluateRoute, type EvaluationOptions, type RouteLeg, type RouteResult } from './route';
export { checkRoute, type RouteCheckContext } from './route-check';
export { earliestArrival, minimumCost, minimumEnergy, type RouteQuery } from './paths';
export { TravelMatrixCache, travelMatrix, type MatrixQuery, type TravelMatrix } from './matrix';
export { importGeoJsonRoads, type GeoJsonFeature, type GeoJsonFeatureCollection, type GeoJsonImportOptions, type GeoJsonImportReport } from './geojson-import';
export { routeToGeoJson, routesToGeoJson, type RouteFeature } from './geojson-export';
export { parseCsv, type CsvRow } from './csv';
export {
  coOptNetworkFromCsv,
  parseCoOptDistanceCsv,
  parseCoOptGradeCsv,
  parseCoOptTrafficCsv,
  parseCoOptTrucksCsv,
  type CoOptDistanceMatrix,
  type CoOptNetwork,
  type CoOptTruck,
  type CoOptZoneIndex,
} from './co-opt-data';
export {
  CO_OPT_COST_RATES,
  CO_OPT_MORNING_H,
  CO_OPT_ZONE1_KM,
  coOptLeg,
  coOptLegMatrix,
  coOptRoadGraph,
  coOptTrafficModel,
  coOptTruckEnergy,
  type CoOptClock,
  type CoOptLeg,
  type CoOptLegMatrix,
} from './co-opt-travel';
