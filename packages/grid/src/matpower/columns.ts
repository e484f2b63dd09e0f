/**
 * MATPOWER's named column indices (1-based), in the order its idx_* functions return them, so a
 * case file's `[PQ, PV, ..., VMIN] = idx_bus;` binds the same numbers it would in MATLAB.
 * Source: MATPOWER manual, Appendix B "Data File Format" (tables B-1 to B-4).
 */
export const INDEX_FUNCTIONS: Readonly<Record<string, readonly number[]>> = {
  // PQ PV REF NONE BUS_I BUS_TYPE PD QD GS BS BUS_AREA VM VA BASE_KV ZONE VMAX VMIN LAM_P LAM_Q MU_VMAX MU_VMIN
  idx_bus: [1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
  // F_BUS T_BUS BR_R BR_X BR_B RATE_A RATE_B RATE_C TAP SHIFT BR_STATUS PF QF PT QT MU_SF MU_ST ANGMIN ANGMAX MU_ANGMIN MU_ANGMAX
  idx_brch: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 12, 13, 20, 21],
  // GEN_BUS PG QG QMAX QMIN VG MBASE GEN_STATUS PMAX PMIN MU_PMAX MU_PMIN MU_QMAX MU_QMIN PC1 PC2 QC1MIN QC1MAX QC2MIN QC2MAX RAMP_AGC RAMP_10 RAMP_30 RAMP_Q APF
  idx_gen: [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22, 23, 24, 25, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
  ],
  // PW_LINEAR POLYNOMIAL MODEL STARTUP SHUTDOWN NCOST COST
  idx_cost: [1, 2, 1, 2, 3, 4, 5],
};

/** 0-based columns used by the reader. */
export const BUS = {
  I: 0,
  TYPE: 1,
  PD: 2,
  QD: 3,
  GS: 4,
  BS: 5,
  AREA: 6,
  VM: 7,
  VA: 8,
  BASE_KV: 9,
  ZONE: 10,
  VMAX: 11,
  VMIN: 12,
} as const;
export const GEN = {
  BUS: 0,
  PG: 1,
  QG: 2,
  QMAX: 3,
  QMIN: 4,
  VG: 5,
  MBASE: 6,
  STATUS: 7,
  PMAX: 8,
  PMIN: 9,
} as const;
export const BRANCH = {
  F: 0,
  T: 1,
  R: 2,
  X: 3,
  B: 4,
  RATE_A: 5,
  RATE_B: 6,
  RATE_C: 7,
  TAP: 8,
  SHIFT: 9,
  STATUS: 10,
  ANGMIN: 11,
  ANGMAX: 12,
} as const;
export const COST = { MODEL: 0, STARTUP: 1, SHUTDOWN: 2, NCOST: 3, FIRST: 4 } as const;
/** MATPOWER dcline columns (idx_dcline): F_BUS T_BUS BR_STATUS PF PT QF QT VF VT PMIN PMAX QMINF QMAXF QMINT QMAXT LOSS0 LOSS1. */
export const DCLINE = { F: 0, T: 1, STATUS: 2, PMIN: 9, PMAX: 10, LOSS0: 15, LOSS1: 16 } as const;

export const BUS_COLUMN_NAMES = [
  'BUS_I',
  'BUS_TYPE',
  'PD',
  'QD',
  'GS',
  'BS',
  'BUS_AREA',
  'VM',
  'VA',
  'BASE_KV',
  'ZONE',
  'VMAX',
  'VMIN',
];
export const GEN_COLUMN_NAMES = [
  'GEN_BUS',
  'PG',
  'QG',
  'QMAX',
  'QMIN',
  'VG',
  'MBASE',
  'GEN_STATUS',
  'PMAX',
  'PMIN',
];
export const BRANCH_COLUMN_NAMES = [
  'F_BUS',
  'T_BUS',
  'BR_R',
  'BR_X',
  'BR_B',
  'RATE_A',
  'RATE_B',
  'RATE_C',
  'TAP',
  'SHIFT',
  'BR_STATUS',
  'ANGMIN',
  'ANGMAX',
];
