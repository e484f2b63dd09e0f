export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (km) between two lon/lat points (degrees). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Equirectangular projection to km around a reference latitude. Only used for A* bounds, whose
 * admissibility is restored by scaling with the smallest length / projected-distance ratio.
 */
export function projectKm(lon: number, lat: number, refLatDeg: number): [number, number] {
  const rad = Math.PI / 180;
  return [EARTH_RADIUS_KM * lon * rad * Math.cos(refLatDeg * rad), EARTH_RADIUS_KM * lat * rad];
}
