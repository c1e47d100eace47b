/**
 * A bar chart of the dashboard (bar-config.ts) on a canvas: created once and updated in place without
 * animation, so a live class redraws cheaply. The canvas is a picture with a short description for screen readers; the
 * figures themselves are in the table each chart comes with (the chart's `describedBy`).
 * Its text uses the page's own interface font, never a font of the machine.
 */
import { useEffect, useRef } from 'react';
import { Chart } from 'chart.js';
import { barConfig, barData, setChartFont, type Series } from './bar-config';

interface Props {
  labels: string[];
  series: Series[];
  /** bars lying down, labels on the left (long lists of names or paragraphs) */
  horizontal?: boolean;
  /** the series' parts stacked into one bar (parts of a whole), else side by side */
  stacked?: boolean;
  /** what the chart shows, for screen readers */
  summary: string;
  /** id of the table that holds the same figures */
  describedBy: string;
  /** pixels per bar, so 40 students stay readable */
  barSize?: number;
}

export function BarChart({ labels, series, horizontal = false, stacked = true, summary, describedBy, barSize = 26 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    setChartFont();
    chart.current = new Chart<'bar'>(canvas.current!, barConfig(labels, series, { horizontal, stacked }));
    return () => chart.current?.destroy();
    // created once; the effect below feeds it
  }, [horizontal, stacked]);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.data = barData(labels, series);
    chart.current.update('none');
  }, [labels, series]);

  const height = horizontal ? Math.max(160, labels.length * barSize + 80) : 280;
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={summary} aria-describedby={describedBy} />
    </div>
  );
}
