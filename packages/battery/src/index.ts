export {
  createBatterySpec,
  costPerUnitFadeUsd,
  type BatterySpec,
  type BatterySpecInput,
  type Chemistry,
} from './spec';
export {
  simulateSchedule,
  traceToProfile,
  type ScheduleInterval,
  type SocTrace,
  type SocPoint,
  type WindowViolation,
  type PowerViolation,
} from './soc';
export { hoursToSoc, socAfter, type ChargingCurve } from './charging/curve';
export { constantPowerCurve } from './charging/constantPower';
export {
  piecewiseLinearCurve,
  type ChargeBreakpoint,
  type PiecewiseLinearCurve,
} from './charging/piecewiseLinear';
export {
  montoyaCurve,
  MONTOYA_2017,
  MONTOYA_2017_BATTERY_KWH,
  type MontoyaCharger,
} from './charging/montoya';
export { cvTailCurve, ccCvCurve } from './charging/cvTail';
export { rainflow, rainflowTable, reversals, type RainflowCycles } from './rainflow';
export { uniformProfile, validateProfile, type SocProfile } from './profile';
export type { CycleStress, DegradationModel, FadeResult, FadeState } from './degradation/types';
export { nmcOcv, nmcMeanOcv, SCHMALSTIEG_OCV_SOC, SCHMALSTIEG_OCV_V } from './degradation/ocv';
export {
  schmalstieg2014Nmc,
  schmalstiegAlphaCap,
  schmalstiegBetaCap,
  SCHMALSTIEG_2014,
} from './degradation/schmalstieg';
export {
  schimpe2018Lfp,
  schimpeAnodePotential,
  schimpeKCal,
  schimpeKHighT,
  schimpeKLowT,
  schimpeKLowTHighSoc,
  SCHIMPE_2018,
} from './degradation/schimpe';
export { naumannLfp, naumannKCal, naumannKCyc, NAUMANN_LFP } from './degradation/naumann';
export { wang2011Lfp, wangB, wangK, WANG_2011 } from './degradation/wang';
export {
  cycleLifeModel,
  cyclesToEndOfLife,
  lifePerCycle,
  CYCLE_LIFE_DOD,
} from './degradation/cycleLife';
export {
  xu2018,
  xuDepthStress,
  xuSocStress,
  xuTempStress,
  xuLoss,
  XU_2018,
} from './degradation/xu';
export { profileCycles, type ProfileCycles } from './degradation/profileCycles';
export {
  fadeCostUsd,
  profileCost,
  cycleCostUsd,
  throughputCostUsdPerKWh,
  calendarCostUsdPerHour,
  type CycleQuery,
  type ProfileCost,
} from './cost';
export {
  convexPwl,
  pwlValue,
  approximationError,
  type ConvexPwl,
  type ApproximationError,
} from './milp/convexPwl';
export { depthBreakpoints } from './milp/depthBreakpoints';
export {
  addCycleDepthCost,
  readCycleDepthCost,
  type CycleDepthCostOptions,
  type CycleDepthCostTerm,
  type CycleDepthCostReport,
  type DepthSegment,
} from './milp/cycleDepthTerm';
export {
  addCalendarCost,
  readCalendarCost,
  type CalendarCostOptions,
  type CalendarCostTerm,
  type CalendarCostReport,
} from './milp/calendarTerm';
export { exactCycleDepthCost, type PricedCycle } from './milp/exactCycleCost';
