// Tolerant readers for the JSON the server stores as a solution's plan: they take what is there
// under the names the domain packages use and never throw on a missing optional part.

export type Json = unknown;

export function isObject(v: Json): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function arr(v: Json): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The first of `keys` that holds a finite number. */
export function num(o: Json, ...keys: string[]): number | undefined {
  if (!isObject(o)) return undefined;
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/** The first of `keys` that holds a string or number, as a string. */
export function str(o: Json, ...keys: string[]): string | undefined {
  if (!isObject(o)) return undefined;
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** The first of `keys` that holds an array. */
export function list(o: Json, ...keys: string[]): unknown[] {
  if (!isObject(o)) return [];
  for (const k of keys) if (Array.isArray(o[k])) return o[k] as unknown[];
  return [];
}

export function field(o: Json, key: string): Json {
  return isObject(o) ? o[key] : undefined;
}

/** A time series given as [{tH, <value>}...] or as {startH, stepH, values[]}. */
export function readSeries(v: Json, ...valueKeys: string[]): Array<{ tH: number; value: number }> {
  if (Array.isArray(v)) {
    return v
      .map((p) => ({ tH: num(p, 'tH', 'timeH', 't', 'hour') ?? NaN, value: num(p, ...valueKeys) ?? NaN }))
      .filter((p) => Number.isFinite(p.tH) && Number.isFinite(p.value));
  }
  if (isObject(v)) {
    const startH = num(v, 'startH') ?? 0;
    const stepH = num(v, 'stepH') ?? 1;
    return arr(v['values'] ?? v[valueKeys[0] ?? 'values'])
      .map((x, i) => ({ tH: startH + i * stepH, value: typeof x === 'number' ? x : NaN }))
      .filter((p) => Number.isFinite(p.value));
  }
  return [];
}
