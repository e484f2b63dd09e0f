import type { PrismaClient } from './generated/client';
import { apiKeyRepository } from './repositories/api-keys';
import { batteryRepository } from './repositories/batteries';
import { cosimRepository } from './repositories/cosim';
import { fleetRepository } from './repositories/fleets';
import { jobRepository } from './repositories/jobs';
import { networkRepository } from './repositories/networks';
import { priceRepository } from './repositories/prices';
import { scenarioRepository } from './repositories/scenarios';

/** Everything the API and the job runners may do with stored data. */
export function createRepositories(prisma: PrismaClient) {
  return {
    apiKeys: apiKeyRepository(prisma),
    batteries: batteryRepository(prisma),
    cosim: cosimRepository(prisma),
    fleets: fleetRepository(prisma),
    jobs: jobRepository(prisma),
    networks: networkRepository(prisma),
    prices: priceRepository(prisma),
    scenarios: scenarioRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
