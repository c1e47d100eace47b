/**
 * A bar chart drawn by Chart.js (pinned, canvas): one bar per label, one coloured part (stacked)
 * or bar (side by side) per series. The chart is created once and updated in place without
 * animation, so a live class redraws cheaply. The canvas is a picture with a short description for screen readers; the
 * figures themselves are in the table each chart comes with (the chart's `describedBy`).
 * Its text uses the page's own interface font, never a font of the machine.
 */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartData } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  color: string;
  values: number[];
}

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

function data(labels: string[], series: Series[]): ChartData<'bar'> {
  return { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderColor: '#ffffff', borderWidth: 1 })) };
}

export function BarChart({ labels, series, horizontal = false, stacked = true, summary, describedBy, barSize = 26 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    const style = getComputedStyle(document.body);
    Chart.defaults.font.family = style.fontFamily;
    Chart.defaults.font.size = 14;
    Chart.defaults.color = style.color;
    const axis = { stacked, ticks: { precision: 0 } };
    chart.current = new Chart<'bar'>(canvas.current!, {
      type: 'bar',
      data: data(labels, series),
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: axis, y: axis },
        plugins: { legend: { position: 'top' } },
      },
    });
    return () => chart.current?.destroy();
    // created once; the effect below feeds it
  }, [horizontal, stacked]);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.data = data(labels, series);
    chart.current.update('none');
  }, [labels, series]);

  const height = horizontal ? Math.max(160, labels.length * barSize + 80) : 280;
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={summary} aria-describedby={describedBy} />
    </div>
  );
}
