import { useId } from 'preact/hooks';
import { categorical } from './colors';
import { extent, formatNumber, linearScale, niceTicks } from './scale';

export interface Series {
  name: string;
  points: ReadonlyArray<{ tH: number; value: number }>;
  color?: string;
  /** Draw as steps (value holds until the next point). */
  step?: boolean;
  dashed?: boolean;
}

export interface Band {
  name: string;
  points: ReadonlyArray<{ tH: number; lo: number; hi: number }>;
  color?: string;
}

export interface Axis {
  label: string;
  format?: (v: number) => string;
  domain?: [number, number];
}

export interface Marker {
  from: number;
  to: number;
  label: string;
}

export const CHART_WIDTH = 720;
const M = { top: 12, right: 16, bottom: 40, left: 64 };

/**
 * An SVG line chart (role img, named by `title`), with an optional time cursor, shaded x ranges
 * (`markers`) and min–max bands. The legend is HTML so it reads as a list.
 */
export function LineChart({ title, series, bands = [], x, y, cursor, markers = [], height = 240 }: { title: string; series: Series[]; bands?: Band[]; x: Axis; y: Axis; cursor?: number | undefined; markers?: Marker[]; height?: number }) {
  const clip = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const xs = series.flatMap((s) => s.points.map((p) => p.tH)).concat(bands.flatMap((b) => b.points.map((p) => p.tH)));
  const ys = series.flatMap((s) => s.points.map((p) => p.value)).concat(bands.flatMap((b) => b.points.flatMap((p) => [p.lo, p.hi])));
  const xd = x.domain ?? extent(xs);
  const yd = y.domain ?? extent(ys, 0.05);
  const sx = linearScale(xd, [M.left, CHART_WIDTH - M.right]);
  const sy = linearScale(yd, [height - M.bottom, M.top]);
  const fx = x.format ?? ((v: number) => formatNumber(v));
  const fy = y.format ?? ((v: number) => formatNumber(v));
  const path = (s: Series) =>
    s.points
      .map((p, i) => {
        const X = sx(p.tH).toFixed(1);
        const Y = sy(p.value).toFixed(1);
        if (i === 0) return `M${X},${Y}`;
        return s.step ? `H${X}V${Y}` : `L${X},${Y}`;
      })
      .join('');
  const bandPath = (b: Band) =>
    b.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.tH).toFixed(1)},${sy(p.hi).toFixed(1)}`).join('') +
    [...b.points].reverse().map((p) => `L${sx(p.tH).toFixed(1)},${sy(p.lo).toFixed(1)}`).join('') +
    'Z';
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <defs>
          <clipPath id={clip}>
            <rect x={M.left} y={M.top} width={CHART_WIDTH - M.left - M.right} height={height - M.top - M.bottom} />
          </clipPath>
        </defs>
        {markers.map((mk) => (
          <g key={mk.label} class="marker">
            <rect x={sx(mk.from)} y={M.top} width={Math.max(1, sx(mk.to) - sx(mk.from))} height={height - M.top - M.bottom} />
            <text x={sx(mk.to) + 4} y={M.top + 12}>
              {mk.label}
            </text>
          </g>
        ))}
        {niceTicks(yd[0], yd[1], 5).map((t) => (
          <g key={`y${t}`} class="tick">
            <line x1={M.left} x2={CHART_WIDTH - M.right} y1={sy(t)} y2={sy(t)} />
            <text x={M.left - 6} y={sy(t) + 4} text-anchor="end">
              {fy(t)}
            </text>
          </g>
        ))}
        {niceTicks(xd[0], xd[1], 8).map((t) => (
          <g key={`x${t}`} class="tick">
            <line x1={sx(t)} x2={sx(t)} y1={height - M.bottom} y2={height - M.bottom + 4} />
            <text x={sx(t)} y={height - M.bottom + 16} text-anchor="middle">
              {fx(t)}
            </text>
          </g>
        ))}
        <text class="axis-label" x={(M.left + CHART_WIDTH - M.right) / 2} y={height - 4} text-anchor="middle">
          {x.label}
        </text>
        <text class="axis-label" transform={`translate(14 ${(M.top + height - M.bottom) / 2}) rotate(-90)`} text-anchor="middle">
          {y.label}
        </text>
        <g clip-path={`url(#${clip})`}>
          {bands.map((b, i) => (
            <path key={b.name} d={bandPath(b)} fill={b.color ?? categorical(i)} opacity={0.2} />
          ))}
          {series.map((s, i) => (
            <path key={s.name} d={path(s)} fill="none" stroke={s.color ?? categorical(i)} stroke-width={2} stroke-dasharray={s.dashed ? '6 4' : undefined} />
          ))}
        </g>
        {cursor !== undefined && <line class="cursor" x1={sx(cursor)} x2={sx(cursor)} y1={M.top} y2={height - M.bottom} />}
      </svg>
      <ul class="legend" aria-label={`${title}: legend`}>
        {bands.map((b, i) => (
          <li key={`b${b.name}`}>
            <span class="chip" style={{ background: b.color ?? categorical(i), opacity: 0.4 }} aria-hidden="true" />
            {b.name}
          </li>
        ))}
        {series.map((s, i) => (
          <li key={s.name}>
            <span class="chip" style={{ background: s.color ?? categorical(i) }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
