import type { ComponentChildren } from 'preact';
import type { Drawing } from './drawing';
import type { Point } from './layout';

export const VIEW_W = 720;
export const VIEW_H = 480;
const PAD = 28;

/** Unit-square layout position to SVG coordinates. */
export function toView(p: Point): Point {
  return { x: PAD + p.x * (VIEW_W - 2 * PAD), y: PAD + p.y * (VIEW_H - 2 * PAD) };
}

/** Draws a network; `overlay` gets the node positions to draw trucks, routes or highlights on top. */
export function NetworkView({ drawing, title, labels = true, overlay }: { drawing: Drawing; title: string; labels?: boolean; overlay?: (at: (id: string) => Point | undefined) => ComponentChildren }) {
  const pos = new Map(drawing.nodes.map((n) => [n.id, toView(n)]));
  const at = (id: string) => pos.get(id);
  return (
    <figure class="chart network">
      <svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={title}>
        {drawing.edges.map((e, i) => {
          const a = pos.get(e.from);
          const b = pos.get(e.to);
          if (!a || !b) return null;
          return (
            <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={e.color} stroke-width={e.width} stroke-dasharray={e.dashed ? '4 3' : undefined} stroke-linecap="round">
              <title>{e.title}</title>
            </line>
          );
        })}
        {drawing.nodes.map((n) => {
          const p = pos.get(n.id)!;
          return (
            <g key={n.id} class="node">
              <title>{n.title}</title>
              {n.shape === 'square' ? (
                <rect x={p.x - n.radius} y={p.y - n.radius} width={2 * n.radius} height={2 * n.radius} fill={n.color} stroke="#fff" />
              ) : (
                <circle cx={p.x} cy={p.y} r={n.radius} fill={n.color} stroke="#fff" />
              )}
              {labels && (
                <text x={p.x > VIEW_W * 0.8 ? p.x - n.radius - 2 : p.x + n.radius + 2} y={p.y - n.radius} text-anchor={p.x > VIEW_W * 0.8 ? 'end' : 'start'} class="node-label">
                  {n.label}
                </text>
              )}
            </g>
          );
        })}
        {overlay?.(at)}
      </svg>
      <ul class="legend" aria-label={`${title}: legend`}>
        {drawing.legend.map((l) => (
          <li key={l.label}>
            <span class={`chip chip-${l.shape ?? 'circle'}`} style={{ background: l.color }} aria-hidden="true" />
            {l.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
