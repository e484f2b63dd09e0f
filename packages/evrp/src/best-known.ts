/**
 * Best-known EVRPTW-PR (partial recharge) solutions of Erdelić et al. (2022), Energies 15(1):285, for the
 * 100-customer Schneider et al. (2014) instances: vehicles and total distance (distance units), as
 * published in INFORMSJoC/2023.0104 results/bks-evrptwpr.csv (a copy is in test/data/evrptw/reference;
 * a test keeps this table equal to it). Keys are instance names without `_21`.
 */
export const BEST_KNOWN_PARTIAL_RECHARGE: Readonly<Record<string, { readonly vehicles: number; readonly distance: number }>> = {
  c101: { vehicles: 12, distance: 1043.381809 },
  c102: { vehicles: 10, distance: 1058.672989 },
  c103: { vehicles: 10, distance: 971.188052 },
  c104: { vehicles: 10, distance: 884.376657 },
  c105: { vehicles: 10, distance: 1064.662739 },
  c106: { vehicles: 10, distance: 1061.608062 },
  c107: { vehicles: 10, distance: 1046.498475 },
  c108: { vehicles: 10, distance: 1022.931907 },
  c109: { vehicles: 10, distance: 940.38447 },
  c201: { vehicles: 4, distance: 629.94938 },
  c202: { vehicles: 4, distance: 629.94938 },
  c203: { vehicles: 4, distance: 629.94938 },
  c204: { vehicles: 4, distance: 628.912716 },
  c205: { vehicles: 4, distance: 629.94938 },
  c206: { vehicles: 4, distance: 629.94938 },
  c207: { vehicles: 4, distance: 629.94938 },
  c208: { vehicles: 4, distance: 629.94938 },
  r101: { vehicles: 17, distance: 1624.892412 },
  r102: { vehicles: 15, distance: 1454.534583 },
  r103: { vehicles: 12, distance: 1304.241428 },
  r104: { vehicles: 11, distance: 1051.41474 },
  r105: { vehicles: 14, distance: 1347.799505 },
  r106: { vehicles: 13, distance: 1263.126182 },
  r107: { vehicles: 11, distance: 1104.507099 },
  r108: { vehicles: 10, distance: 1030.443981 },
  r109: { vehicles: 12, distance: 1176.691028 },
  r110: { vehicles: 11, distance: 1067.114205 },
  r111: { vehicles: 11, distance: 1076.149253 },
  r112: { vehicles: 11, distance: 1001.786727 },
  r201: { vehicles: 3, distance: 1255.814543 },
  r202: { vehicles: 3, distance: 1052.517768 },
  r203: { vehicles: 3, distance: 895.537637 },
  r204: { vehicles: 2, distance: 779.491109 },
  r205: { vehicles: 3, distance: 987.221467 },
  r206: { vehicles: 3, distance: 922.077029 },
  r207: { vehicles: 2, distance: 845.187966 },
  r208: { vehicles: 2, distance: 736.459359 },
  r209: { vehicles: 3, distance: 863.16581 },
  r210: { vehicles: 3, distance: 844.706571 },
  r211: { vehicles: 2, distance: 825.252695 },
  rc101: { vehicles: 15, distance: 1661.526394 },
  rc102: { vehicles: 14, distance: 1510.158535 },
  rc103: { vehicles: 12, distance: 1359.341778 },
  rc104: { vehicles: 11, distance: 1174.316076 },
  rc105: { vehicles: 13, distance: 1471.800284 },
  rc106: { vehicles: 13, distance: 1391.232215 },
  rc107: { vehicles: 11, distance: 1244.369699 },
  rc108: { vehicles: 11, distance: 1154.138857 },
  rc201: { vehicles: 4, distance: 1433.570188 },
  rc202: { vehicles: 3, distance: 1403.665043 },
  rc203: { vehicles: 3, distance: 1054.906034 },
  rc204: { vehicles: 3, distance: 884.751732 },
  rc205: { vehicles: 3, distance: 1238.456046 },
  rc206: { vehicles: 3, distance: 1197.602486 },
  rc207: { vehicles: 3, distance: 978.301452 },
  rc208: { vehicles: 3, distance: 833.121547 },
};

/** The published entry for an instance name such as `r101_21` or `R101`, if any. */
export function bestKnownFor(instanceName: string): { readonly vehicles: number; readonly distance: number } | undefined {
  const key = instanceName.toLowerCase().replace(/\.txt$/, '').replace(/_21$/, '');
  return Object.prototype.hasOwnProperty.call(BEST_KNOWN_PARTIAL_RECHARGE, key) ? BEST_KNOWN_PARTIAL_RECHARGE[key] : undefined;
}
