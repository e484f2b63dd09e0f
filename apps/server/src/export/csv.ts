/** RFC 4180 field quoting. */
function field(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Any JSON plan as `path,value` rows, one per leaf (`values.x[i=1]`, `routes.0.stops.2`). */
export function planToCsv(plan: unknown): string {
  const rows: unknown[][] = [];
  const walk = (v: unknown, path: string) => {
    if (v !== null && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      if (entries.length === 0) rows.push([path, '']);
      for (const [k, x] of entries) walk(x, path ? `${path}.${k}` : k);
    } else rows.push([path, v]);
  };
  walk(plan, '');
  return toCsv(['path', 'value'], rows);
}
