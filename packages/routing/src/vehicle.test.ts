import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { batteryEnergyPerKmKWh, GRAVITY_M_S2, HEAVY_TRUCK_26T, validateVehicle, wheelEnergyPerKmKWh, type LongitudinalVehicle } from './vehicle';

const truck = (massKg: number): LongitudinalVehicle => ({ ...HEAVY_TRUCK_26T, massKg });

describe('longitudinal dynamics energy', () => {
  it('reproduces the energy-intensity table of shared/notes/vehicle-energy.md §1 (C_rr 0.0065, C_dA 6, ρ 1.2, η 0.88/0.65, 3 kW)', () => {
    const table: [number, number, number, number, number][] = [
      // mass t, km/h, grade %, wheel kWh/km, battery kWh/km (printed to 3 decimals)
      [18, 50, 0, 0.512, 0.642],
      [18, 80, 0, 0.813, 0.961],
      [26, 50, 0, 0.653, 0.803],
      [26, 80, 0, 0.954, 1.122],
      [26, 50, 3, 2.778, 3.217],
      [26, 50, 7, 5.6, 6.423],
      [26, 50, -3, -1.471, -0.896],
      [26, 50, -7, -4.295, -2.732],
      [40, 80, 0, 1.202, 1.404],
      [40, 80, 3, 4.471, 5.118],
    ];
    for (const [t, v, g, wheel, battery] of table) {
      expectClose(wheelEnergyPerKmKWh(truck(t * 1000), v, g), wheel, { abs: 0.0006 }, `wheel ${t} t ${v} km/h ${g} %`);
      expectClose(batteryEnergyPerKmKWh(truck(t * 1000), v, g), battery, { abs: 0.0006 }, `battery ${t} t ${v} km/h ${g} %`);
    }
  });

  it('splits 26 t at 80 km/h on the flat into rolling 0.46 and aero 0.49 kWh/km (same note)', () => {
    const rolling = wheelEnergyPerKmKWh({ ...truck(26000), dragAreaM2: 0 }, 80, 0);
    const aero = wheelEnergyPerKmKWh({ ...truck(26000), rollingResistance: 0 }, 80, 0);
    expectClose(rolling, 0.46, { abs: 0.005 }, 'rolling');
    expectClose(aero, 0.49, { abs: 0.005 }, 'aero');
  });

  it('matches the decompositions: 7 t extra on the flat 0.124 kWh/km, lifting 7 t by 100 m 1.91 kWh at the wheel', () => {
    const extra = wheelEnergyPerKmKWh(truck(33000), 50, 0) - wheelEnergyPerKmKWh(truck(26000), 50, 0);
    expectClose(extra, 0.124, { abs: 0.0005 }, 'extra 7 t');
    expectClose((7000 * GRAVITY_M_S2 * 100) / 3.6e6, 1.91, { abs: 0.005 }, 'lift');
  });

  it('caps recovered power at regenPowerMaxKw', () => {
    // 26 t, 50 km/h, -7 %: uncapped recovery 0.65 × 4.295 = 2.79 kWh/km = 140 kW; a 100 kW cap gives 2 kWh/km.
    const capped = batteryEnergyPerKmKWh({ ...truck(26000), regenPowerMaxKw: 100 }, 50, -7);
    expectClose(capped, -100 / 50 + 3 / 50, { rel: 1e-12 }, 'capped battery energy');
    expect(batteryEnergyPerKmKWh({ ...truck(26000), regenPowerMaxKw: 200 }, 50, -7)).toBeCloseTo(batteryEnergyPerKmKWh(truck(26000), 50, -7), 12);
  });

  it('rejects impossible parameters naming the field', () => {
    expect(() => validateVehicle('vehicle', { ...truck(26000), drivetrainEfficiency: 1.2 })).toThrowError(expect.objectContaining({ field: 'vehicle.drivetrainEfficiency' }));
    expect(() => validateVehicle('vehicle', { ...truck(26000), massKg: -1 })).toThrowError(expect.objectContaining({ field: 'vehicle.massKg' }));
  });
});
