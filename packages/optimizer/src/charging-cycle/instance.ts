import { InputError, requireInRange, requireInteger, requireNonNegative, requirePositive } from '@gridhaul/common';

export interface ChargingCycleSite {
  readonly id: number;
  readonly distanceKm: number;
  /** Capacity of the one MESS parked at the site (kWh). */
  readonly messCapacityKWh: number;
}

export interface Excavator {
  readonly id: number;
  readonly siteId: number;
  readonly batteryKWh: number;
  readonly consumptionKWhPerH: number;
}

/**
 * The Skagerak charging-cycle case (shared/notes/mess-routing.md §6): a hub with charged MESS units,
 * sites with one MESS each feeding their excavators, one truck swapping site MESS units.
 */
export interface ChargingCycleInstance {
  readonly name: string;
  readonly hubMessUnits: number;
  readonly hubMessCapacityKWh: number;
  /** Chargers at the hub and the power of each (kW); they recharge returned MESS units. */
  readonly hubChargers: number;
  readonly hubChargerPowerKW: number;
  readonly sites: readonly ChargingCycleSite[];
  readonly excavators: readonly Excavator[];
  /** Floor for excavator and MESS SOC (fraction). */
  readonly socMin: number;
  /** Excavators may be charged to at most this SOC during the day (fraction). */
  readonly excavatorSocMaxDay: number;
  readonly initialSoc: number;
  /** Excavator charging power from the site MESS (kW). */
  readonly chargingPowerKW: number;
  readonly startH: number;
  readonly endH: number;
  readonly truckSpeedKmh: number;
  /** MESS swap time at a site (h). */
  readonly serviceTimeH: number;
  readonly dayCostPerKm: number;
  readonly nightCostPerKm: number;
  /** Trips departing before this hour pay the day tariff. */
  readonly dayTariffBeforeH: number;
}

export function createChargingCycleInstance(input: ChargingCycleInstance): ChargingCycleInstance {
  requireInteger('hubMessUnits', input.hubMessUnits, 0);
  requirePositive('hubMessCapacityKWh', input.hubMessCapacityKWh);
  requireInteger('hubChargers', input.hubChargers, 0);
  requireNonNegative('hubChargerPowerKW', input.hubChargerPowerKW);
  if (input.sites.length === 0) throw new InputError('sites', input.sites, 'at least one site');
  const siteIds = new Set<number>();
  input.sites.forEach((s, i) => {
    requireInteger(`sites[${i}].id`, s.id, 0);
    if (siteIds.has(s.id)) throw new InputError(`sites[${i}].id`, s.id, 'a unique site id');
    siteIds.add(s.id);
    requirePositive(`sites[${i}].distanceKm`, s.distanceKm);
    requirePositive(`sites[${i}].messCapacityKWh`, s.messCapacityKWh);
  });
  input.excavators.forEach((e, i) => {
    if (!siteIds.has(e.siteId)) throw new InputError(`excavators[${i}].siteId`, e.siteId, `one of the site ids ${[...siteIds].join(', ')}`);
    requirePositive(`excavators[${i}].batteryKWh`, e.batteryKWh);
    requireNonNegative(`excavators[${i}].consumptionKWhPerH`, e.consumptionKWhPerH);
  });
  requireInRange('socMin', input.socMin, 0, 1);
  requireInRange('excavatorSocMaxDay', input.excavatorSocMaxDay, input.socMin, 1);
  requireInRange('initialSoc', input.initialSoc, 0, 1);
  requirePositive('chargingPowerKW', input.chargingPowerKW);
  requireNonNegative('startH', input.startH);
  if (!(input.endH > input.startH)) throw new InputError('endH', input.endH, `a time after startH (${input.startH})`);
  requirePositive('truckSpeedKmh', input.truckSpeedKmh);
  requireNonNegative('serviceTimeH', input.serviceTimeH);
  requireNonNegative('dayCostPerKm', input.dayCostPerKm);
  requireNonNegative('nightCostPerKm', input.nightCostPerKm);
  return Object.freeze({
    ...input,
    sites: Object.freeze(input.sites.map((s) => Object.freeze({ ...s }))),
    excavators: Object.freeze(input.excavators.map((e) => Object.freeze({ ...e }))),
  });
}

/** Reads `charging-cycle.json` (the shared data's transcription of the notebook's constants). */
export function parseChargingCycleJson(text: string, file = 'charging-cycle.json'): ChargingCycleInstance {
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(file, text.slice(0, 40), 'JSON text', { cause: error });
  }
  const obj = (key: string): Record<string, unknown> => {
    const v = j[key];
    if (v === null || typeof v !== 'object') throw new InputError(`${file}: ${key}`, v, 'an object');
    return v as Record<string, unknown>;
  };
  const num = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${file}: ${field}`, v, 'a finite number');
    return v;
  };
  const arr = (key: string): Record<string, unknown>[] => {
    const v = j[key];
    if (!Array.isArray(v)) throw new InputError(`${file}: ${key}`, v, 'an array');
    return v as Record<string, unknown>[];
  };
  const hub = obj('hub');
  const hubTotalKW = num(hub['charging_hub_capacity_kW'], 'hub.charging_hub_capacity_kW');
  const hubChargers = 2; // "2 × 500 kW" in the notebook (CHARGING_HUB_CAPACITY = 2 * 500)
  return createChargingCycleInstance({
    name: 'skagerak-charging-cycle',
    hubMessUnits: num(hub['mess_units'], 'hub.mess_units'),
    hubMessCapacityKWh: num(hub['mess_capacity_kWh'], 'hub.mess_capacity_kWh'),
    hubChargers,
    hubChargerPowerKW: hubTotalKW / hubChargers,
    sites: arr('sites').map((s, i) => ({
      id: num(s['id'], `sites[${i}].id`),
      distanceKm: num(s['distance_from_hub_km'], `sites[${i}].distance_from_hub_km`),
      messCapacityKWh: num(s['mess_capacity_kWh'], `sites[${i}].mess_capacity_kWh`),
    })),
    excavators: arr('excavators').map((e, i) => ({
      id: num(e['id'], `excavators[${i}].id`),
      siteId: num(e['site'], `excavators[${i}].site`),
      batteryKWh: num(e['battery_kWh'], `excavators[${i}].battery_kWh`),
      consumptionKWhPerH: num(e['consumption_kWh_per_h'], `excavators[${i}].consumption_kWh_per_h`),
    })),
    socMin: num(j['soc_min'], 'soc_min'),
    excavatorSocMaxDay: num(j['excavator_soc_max_day'], 'excavator_soc_max_day'),
    initialSoc: num(j['initial_soc_all'], 'initial_soc_all'),
    chargingPowerKW: num(j['charging_rate_high_kW'], 'charging_rate_high_kW'),
    startH: num(j['operation_start_h'], 'operation_start_h'),
    endH: num(j['operation_end_h'], 'operation_end_h'),
    truckSpeedKmh: num(j['truck_speed_kmh'], 'truck_speed_kmh'),
    serviceTimeH: num(j['service_time_h'], 'service_time_h'),
    dayCostPerKm: num(j['operational_cost_day_NOK_per_km'], 'operational_cost_day_NOK_per_km'),
    nightCostPerKm: num(j['operational_cost_night_weekend_NOK_per_km'], 'operational_cost_night_weekend_NOK_per_km'),
    dayTariffBeforeH: num(j['day_tariff_applies_if_hour_lt'], 'day_tariff_applies_if_hour_lt'),
  });
}
