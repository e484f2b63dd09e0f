import { categorical, textOn } from './colors';
import { formatHour, linearScale, niceTicks } from './scale';
import { CHART_WIDTH } from './line-chart';

export interface GanttBar {
  row: string;
  startH: number;
  endH: number;
  /** Text on the bar and in its tooltip; bars with the same colorKey share a colour. */
  label: string;
  colorKey: string;
  detail?: string;
}

/** Rows (chargers, trucks) × time with one bar per activity; each bar is focusable and titled. */
export function Gantt({ title, rows, bars, domain, cursor, rowLabel }: { title: string; rows: string[]; bars: GanttBar[]; domain: [number, number]; cursor?: number | undefined; rowLabel: string }) {
  const rowH = 26;
  const left = 110;
  const top = 8;
  const height = top + rows.length * rowH + 34;
  const sx = linearScale(domain, [left, CHART_WIDTH - 12]);
  const keys = [...new Set(bars.map((b) => b.colorKey))];
  const color = (k: string) => categorical(keys.indexOf(k));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="group" aria-label={title}>
        {niceTicks(domain[0], domain[1], 10).map((t) => (
          <g key={t} class="tick">
            <line x1={sx(t)} x2={sx(t)} y1={top} y2={top + rows.length * rowH} />
            <text x={sx(t)} y={top + rows.length * rowH + 14} text-anchor="middle">
              {formatHour(t)}
            </text>
          </g>
        ))}
        <text class="axis-label" x={(left + CHART_WIDTH) / 2} y={height - 4} text-anchor="middle">
          time of day
        </text>
        {rows.map((r, i) => (
          <text key={r} class="row-label" x={left - 6} y={top + i * rowH + rowH / 2 + 4} text-anchor="end">
            {r.length > 16 ? `${r.slice(0, 15)}…` : r}
          </text>
        ))}
        {bars.map((b, i) => {
          const row = rows.indexOf(b.row);
          if (row < 0) return null;
          const x = sx(b.startH);
          const w = Math.max(2, sx(b.endH) - x);
          const fill = color(b.colorKey);
          const text = `${rowLabel} ${b.row}: ${b.label}, ${formatHour(b.startH)}–${formatHour(b.endH)}${b.detail ? `, ${b.detail}` : ''}`;
          return (
            <g key={i} class="bar" tabindex={0} role="img" aria-label={text}>
              <title>{text}</title>
              <rect x={x} y={top + row * rowH + 3} width={w} height={rowH - 6} rx={3} fill={fill} />
              {w > 34 && (
                <text x={x + 4} y={top + row * rowH + rowH / 2 + 4} style={{ fill: textOn(fill) }} class="bar-text">
                  {b.label.length * 6.5 > w - 6 ? b.label.slice(0, Math.max(1, Math.floor((w - 6) / 6.5))) : b.label}
                </text>
              )}
            </g>
          );
        })}
        {cursor !== undefined && <line class="cursor" x1={sx(cursor)} x2={sx(cursor)} y1={top} y2={top + rows.length * rowH} />}
      </svg>
    </figure>
  );
}
