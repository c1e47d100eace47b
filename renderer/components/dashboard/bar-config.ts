/**
 * The dashboard's bar charts as Chart.js configurations (pinned, canvas): one bar per label, one
 * coloured part (stacked) or bar (side by side) per series, no animation, text in the page's own
 * interface font. Used by the live dashboard (BarChart.tsx) and by the saved report, which draws
 * the same charts into images.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type ChartData } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  color: string;
  values: number[];
}

export interface BarOptions {
  /** bars lying down, labels on the left (long lists of names or paragraphs) */
  horizontal?: boolean;
  /** the series' parts stacked into one bar (parts of a whole), else side by side */
  stacked?: boolean;
  /** false for a chart of fixed size drawn once (an image) */
  responsive?: boolean;
}

export function barData(labels: string[], series: Series[]): ChartData<'bar'> {
  return { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderColor: '#ffffff', borderWidth: 1 })) };
}

/** Chart.js's defaults set to the page's font and colour (the bundled interface font, never one of the machine). */
export function setChartFont(): void {
  const style = getComputedStyle(document.body);
  Chart.defaults.font.family = style.fontFamily;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = style.color;
}

export function barConfig(labels: string[], series: Series[], { horizontal = false, stacked = true, responsive = true }: BarOptions): ChartConfiguration<'bar'> {
  const axis = { stacked, ticks: { precision: 0 } };
  return {
    type: 'bar',
    data: barData(labels, series),
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive,
      maintainAspectRatio: false,
      scales: { x: axis, y: axis },
      plugins: { legend: { position: 'top' } },
    },
  };
}
