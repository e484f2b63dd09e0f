export interface Point {
  x: number;
  y: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** Preferred drawn length relative to the others (e.g. km); 1 when unknown. */
  length?: number | undefined;
}

/**
 * A deterministic force-directed layout (Fruchterman & Reingold 1991: attraction d²/k along edges,
 * repulsion k²/d between all pairs, cooling temperature) for graphs without coordinates, e.g. grid
 * buses. Starts from a circle in input order, so the same graph always gets the same picture.
 * Returns positions scaled into the unit square.
 */
export function forceLayout(ids: readonly string[], edges: readonly LayoutEdge[], iterations = 300): Map<string, Point> {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = ids.map((_id, i) => Math.cos((2 * Math.PI * i) / Math.max(1, n)));
  const y = ids.map((_id, i) => Math.sin((2 * Math.PI * i) / Math.max(1, n)));
  const k = Math.sqrt(4 / Math.max(1, n));
  const lengths = edges.map((e) => e.length ?? 1).filter((l) => l > 0);
  const meanLength = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 1;
  const springs = edges
    .map((e) => ({ a: index.get(e.from), b: index.get(e.to), w: meanLength / Math.max(1e-6, e.length ?? meanLength) }))
    .filter((s): s is { a: number; b: number; w: number } => s.a !== undefined && s.b !== undefined && s.a !== s.b);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = x[i]! - x[j]!;
        let ddy = y[i]! - y[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-12) {
          // coincident nodes: push apart along a fixed direction that depends on the pair
          ddx = 1e-3 * ((i % 7) + 1);
          ddy = 1e-3 * ((j % 5) + 1);
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = (k * k) / d2;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (const s of springs) {
      const ddx = x[s.a]! - x[s.b]!;
      const ddy = y[s.a]! - y[s.b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
      const f = (d * s.w) / k;
      dx[s.a]! -= ddx * f;
      dy[s.a]! -= ddy * f;
      dx[s.b]! += ddx * f;
      dy[s.b]! += ddy * f;
    }
    const temperature = 0.1 * (1 - it / iterations) + 0.002;
    for (let i = 0; i < n; i++) {
      const len = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const step = Math.min(len, temperature);
      x[i]! += (dx[i]! / len) * step;
      y[i]! += (dy[i]! / len) * step;
    }
  }
  return normalise(ids, x, y);
}

function normalise(ids: readonly string[], x: readonly number[], y: readonly number[]): Map<string, Point> {
  const minX = Math.min(...x);
  const minY = Math.min(...y);
  const span = Math.max(Math.max(...x) - minX, Math.max(...y) - minY) || 1;
  const offX = (1 - (Math.max(...x) - minX) / span) / 2;
  const offY = (1 - (Math.max(...y) - minY) / span) / 2;
  return new Map(ids.map((id, i) => [id, { x: offX + (x[i]! - minX) / span, y: offY + (y[i]! - minY) / span }]));
}

/**
 * Longitude/latitude to the unit square by an equirectangular projection (x scaled by the cosine
 * of the mean latitude), north up. Nodes without coordinates are left out.
 */
export function projectLonLat(nodes: ReadonlyArray<{ key: string; lon?: number | undefined; lat?: number | undefined }>): Map<string, Point> {
  const located = nodes.filter((n): n is { key: string; lon: number; lat: number } => n.lon !== undefined && n.lat !== undefined);
  if (located.length === 0) return new Map();
  const meanLat = located.reduce((s, n) => s + n.lat, 0) / located.length;
  const c = Math.cos((meanLat * Math.PI) / 180);
  return normalise(
    located.map((n) => n.key),
    located.map((n) => n.lon * c),
    located.map((n) => -n.lat),
  );
}
