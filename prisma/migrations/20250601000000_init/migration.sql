-- CreateTable
CREATE TABLE "RoadNetwork" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "crs" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoadNetwork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoadNode" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT,
    "x" DOUBLE PRECISION,
    "y" DOUBLE PRECISION,
    "elevationM" DOUBLE PRECISION,

    CONSTRAINT "RoadNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoadEdge" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fromKey" TEXT NOT NULL,
    "toKey" TEXT NOT NULL,
    "lengthKm" DOUBLE PRECISION NOT NULL,
    "freeFlowSpeedKmh" DOUBLE PRECISION NOT NULL,
    "capacityVehPerH" DOUBLE PRECISION,
    "zone" TEXT,
    "roadClass" TEXT,
    "gradePercent" DOUBLE PRECISION,
    "tollUsd" DOUBLE PRECISION,
    "segments" JSONB,
    "geometry" JSONB,

    CONSTRAINT "RoadEdge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrafficProfile" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "startsH" DOUBLE PRECISION[],
    "factors" DOUBLE PRECISION[],
    "periodH" DOUBLE PRECISION,

    CONSTRAINT "TrafficProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GridNetwork" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "baseMVA" DOUBLE PRECISION NOT NULL,
    "notes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GridNetwork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bus" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "type" INTEGER NOT NULL,
    "pdMW" DOUBLE PRECISION NOT NULL,
    "qdMVAr" DOUBLE PRECISION NOT NULL,
    "gsMW" DOUBLE PRECISION NOT NULL,
    "bsMVAr" DOUBLE PRECISION NOT NULL,
    "area" INTEGER NOT NULL,
    "vmPu" DOUBLE PRECISION NOT NULL,
    "vaDeg" DOUBLE PRECISION NOT NULL,
    "baseKV" DOUBLE PRECISION NOT NULL,
    "zone" INTEGER NOT NULL,
    "vmaxPu" DOUBLE PRECISION NOT NULL,
    "vminPu" DOUBLE PRECISION NOT NULL,
    "name" TEXT,

    CONSTRAINT "Bus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Branch" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fromBus" INTEGER NOT NULL,
    "toBus" INTEGER NOT NULL,
    "rPu" DOUBLE PRECISION NOT NULL,
    "xPu" DOUBLE PRECISION NOT NULL,
    "bPu" DOUBLE PRECISION NOT NULL,
    "rateAMVA" DOUBLE PRECISION NOT NULL,
    "rateBMVA" DOUBLE PRECISION NOT NULL,
    "rateCMVA" DOUBLE PRECISION NOT NULL,
    "tapRatio" DOUBLE PRECISION NOT NULL,
    "shiftDeg" DOUBLE PRECISION NOT NULL,
    "inService" BOOLEAN NOT NULL,
    "angMinDeg" DOUBLE PRECISION NOT NULL,
    "angMaxDeg" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Branch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Generator" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "bus" INTEGER NOT NULL,
    "pgMW" DOUBLE PRECISION NOT NULL,
    "qgMVAr" DOUBLE PRECISION NOT NULL,
    "qmaxMVAr" DOUBLE PRECISION,
    "qminMVAr" DOUBLE PRECISION,
    "vgPu" DOUBLE PRECISION NOT NULL,
    "mBaseMVA" DOUBLE PRECISION NOT NULL,
    "inService" BOOLEAN NOT NULL,
    "pmaxMW" DOUBLE PRECISION NOT NULL,
    "pminMW" DOUBLE PRECISION NOT NULL,
    "costKind" TEXT NOT NULL,
    "costCoefficients" DOUBLE PRECISION[],
    "costPointsMW" DOUBLE PRECISION[],
    "costPointsPerH" DOUBLE PRECISION[],
    "startupCost" DOUBLE PRECISION NOT NULL,
    "shutdownCost" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Generator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DcLine" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fromBus" INTEGER NOT NULL,
    "toBus" INTEGER NOT NULL,
    "inService" BOOLEAN NOT NULL,
    "pminMW" DOUBLE PRECISION NOT NULL,
    "pmaxMW" DOUBLE PRECISION NOT NULL,
    "loss0MW" DOUBLE PRECISION NOT NULL,
    "loss1" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "DcLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoadProfile" (
    "id" SERIAL NOT NULL,
    "networkId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bus" INTEGER,
    "stepH" DOUBLE PRECISION NOT NULL,
    "factors" DOUBLE PRECISION[],

    CONSTRAINT "LoadProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceSeries" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "networkId" TEXT,
    "jobId" TEXT,
    "stepH" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PricePoint" (
    "id" SERIAL NOT NULL,
    "seriesId" TEXT NOT NULL,
    "bus" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "scenario" INTEGER NOT NULL,
    "lmpPerMWh" DOUBLE PRECISION NOT NULL,
    "energyPerMWh" DOUBLE PRECISION NOT NULL,
    "congestionPerMWh" DOUBLE PRECISION NOT NULL,
    "lossPerMWh" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PricePoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatterySpec" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "chemistry" TEXT NOT NULL,
    "capacityKWh" DOUBLE PRECISION NOT NULL,
    "maxChargeKW" DOUBLE PRECISION NOT NULL,
    "maxDischargeKW" DOUBLE PRECISION NOT NULL,
    "chargeEfficiency" DOUBLE PRECISION NOT NULL,
    "dischargeEfficiency" DOUBLE PRECISION NOT NULL,
    "socMin" DOUBLE PRECISION NOT NULL,
    "socMax" DOUBLE PRECISION NOT NULL,
    "replacementCostUsd" DOUBLE PRECISION NOT NULL,
    "endOfLifeFraction" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatterySpec_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fleet" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fleet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" SERIAL NOT NULL,
    "fleetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "messCapacity" INTEGER NOT NULL,
    "massKg" DOUBLE PRECISION NOT NULL,
    "speedKmh" DOUBLE PRECISION NOT NULL,
    "costPerKm" DOUBLE PRECISION NOT NULL,
    "wagePerH" DOUBLE PRECISION NOT NULL,
    "batterySpecId" TEXT,

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessUnit" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "batterySpecId" TEXT NOT NULL,
    "initialSoc" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "MessUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "roadNode" TEXT,
    "gridBus" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteDemand" (
    "id" SERIAL NOT NULL,
    "siteId" TEXT NOT NULL,
    "startH" DOUBLE PRECISION NOT NULL,
    "endH" DOUBLE PRECISION NOT NULL,
    "energyKWh" DOUBLE PRECISION NOT NULL,
    "powerKW" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SiteDemand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "problemType" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "clonedFromId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "problemType" TEXT NOT NULL,
    "scenarioId" TEXT,
    "status" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "seed" INTEGER NOT NULL,
    "timeLimitSec" DOUBLE PRECISION,
    "progress" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "error" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Solution" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "objective" DOUBLE PRECISION,
    "costs" JSONB NOT NULL,
    "plan" JSONB NOT NULL,
    "check" JSONB NOT NULL,
    "seed" INTEGER NOT NULL,
    "solveSec" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Solution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CosimRun" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "toleranceUsdPerMWh" DOUBLE PRECISION NOT NULL,
    "maxIterations" INTEGER NOT NULL,
    "converged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CosimRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CosimIteration" (
    "id" SERIAL NOT NULL,
    "runId" TEXT NOT NULL,
    "iteration" INTEGER NOT NULL,
    "maxPriceChangeUsdPerMWh" DOUBLE PRECISION NOT NULL,
    "objective" DOUBLE PRECISION NOT NULL,
    "schedule" JSONB NOT NULL,
    "prices" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CosimIteration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoadNode_networkId_key_key" ON "RoadNode"("networkId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "RoadEdge_networkId_key_key" ON "RoadEdge"("networkId", "key");

-- CreateIndex
CREATE INDEX "RoadEdge_networkId_fromKey_idx" ON "RoadEdge"("networkId", "fromKey");

-- CreateIndex
CREATE UNIQUE INDEX "TrafficProfile_networkId_zone_key" ON "TrafficProfile"("networkId", "zone");

-- CreateIndex
CREATE UNIQUE INDEX "Bus_networkId_number_key" ON "Bus"("networkId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Branch_networkId_position_key" ON "Branch"("networkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Generator_networkId_position_key" ON "Generator"("networkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DcLine_networkId_position_key" ON "DcLine"("networkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "LoadProfile_networkId_name_key" ON "LoadProfile"("networkId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PricePoint_seriesId_scenario_bus_period_key" ON "PricePoint"("seriesId", "scenario", "bus", "period");

-- CreateIndex
CREATE UNIQUE INDEX "BatterySpec_name_key" ON "BatterySpec"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Fleet_name_key" ON "Fleet"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Vehicle_fleetId_name_key" ON "Vehicle"("fleetId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MessUnit_fleetId_name_key" ON "MessUnit"("fleetId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Site_name_key" ON "Site"("name");

-- CreateIndex
CREATE INDEX "Job_status_createdAt_idx" ON "Job"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Solution_jobId_key" ON "Solution"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "CosimIteration_runId_iteration_key" ON "CosimIteration"("runId", "iteration");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- AddForeignKey
ALTER TABLE "RoadNode" ADD CONSTRAINT "RoadNode_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "RoadNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoadEdge" ADD CONSTRAINT "RoadEdge_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "RoadNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrafficProfile" ADD CONSTRAINT "TrafficProfile_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "RoadNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bus" ADD CONSTRAINT "Bus_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "GridNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Branch" ADD CONSTRAINT "Branch_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "GridNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Generator" ADD CONSTRAINT "Generator_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "GridNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DcLine" ADD CONSTRAINT "DcLine_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "GridNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoadProfile" ADD CONSTRAINT "LoadProfile_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "GridNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceSeries" ADD CONSTRAINT "PriceSeries_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "GridNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PricePoint" ADD CONSTRAINT "PricePoint_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "PriceSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_batterySpecId_fkey" FOREIGN KEY ("batterySpecId") REFERENCES "BatterySpec"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessUnit" ADD CONSTRAINT "MessUnit_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessUnit" ADD CONSTRAINT "MessUnit_batterySpecId_fkey" FOREIGN KEY ("batterySpecId") REFERENCES "BatterySpec"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteDemand" ADD CONSTRAINT "SiteDemand_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_clonedFromId_fkey" FOREIGN KEY ("clonedFromId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Solution" ADD CONSTRAINT "Solution_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CosimRun" ADD CONSTRAINT "CosimRun_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CosimIteration" ADD CONSTRAINT "CosimIteration_runId_fkey" FOREIGN KEY ("runId") REFERENCES "CosimRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
