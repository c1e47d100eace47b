/**
 * The saved report's pictures, drawn in the page by the libraries the views use: the
 * dashboard's charts by Chart.js (bar-config.ts, the same series as the dashboard) and the
 * argument map by Cytoscape (map-graph.ts, the same layout as the map view), each on a canvas
 * off screen, turned into a PNG data URL and thrown away. Loaded only when a report is made.
 */
import type { TFunction } from 'i18next';
import { Chart } from 'chart.js';
import type { Tagset } from '../../../shared/model/tagset';
import { articleHeat } from '../../store/dashboard/article-heat';
import { studentActivity } from '../../store/dashboard/student-activity';
import { hasMarks } from '../../store/report/article-report';
import type { ReportData } from '../../store/report/use-report-data';
import type { ReportImages } from '../../store/report/class-report';
import { barConfig, setChartFont, type BarOptions, type Series } from '../dashboard/bar-config';
import { heatSeries, studentSeries } from '../dashboard/chart-series';
import { drawMap } from '../map-graph';

const WIDTH = 900;

/** A box outside the visible page (a canvas needs to be in the document to be laid out). */
function offscreen(width: number, height: number): HTMLDivElement {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  Object.assign(box.style, { position: 'fixed', left: '-10000px', top: '0', width: `${width}px`, height: `${height}px` });
  document.body.append(box);
  return box;
}

function chartImage(labels: string[], series: Series[], height: number, options: BarOptions): string {
  const box = offscreen(WIDTH, height);
  const canvas = document.createElement('canvas');
  Object.assign(canvas, { width: WIDTH, height });
  Object.assign(canvas.style, { width: `${WIDTH}px`, height: `${height}px` });
  box.append(canvas);
  setChartFont();
  const config = barConfig(labels, series, { ...options, responsive: false });
  const chart = new Chart<'bar'>(canvas, { ...config, options: { ...config.options, devicePixelRatio: 2 }, plugins: [whiteBackground] });
  const url = chart.toBase64Image('image/png');
  chart.destroy();
  box.remove();
  return url;
}

/** Charts are transparent by default: a saved image gets a white page under it. */
const whiteBackground = {
  id: 'white-background',
  beforeDraw: (chart: Chart) => {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

function mapImage(data: ReportData): string | undefined {
  if (data.map.nodes.length === 0) return undefined;
  const box = offscreen(WIDTH, 640);
  const graph = drawMap(box, data.map.nodes, data.map.edges, () => undefined);
  const url = graph.png();
  graph.destroy();
  box.remove();
  return url;
}

export function reportImages(data: ReportData, tagset: Tagset, t: TFunction, lang: 'en' | 'fr'): ReportImages {
  const students = studentActivity({ roster: data.roster, layers: data.layers, present: new Map(), now: Date.now(), idleMs: Infinity, teams: data.teams });
  const perStudent = studentSeries(students, tagset, lang);
  const heat: Record<string, string> = {};
  for (const { article, text } of data.articles) {
    const layers = data.layers.filter((l) => l.article === article.id);
    if (!hasMarks(layers)) continue;
    const rows = articleHeat(text, layers.flatMap((l) => l.annotations), layers.map((l) => l.discussion));
    const { labels, series } = heatSeries(rows, t);
    heat[article.id] = chartImage(labels, series, 300, { stacked: false });
  }
  return {
    students: students.length > 0 ? chartImage(perStudent.labels, perStudent.series, Math.max(160, students.length * 26 + 80), { horizontal: true }) : undefined,
    heat,
    map: mapImage(data),
  };
}
