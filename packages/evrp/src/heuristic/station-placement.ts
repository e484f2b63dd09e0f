import type { SearchContext } from './context';

/**
 * Best station visits for a fixed order of customers: a labelling over the gaps between
 * consecutive customers, each gap driven directly, through one station near either end, or
 * through two (one near each end). Labels are SOC profiles with their distance, kept when no other label at the
 * same customer is both shorter and reaches every state earlier. Labels that cannot beat
 * `upperBound` (distance so far + the direct rest of the route) are dropped, and at most BEAM
 * labels are kept per customer. Returns the cheapest feasible node sequence found (by distance), or null.
 */

interface Label {
  readonly p: Float64Array;
  readonly distance: number;
  readonly via: readonly number[];
  readonly prev: Label | null;
}

const EPS = 1e-9;
/** Labels kept per customer (the shortest): bounds the work on long routes; exact below it. */
const BEAM = 8;

export function placeStations(ctx: SearchContext, customers: readonly number[], upperBound = Infinity): number[] | null {
  const f = ctx.fast;
  const n = f.n;
  const stops = [...customers, 0];
  // rest[k]: direct distance from stop k to the end, a lower bound on what is still to drive.
  const rest = new Float64Array(stops.length);
  for (let k = stops.length - 2; k >= 0; k--) rest[k] = rest[k + 1]! + f.dist[stops[k]! * n + stops[k + 1]!]!;
  const start = new Float64Array(4);
  f.start(start);
  let labels: Label[] = [{ p: start, distance: 0, via: [], prev: null }];
  let prevNode = 0;
  for (let k = 0; k < stops.length; k++) {
    const to = stops[k]!;
    const last = k === stops.length - 1;
    const next: Label[] = [];
    const paths = gapPaths(ctx, prevNode, to);
    for (const l of labels) {
      for (const via of paths) {
        const p = Float64Array.from(l.p);
        let from = prevNode;
        let distance = l.distance;
        let ok = true;
        for (const s of via) {
          if (!f.step(p, from, s, false)) {
            ok = false;
            break;
          }
          distance += f.dist[from * n + s]!;
          from = s;
        }
        if (!ok) continue;
        distance += f.dist[from * n + to]!;
        if (distance + rest[k]! > upperBound) continue;
        if (!f.step(p, from, to, last)) continue;
        insertLabel(next, { p, distance, via, prev: l });
      }
    }
    if (next.length === 0) return null;
    if (next.length > BEAM) next.sort((a, b) => a.distance - b.distance).length = BEAM;
    labels = next;
    prevNode = to;
  }
  let best = labels[0]!;
  for (const l of labels) if (l.distance < best.distance) best = l;
  const out: number[] = [];
  for (let l: Label | null = best, k = stops.length - 1; l !== null && l.prev !== null; l = l.prev, k--) {
    out.unshift(stops[k]!);
    out.unshift(...l.via);
  }
  out.unshift(0);
  return out;
}

const pathCache = new WeakMap<SearchContext, Map<number, number[][]>>();

/** Ways to drive a gap: direct, through one station near either end, or through two (near each end). */
function gapPaths(ctx: SearchContext, from: number, to: number): number[][] {
  let cache = pathCache.get(ctx);
  if (cache === undefined) pathCache.set(ctx, (cache = new Map()));
  const key = from * ctx.fast.n + to;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const paths: number[][] = [[]];
  const singles = new Set([...ctx.nearStations[from]!, ...ctx.nearStations[to]!]);
  for (const s of singles) if (s !== from && s !== to) paths.push([s]);
  if (ctx.limits.stationToStation) {
    for (const a of ctx.nearStations[from]!) for (const b of ctx.nearStations[to]!) if (a !== b && a !== from && b !== to) paths.push([a, b]);
  }
  cache.set(key, paths);
  return paths;
}

function dominates(a: Label, b: Label): boolean {
  if (a.distance > b.distance + EPS) return false;
  const pa = a.p;
  const pb = b.p;
  if (pa[0]! > pb[0]! + EPS) return false;
  for (const t of [pb[0]!, pb[2]!, pa[2]!]) if (t >= pb[0]! && socBy(pa, t) < socBy(pb, t) - EPS) return false;
  return true;
}

function socBy(p: Float64Array, t: number): number {
  if (t >= p[2]!) return p[3]!;
  if (t <= p[0]!) return p[1]!;
  return p[1]! + ((t - p[0]!) * (p[3]! - p[1]!)) / (p[2]! - p[0]!);
}

function insertLabel(bucket: Label[], l: Label): void {
  for (const other of bucket) if (dominates(other, l)) return;
  for (let i = bucket.length - 1; i >= 0; i--) if (dominates(l, bucket[i]!)) bucket.splice(i, 1);
  bucket.push(l);
}
