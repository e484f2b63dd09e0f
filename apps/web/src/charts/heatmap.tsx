import { useId, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { viridis } from './colors';
import { formatNumber, linearScale } from './scale';
import { CHART_WIDTH } from './line-chart';
import type { LmpGrid, PricePoint } from '../plans/lmp';

export function describeCell(p: PricePoint | undefined, bus: number, period: number, stepH: number): string {
  const when = `hour ${formatNumber(period * stepH, 2)}`;
  if (!p) return `Bus ${bus}, ${when}: no price`;
  return (
    `Bus ${bus}, ${when}: LMP ${formatNumber(p.lmpPerMWh)} $/MWh = energy ${formatNumber(p.energyPerMWh)}` +
    ` + congestion ${formatNumber(p.congestionPerMWh)} + loss ${formatNumber(p.lossPerMWh)}`
  );
}

/**
 * LMP heat map, buses down and periods across. Hover or focus it and use the arrow keys (Home/End
 * for the first/last period) to read a cell's LMP and its energy, congestion and loss parts.
 */
export function LmpHeatmap({ grid, stepH, title }: { grid: LmpGrid; stepH: number; title: string }) {
  const [active, setActive] = useState<[number, number] | null>(null);
  const liveId = useId();
  const gradientId = `viridis-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const nb = grid.buses.length;
  const np = grid.periods.length;
  const left = 56;
  const top = 8;
  const cellW = (CHART_WIDTH - left - 70) / Math.max(1, np);
  const cellH = Math.max(4, Math.min(20, 480 / Math.max(1, nb)));
  const height = top + nb * cellH + 40;
  const t = linearScale([grid.min, grid.max === grid.min ? grid.min + 1 : grid.max], [0, 1]);
  const labelEvery = Math.ceil(nb / Math.floor((nb * cellH) / 12));
  const cur = active ?? [0, 0];
  const text = active ? describeCell(grid.cell(cur[0], cur[1]), grid.buses[cur[0]]!, grid.periods[cur[1]]!, stepH) : 'Use the arrow keys to read prices.';

  const onKey = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const [b, p] = active ?? [0, 0];
    const moves: Record<string, [number, number]> = {
      ArrowUp: [b - 1, p],
      ArrowDown: [b + 1, p],
      ArrowLeft: [b, p - 1],
      ArrowRight: [b, p + 1],
      Home: [b, 0],
      End: [b, np - 1],
    };
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    setActive([Math.max(0, Math.min(nb - 1, next[0])), Math.max(0, Math.min(np - 1, next[1]))]);
  };

  return (
    <figure class="chart">
      <div class="heatmap" tabIndex={0} role="group" aria-label={`${title}. Arrow keys move between cells.`} aria-describedby={liveId} onKeyDown={onKey} onFocus={() => !active && setActive([0, 0])}>
        <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} aria-hidden="true" onMouseLeave={() => setActive(null)}>
          {grid.buses.map((bus, bi) =>
            grid.periods.map((_period, pi) => {
              const p = grid.cell(bi, pi);
              return (
                <rect
                  key={`${bi}-${pi}`}
                  x={left + pi * cellW}
                  y={top + bi * cellH}
                  width={cellW + 0.5}
                  height={cellH + 0.5}
                  fill={p ? viridis(t(p.lmpPerMWh)) : '#ddd'}
                  onMouseEnter={() => setActive([bi, pi])}
                  data-bus={bus}
                />
              );
            }),
          )}
          {active && <rect class="cell-focus" x={left + cur[1] * cellW} y={top + cur[0] * cellH} width={cellW} height={cellH} />}
          {grid.buses.map((bus, bi) =>
            bi % labelEvery === 0 ? (
              <text key={bus} class="row-label" x={left - 4} y={top + bi * cellH + cellH / 2 + 4} text-anchor="end">
                {bus}
              </text>
            ) : null,
          )}
          {grid.periods.map((period, pi) =>
            pi % Math.ceil(np / 12) === 0 ? (
              <text key={period} class="tick-text" x={left + pi * cellW + cellW / 2} y={top + nb * cellH + 14} text-anchor="middle">
                {formatNumber(period * stepH, 1)}
              </text>
            ) : null,
          )}
          <text class="axis-label" x={left + (np * cellW) / 2} y={height - 4} text-anchor="middle">
            hour
          </text>
          <defs>
            <linearGradient id={gradientId} x1="0" x2="0" y1="1" y2="0">
              {[0, 0.25, 0.5, 0.75, 1].map((s) => (
                <stop key={s} offset={s} stop-color={viridis(s)} />
              ))}
            </linearGradient>
          </defs>
          <rect x={CHART_WIDTH - 56} y={top} width={14} height={nb * cellH} fill={`url(#${gradientId})`} />
          <text class="tick-text" x={CHART_WIDTH - 38} y={top + 10}>
            {formatNumber(grid.max, 1)}
          </text>
          <text class="tick-text" x={CHART_WIDTH - 38} y={top + nb * cellH}>
            {formatNumber(grid.min, 1)}
          </text>
        </svg>
      </div>
      <p id={liveId} class="readout" aria-live="polite">
        {text}
      </p>
    </figure>
  );
}
