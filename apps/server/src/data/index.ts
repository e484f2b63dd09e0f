export { openDatabase, type Database, type DatabaseConfig } from './database';
export { migrate, readMigrations, migrationsDir, type Migration, type MigrateReport } from './migrate';
export { createRepositories, type Repositories } from './repositories';
export type { SqlConnection, SqlSession } from './sql';
export type { ApiKeyInfo } from './repositories/api-keys';
export type { BatterySpec, BatterySpecInput } from './repositories/batteries';
export type { CosimRun, CosimRunStatus, StoredCosimIteration } from './repositories/cosim';
export type { Fleet, FleetInput, MessUnitInput, VehicleInput } from './repositories/fleets';
export type { DerivedRecords, Job, JobClaim, JobInput, JobProgress, JobStatus, Solution, SolutionData } from './repositories/jobs';
export { terminalStatuses } from './repositories/jobs';
export type {
  GridNetworkData, LoadProfileData, NetworkSummary, RoadNetworkData, TrafficProfileData,
} from './repositories/networks';
export type { PricePointData, PriceQuery, PriceSeriesInput, PriceSeriesSummary } from './repositories/prices';
export type { Scenario, ScenarioInput } from './repositories/scenarios';
