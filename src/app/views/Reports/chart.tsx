/**
 * A bar chart drawn as SVG by hand: a few dozen rectangles need no library, it renders offline and under the
 * app's Content-Security-Policy, and it prints. Negative bars (a day of more refunds than sales) hang below the
 * axis. Each bar has a tooltip with its exact figure; the chart as a whole is labelled for screen readers, and
 * the same figures are in the table below it.
 */

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  /** The bar's tooltip: its label and formatted value. */
  title: string;
}

const H = 240;
const PAD = { top: 12, right: 8, bottom: 28, left: 72 };

/** The drawing's width in its own units: narrower on a phone, so its text stays readable when scaled down. */
const width = () => (window.matchMedia?.('(max-width: 600px)').matches ? 400 : 720);

/** The chart of `bars`; `format` writes an axis value (the shop's money). */
export function BarChart({ bars, format, label }: { bars: Bar[]; format: (value: number) => string; label: string }) {
  if (bars.length === 0) return null;
  const W = width();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const span = max - min || 1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((max - v) / span) * plotH;
  const step = plotW / bars.length;
  const barW = Math.max(1, step * 0.8);
  // Labels under at most about twelve bars (six on a phone), evenly spaced, so they never overlap.
  const every = Math.ceil(bars.length / (W < 720 ? 6 : 12));
  const ticks = [...new Set([max, min, (max + min) / 2])];
  return (
    <svg class="report-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="report-chart">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="grid" />
          <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end" class="axis">
            {format(Math.round(t))}
          </text>
        </g>
      ))}
      {bars.map((b, i) => (
        <rect
          key={b.label}
          class={b.value < 0 ? 'bar negative' : 'bar'}
          x={PAD.left + i * step + (step - barW) / 2}
          y={y(Math.max(0, b.value))}
          width={barW}
          height={Math.max(b.value === 0 ? 0 : 1, Math.abs(y(b.value) - y(0)))}
          data-value={b.value}
        >
          <title>{b.title}</title>
        </rect>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="zero" />
      {bars.map((b, i) =>
        i % every === 0 ? (
          <text key={b.label} x={PAD.left + i * step + step / 2} y={H - 8} text-anchor="middle" class="axis">
            {b.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
