import { categorical } from './colors';
import { formatNumber, formatUsd } from './scale';

/** "chargingUsd" → "charging"; "wearUSD" → "wear". */
export function costLabel(key: string): string {
  return key
    .replace(/(Usd|USD|_usd)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Components named in dollars (…Usd) print as money; others (distance, objective) as numbers. */
export function isMoney(key: string): boolean {
  return /(Usd|USD|_usd)$/.test(key);
}

/**
 * Horizontal bars of cost components; with several solutions, one bar per solution within each
 * component so they compare at a glance. Values are listed as text too.
 */
export function CostBars({ title, solutions }: { title: string; solutions: Array<{ name: string; costs: Record<string, number> }> }) {
  const keys = [...new Set(solutions.flatMap((s) => Object.keys(s.costs)))];
  const max = Math.max(1e-9, ...solutions.flatMap((s) => Object.values(s.costs).map(Math.abs)));
  if (keys.length === 0) return <p class="muted">No cost breakdown in this solution.</p>;
  return (
    <figure class="cost-bars" aria-label={title}>
      <table>
        <caption class="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">component</th>
            {solutions.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{costLabel(k)}</th>
              {solutions.map((s, i) => {
                const v = s.costs[k];
                return (
                  <td key={s.name}>
                    <span class="bar-track" aria-hidden="true">
                      <span class="bar-fill" style={{ width: `${(Math.abs(v ?? 0) / max) * 100}%`, background: categorical(i) }} />
                    </span>
                    <span class="num">{isMoney(k) ? formatUsd(v) : formatNumber(v, 4)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
