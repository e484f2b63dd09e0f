import { InputError } from '@gridhaul/common';
import type { CompiledNetwork, CompiledProfile } from './compile';
import { traverseProfile } from './speed-profile';
import { coOptEnergyPerKm, legFixedEnergyKWh, longitudinalBatteryPerKm, validateVehicle, type VehicleEnergyModel } from './vehicle';

/**
 * Time and energy of traversing one compiled edge from a given entry time: each segment is driven
 * at free-flow speed × its profile factor, integrated over time (FIFO); energy adds up per
 * constant-speed piece. Reuses one object per query to keep the hot path allocation-free.
 */
export class EdgeTraverser {
  /** Battery energy (kWh) of the last `traverse` call. */
  energyKWh = 0;
  private readonly fixedKWh: number;
  private sin = 0;
  private cos = 1;
  private grade = 0;
  private readonly visit: (speedKmh: number, km: number) => void;

  constructor(
    private readonly net: CompiledNetwork,
    private readonly vehicle: VehicleEnergyModel | null,
  ) {
    if (vehicle !== null) {
      validateVehicle('vehicle', vehicle);
      if (net.missingGrade !== null) {
        throw new InputError(`nodes[${net.missingGrade.node}].elevationM`, undefined, `an elevation, or a gradePercent on edge ${net.missingGrade.edge}, for energy`);
      }
    }
    this.fixedKWh = vehicle === null ? 0 : legFixedEnergyKWh(vehicle);
    this.visit = (speedKmh, km) => {
      this.energyKWh += this.perKm(speedKmh) * km;
    };
  }

  /** Exit time (h) only. */
  exitTimeH(edge: number, entryH: number): number {
    const net = this.net;
    let t = entryH;
    for (let s = net.edgeSegStart[edge] as number, end = net.edgeSegStart[edge + 1] as number; s < end; s++) {
      const p = net.profiles[net.segProfile[s] as number] as CompiledProfile;
      const length = net.segLengthKm[s] as number;
      const speed = net.segSpeedKmh[s] as number;
      t = p.constant ? t + length / (speed * (p.factors[0] as number)) : traverseProfile(p.startsH, p.factors, p.periodH, length, speed, t, undefined, p.lookup);
    }
    return t;
  }

  /** Exit time (h); sets `energyKWh` (requires a vehicle). */
  traverse(edge: number, entryH: number): number {
    const net = this.net;
    this.energyKWh = this.fixedKWh;
    let t = entryH;
    for (let s = net.edgeSegStart[edge] as number, end = net.edgeSegStart[edge + 1] as number; s < end; s++) {
      const p = net.profiles[net.segProfile[s] as number] as CompiledProfile;
      const length = net.segLengthKm[s] as number;
      const speed = net.segSpeedKmh[s] as number;
      this.sin = net.segSinTheta[s] as number;
      this.cos = net.segCosTheta[s] as number;
      this.grade = net.segGradePercent[s] as number;
      if (p.constant) {
        const v = speed * (p.factors[0] as number);
        this.energyKWh += this.perKm(v) * length;
        t += length / v;
      } else {
        t = traverseProfile(p.startsH, p.factors, p.periodH, length, speed, t, this.visit, p.lookup);
      }
    }
    return t;
  }

  private perKm(speedKmh: number): number {
    const v = this.vehicle as VehicleEnergyModel;
    return v.model === 'longitudinal' ? longitudinalBatteryPerKm(v, speedKmh, this.sin, this.cos) : coOptEnergyPerKm(v, this.grade);
  }
}
