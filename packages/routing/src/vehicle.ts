import { InputError, requireInRange, requireNonNegative, requirePositive } from '@gridhaul/common';

export const GRAVITY_M_S2 = 9.81;
/** Gravity used by the Co-OPT_MESS notebooks (`g = 9.8`). */
export const CO_OPT_GRAVITY_M_S2 = 9.8;

/**
 * Longitudinal-dynamics vehicle (shared/notes/vehicle-energy.md §1): tractive force
 * F = m·g·(C_rr·cos θ + sin θ) + ½·ρ·C_d·A·v² at constant speed on each stretch.
 */
export interface LongitudinalVehicle {
  readonly model: 'longitudinal';
  /** Total mass (kg): truck + battery container (5–8 t for a 550 kWh MESS) + payload. */
  readonly massKg: number;
  /** Rolling resistance coefficient C_rr (-), e.g. 0.0065 (EU tyre label C3 class D). */
  readonly rollingResistance: number;
  /** Drag area C_d·A (m²), e.g. 6.0 for a tractor-trailer. */
  readonly dragAreaM2: number;
  readonly airDensityKgM3: number;
  /** Battery-to-wheel efficiency η_dt in (0, 1]. */
  readonly drivetrainEfficiency: number;
  /** Wheel-to-battery efficiency η_regen in [0, 1] when braking electrically. */
  readonly regenEfficiency: number;
  /** Cap on recovered battery power (kW); omitted = no cap. Excess goes to friction brakes. */
  readonly regenPowerMaxKw?: number;
  /** Auxiliary load (kW): cab, HVAC, battery conditioning. */
  readonly auxPowerKw: number;
}

/**
 * The Co-OPT_MESS truck energy model (shared/notes/co-opt-mess.md §2.2): per leg
 * E = e_km·d + a_k + m·g·sin(grade%/100)·d/3600 kWh, full recovery on descents, no speed term.
 */
export interface CoOptTruckEnergy {
  readonly model: 'co-opt';
  readonly massKg: number;
  /** Flat-road consumption e_km (kWh/km): 1.0 or 1.5 in the data set. */
  readonly energyPerKmKWh: number;
  /** Auxiliary energy a_k per leg (kWh): 1.2 in the data set. */
  readonly auxPerLegKWh: number;
}

export type VehicleEnergyModel = LongitudinalVehicle | CoOptTruckEnergy;

/**
 * Parameter set of the computed table in shared/notes/vehicle-energy.md (C_rr 0.0065, C_d·A 6.0 m²,
 * ρ 1.2, η_dt 0.88, η_regen 0.65, P_aux 3 kW) for a 26 t rigid truck carrying a MESS container.
 */
export const HEAVY_TRUCK_26T: LongitudinalVehicle = Object.freeze({
  model: 'longitudinal',
  massKg: 26_000,
  rollingResistance: 0.0065,
  dragAreaM2: 6.0,
  airDensityKgM3: 1.2,
  drivetrainEfficiency: 0.88,
  regenEfficiency: 0.65,
  auxPowerKw: 3,
});

export function validateVehicle(field: string, v: VehicleEnergyModel): void {
  if (v === null || typeof v !== 'object') throw new InputError(field, v, 'a vehicle energy model');
  requirePositive(`${field}.massKg`, v.massKg);
  if (v.model === 'longitudinal') {
    requireNonNegative(`${field}.rollingResistance`, v.rollingResistance);
    requireNonNegative(`${field}.dragAreaM2`, v.dragAreaM2);
    requireNonNegative(`${field}.airDensityKgM3`, v.airDensityKgM3);
    requireInRange(`${field}.drivetrainEfficiency`, v.drivetrainEfficiency, 1e-6, 1);
    requireInRange(`${field}.regenEfficiency`, v.regenEfficiency, 0, 1);
    if (v.regenPowerMaxKw !== undefined) requireNonNegative(`${field}.regenPowerMaxKw`, v.regenPowerMaxKw);
    requireNonNegative(`${field}.auxPowerKw`, v.auxPowerKw);
  } else if (v.model === 'co-opt') {
    requireNonNegative(`${field}.energyPerKmKWh`, v.energyPerKmKWh);
    requireNonNegative(`${field}.auxPerLegKWh`, v.auxPerLegKWh);
  } else {
    throw new InputError(`${field}.model`, (v as { model: unknown }).model, "'longitudinal' or 'co-opt'");
  }
}

/** Energy at the wheel per km (kWh/km) at constant speed: F[N]·1000 m / 3.6e6 J/kWh = F/3600. */
export function wheelEnergyPerKmKWh(v: LongitudinalVehicle, speedKmh: number, gradePercent: number): number {
  const theta = Math.atan(gradePercent / 100);
  return wheelForceN(v, speedKmh, Math.sin(theta), Math.cos(theta)) / 3600;
}

function wheelForceN(v: LongitudinalVehicle, speedKmh: number, sinTheta: number, cosTheta: number): number {
  const speedMs = speedKmh / 3.6;
  return v.massKg * GRAVITY_M_S2 * (v.rollingResistance * cosTheta + sinTheta) + 0.5 * v.airDensityKgM3 * v.dragAreaM2 * speedMs * speedMs;
}

/**
 * Battery energy per km (kWh/km, negative = recovered) at constant speed on a grade; excludes the
 * Co-OPT per-leg term (see legFixedEnergyKWh).
 */
export function batteryEnergyPerKmKWh(v: VehicleEnergyModel, speedKmh: number, gradePercent: number): number {
  if (v.model === 'co-opt') return coOptEnergyPerKm(v, gradePercent);
  const theta = Math.atan(gradePercent / 100);
  return longitudinalBatteryPerKm(v, speedKmh, Math.sin(theta), Math.cos(theta));
}

/** Energy charged once per edge traversed (kWh): a_k for the Co-OPT model, 0 otherwise. */
export function legFixedEnergyKWh(v: VehicleEnergyModel): number {
  return v.model === 'co-opt' ? v.auxPerLegKWh : 0;
}

/** Hot-path form with the grade angle's sine and cosine precomputed. */
export function longitudinalBatteryPerKm(v: LongitudinalVehicle, speedKmh: number, sinTheta: number, cosTheta: number): number {
  const wheel = wheelForceN(v, speedKmh, sinTheta, cosTheta) / 3600;
  let battery: number;
  if (wheel >= 0) {
    battery = wheel / v.drivetrainEfficiency;
  } else {
    battery = v.regenEfficiency * wheel;
    // Recovered power P = -battery·v (kW); the cap limits it to regenPowerMaxKw.
    if (v.regenPowerMaxKw !== undefined) battery = Math.max(battery, -v.regenPowerMaxKw / speedKmh);
  }
  return battery + v.auxPowerKw / speedKmh;
}

/** The notebook treats grade/100 as an angle in radians: sin(grade%/100). */
export function coOptEnergyPerKm(v: CoOptTruckEnergy, gradePercent: number): number {
  return v.energyPerKmKWh + (v.massKg * CO_OPT_GRAVITY_M_S2 * Math.sin(gradePercent / 100)) / 3600;
}
