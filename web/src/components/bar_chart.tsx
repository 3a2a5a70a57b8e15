// A bar chart in plain SVG: one bar per entry, scaled to `max`. For screen readers the
// picture is one image with a summary (role="img", aria-label) and the numbers follow in a
// visually hidden table; sighted readers get the first, middle and last labels under it.

export interface Bar {
  /** Under the chart and in the table's first column: "Mon 3 Mar". */
  label: string;
  /** null: nothing to show that day (drawn as an empty slot). */
  value: number | null;
  /** The bar's tooltip: "Mon 3 Mar: 4 bookings". */
  title: string;
}

interface BarChartProps {
  /** What the picture says, in one or two sentences. */
  summary: string;
  bars: readonly Bar[];
  /** The value of a full-height bar (at least 1). */
  max: number;
  /** The hidden table: its caption, column headings and one row per bar. */
  table: { caption: string; columns: readonly string[]; rows: readonly (readonly string[])[] };
  testId: string;
}

const kWidth = 300;
const kHeight = 100;
const kGap = 2;

export function BarChart({ summary, bars, max, table, testId }: BarChartProps) {
  const step = bars.length > 0 ? kWidth / bars.length : kWidth;
  const top = Math.max(1, max);
  const middle = bars[Math.floor(bars.length / 2)];
  return (
    <figure class="chart" data-testid={testId}>
      <svg
        class="chart__svg"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${kWidth} ${kHeight}`}
        preserveAspectRatio="none"
      >
        <line class="chart__axis" x1="0" y1={kHeight} x2={kWidth} y2={kHeight} />
        {bars.map((bar, i) => {
          const height = bar.value === null ? 0 : (Math.min(bar.value, top) / top) * kHeight;
          return (
            <rect
              key={bar.label}
              class={bar.value === null ? 'chart__bar chart__bar--none' : 'chart__bar'}
              x={i * step + kGap / 2}
              y={kHeight - height}
              width={Math.max(step - kGap, 1)}
              height={height}
            >
              <title>{bar.title}</title>
            </rect>
          );
        })}
      </svg>
      {bars.length > 0 && (
        <div class="chart__labels" aria-hidden="true">
          <span>{bars[0]?.label}</span>
          <span>{middle?.label}</span>
          <span>{bars[bars.length - 1]?.label}</span>
        </div>
      )}
      {/* A table ignores a 1 px width; the wrapper clips it. */}
      <div class="visually-hidden">
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={bars[i]?.label ?? i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
