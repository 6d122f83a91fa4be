// 日盘点/周分析/月通报: the report's charts drawn with ECharts from the tables printed on the page (chart and table
// cannot disagree) — trend, class breakdown, the rankings (../evaluation) — and the unit grids on a Leaflet map coloured
// by their filed cases. Names are set as text, never as HTML. #report gets data-charts="drawn" once all are drawn.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '../evaluation/evaluation.js';
import './evalreport.css';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEAT = ['#fef3c7', '#fde68a', '#fdba74', '#f97316', '#dc2626', '#991b1b'];
const charts = [];

const report = document.getElementById('report');
if (report) {
  drawTrend(document.getElementById('chart-trend'), rowsOf('trend-table'));
  drawClasses(document.getElementById('chart-classes'), rowsOf('class-table'));
  drawHeatMap(document.getElementById('heat-map'), rowsOf('grid-counts')).finally(() => {
    report.dataset.charts = 'drawn';
  });
  const print = document.getElementById('print-report');
  if (print) {
    print.addEventListener('click', () => window.print());
  }
  // A4: charts at the printed width while printing, back to the window's after
  window.addEventListener('beforeprint', () => charts.forEach((c) => c.resize({ width: 680 })));
  window.addEventListener('afterprint', () => charts.forEach((c) => c.resize()));
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
}

function rowsOf(id) {
  const table = document.getElementById(id);
  return table ? [...table.querySelectorAll('tbody tr[data-count], tbody tr[data-label]')] : [];
}

function drawTrend(el, rows) {
  if (!el || !rows.length) {
    return;
  }
  const series = ['reported', 'filed', 'closed'].map((k) => ({
    name: el.dataset[k], type: 'line', smooth: true, symbolSize: 4, data: rows.map((tr) => Number(tr.dataset[k])),
  }));
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((tr) => tr.dataset.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  });
  el.dataset.drawn = 'true';
  charts.push(chart);
}

function drawClasses(el, rows) {
  if (!el || !rows.length) {
    return;
  }
  const shown = rows.slice().reverse();
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 140, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((tr) => tr.dataset.name), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [{ type: 'bar', barMaxWidth: 18, data: shown.map((tr) => Number(tr.dataset.count)), itemStyle: { color: '#2563eb' },
      label: { show: true, position: 'right' } }],
  });
  el.dataset.drawn = 'true';
  charts.push(chart);
}

function drawHeatMap(el, rows) {
  if (!el) {
    return Promise.resolve();
  }
  const counts = new Map(rows.map((tr) => [tr.dataset.grid, Number(tr.dataset.count)]));
  const max = Math.max(1, ...counts.values());
  const colour = (n) => (n ? HEAT[Math.min(HEAT.length - 1, Math.floor((n / max) * (HEAT.length - 1) + 0.5))] : '#f1f5f9');
  const map = L.map(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 18, preferCanvas: true });
  map.attributionControl.setPrefix(false);
  map.setView([35.66, 117.27], 12);
  // no road layer: its orange would read as heat
  return fetch('/api/grids/geojson', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).then((grids) => {
    if (!grids) {
      return;
    }
    const layer = L.geoJSON(grids, {
      style: (f) => {
        const n = counts.get(f.properties && f.properties.code) || 0;
        return { color: '#64748b', weight: 0.5, fillColor: colour(n), fillOpacity: n ? 0.8 : 0.3 };
      },
      onEachFeature: (f, l) => {
        const n = counts.get(f.properties && f.properties.code) || 0;
        const tip = document.createElement('span');
        tip.textContent = (f.properties && (f.properties.name || f.properties.code)) + '：' + n;
        l.bindTooltip(tip);
      },
    }).addTo(map);
    if (layer.getLayers().length) {
      map.fitBounds(layer.getBounds());
    }
    el.dataset.drawn = 'true';
  }).catch(() => {});
}
