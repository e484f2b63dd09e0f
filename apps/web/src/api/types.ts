// The dashboard's view of the API: every type comes from the server's router (type-only import,
// nothing of the server is bundled).
import type { AppRouter } from '@gridhaul/server';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type { AppRouter };
type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

export type NetworkSummary = Out['networks']['list'][number];
export type RoadNetwork = Out['networks']['getRoad'];
export type GridNetwork = Out['networks']['getGrid'];
export type PriceSeriesSummary = Out['prices']['list'][number];
export type PriceQueryResult = Out['prices']['query'];
export type Fleet = Out['fleets']['list'][number];
export type ScenarioSummary = Out['scenarios']['list'][number];
export type Scenario = Out['scenarios']['get'];
export type NewScenario = In['scenarios']['create'];
export type Job = Out['jobs']['get'];
export type JobStatus = Job['status'];
export type JobProgress = NonNullable<Job['progress']>;
export type Solution = Out['jobs']['result'];
export type ProblemTypeInfo = Out['jobs']['problemTypes'][number];

export const terminal: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];
