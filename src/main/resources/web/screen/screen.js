// 指挥大屏: figures from /api/screen/summary drawn with ECharts, open cases on a tile-free Leaflet map; redrawn on a timer.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import L from 'leaflet';
import { createMap } from '../map/basemap.js';
import 'leaflet/dist/leaflet.css';
import './screen.css';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const TEXT = '#cfe3ff';
const AXIS = { axisLabel: { color: TEXT, fontSize: 15 }, axisLine: { lineStyle: { color: '#3d6bb3' } }, splitLine: { lineStyle: { color: '#163a70' } } };
const PALETTE = ['#38e1ff', '#2a7fff', '#7c5cff', '#ffb74d', '#4caf50', '#ff5b5b', '#00bfa5', '#f06292', '#9ccc65'];
const LIGHT_COLOURS = { GREEN: '#22c55e', YELLOW: '#facc15', RED: '#ef4444', NONE: '#94a3b8' };

const root = document.getElementById('screen');
if (root) {
  start(root);
}

function start(root) {
  const text = root.dataset;
  const charts = {};
  for (const id of ['source', 'stage', 'trend', 'classes', 'departments', 'streets']) {
    charts[id] = echarts.init(document.getElementById('chart-' + id), null, { renderer: 'canvas' });
  }
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  const map = startMap();
  const refresh = () => Promise.all([json('/api/screen/summary'), json('/api/cases/open-points')])
    .then(([summary, points]) => {
      draw(charts, text, summary);
      map.points(points);
      status('');
      root.dataset.loaded = 'true';
    })
    .catch(() => status(text.msgLoadFailed));
  refresh();
  setInterval(refresh, Number(text.refresh || 30) * 1000);
}

function draw(charts, text, s) {
  setText('kpi-today-reported', s.today.reported);
  setText('kpi-today-closed', s.today.closed);
  setText('kpi-month-reported', s.month.reported);
  setText('kpi-month-closed', s.month.closed);
  setText('kpi-open', s.open);
  setText('kpi-overdue', s.overdue);
  setText('kpi-close-rate', percent(s.monthRates.closeRate));
  setText('kpi-on-time-rate', percent(s.monthRates.onTimeRate));
  setText('kpi-rework-rate', percent(s.monthRates.reworkRate));
  setText('kpi-cameras', s.cameras.total ? s.cameras.online + '/' + s.cameras.total : '–');
  setText('updated', s.generatedAt);

  charts.source.setOption({
    color: PALETTE,
    tooltip: { trigger: 'item' },
    legend: { orient: 'vertical', right: 0, top: 'middle', textStyle: { color: TEXT, fontSize: 15 } },
    series: [{ type: 'pie', radius: ['40%', '72%'], center: ['38%', '52%'], label: { color: TEXT, fontSize: 15, formatter: '{c}' },
      data: s.today.bySource.map((x) => ({ name: x.label, value: x.value })) }],
  });
  charts.stage.setOption(bars(s.openByStage.map((x) => x.label), s.openByStage.map((x) => x.value), '#2a7fff', true));
  charts.trend.setOption({
    color: ['#38e1ff', '#4caf50'],
    tooltip: { trigger: 'axis' },
    legend: { textStyle: { color: TEXT, fontSize: 15 }, top: 0 },
    grid: { left: 40, right: 16, top: 30, bottom: 26 },
    xAxis: { type: 'category', data: s.trend.map((d) => d.day), ...AXIS },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      { name: text.msgReported, type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: s.trend.map((d) => d.reported) },
      { name: text.msgClosed, type: 'line', smooth: true, data: s.trend.map((d) => d.closed) },
    ],
  });
  const classes = [...s.topClasses].reverse();
  charts.classes.setOption(bars(classes.map((x) => x.label), classes.map((x) => x.value), '#ffb74d', true));
  charts.departments.setOption(ranking(s.departments, text));
  charts.streets.setOption(ranking(s.streets, text));
  const list = document.getElementById('alerts');
  list.replaceChildren(...(s.alerts.length ? s.alerts.map(alertItem) : [item(text.msgNoAlerts)]));
}

// 按期结案率 ranking from the evaluation: every case due this month counts, closed or not ("–" only when nothing fell due)
function ranking(rows, text) {
  return {
    // built as DOM nodes, never as an HTML string: a department's name is data and must show as text
    tooltip: { trigger: 'axis', formatter: (p) => {
      const row = rows[p[0].dataIndex];
      const box = document.createElement('div');
      box.className = 'department-tooltip';
      box.append(String(p[0].name), document.createElement('br'), text.msgRate + ' ' + percent(row.rate), document.createElement('br'),
        text.msgCloseRate + ' ' + percent(row.closeRate) + ' · ' + text.msgReworkRate + ' ' + percent(row.reworkRate));
      return box;
    } },
    grid: { left: 50, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((d) => d.name), ...AXIS, axisLabel: { color: TEXT, fontSize: 14, interval: 0 } },
    yAxis: { type: 'value', max: 100, ...AXIS },
    series: [{ type: 'bar', barMaxWidth: 36, data: rows.map((d) => (d.rate == null ? 0 : d.rate)),
      label: { show: true, position: 'top', color: TEXT, fontSize: 15, formatter: '{c}%' },
      itemStyle: { color: (p) => (p.value >= 90 ? '#22c55e' : p.value >= 70 ? '#facc15' : '#ef4444') } }],
  };
}

function percent(value) {
  return value == null ? '–' : value + '%';
}

function bars(labels, values, colour, horizontal) {
  const category = { type: 'category', data: labels, ...AXIS };
  const value = { type: 'value', minInterval: 1, ...AXIS };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 110 : 40, right: 30, top: 10, bottom: 24 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{ type: 'bar', barMaxWidth: 22, data: values, itemStyle: { color: colour },
      label: { show: true, position: horizontal ? 'right' : 'top', color: TEXT, fontSize: 15 } }],
  };
}

function siteTime(at) {
  const zone = document.getElementById('screen').dataset.zone || undefined;
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23' }).formatToParts(at);
  } catch (e) { // an unknown zone name: the browser's own
    parts = new Intl.DateTimeFormat('en-GB', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at);
  }
  const part = (type) => (parts.find((p) => p.type === type) || {}).value || '';
  return `${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function alertItem(a) {
  const li = document.createElement('li');
  const time = document.createElement('time');
  // the centre's local time (the site's zone from the page; the wall's browser may run in UTC), not the raw instant
  const at = a.at ? new Date(a.at) : null;
  time.textContent = at && !Number.isNaN(at.getTime()) ? siteTime(at) : '';
  li.append(time, document.createTextNode([a.source, a.label, a.caseNumber].filter(Boolean).join(' · ')));
  return li;
}

function item(textContent) {
  const li = document.createElement('li');
  li.textContent = textContent;
  return li;
}

function startMap() {
  const el = document.getElementById('screen-map');
  const map = createMap(el, { zoomControl: false, attributionControl: false, zoomSnap: 0.25 });
  map.setView([35.66, 117.27], 12);
  const markers = L.layerGroup().addTo(map);
  Promise.all([json('/api/grids/boundary', true), json('/api/grids/geojson')]).then(([boundary, grids]) => {
    const layer = L.geoJSON(grids, { interactive: false, style: { color: '#2a5aa0', weight: 0.6, fillColor: '#0f2a55', fillOpacity: 0.6 } }).addTo(map);
    if (boundary) {
      const outline = L.geoJSON(boundary, { interactive: false, style: { color: '#38e1ff', weight: 3, fill: false } }).addTo(map);
      map.fitBounds(outline.getBounds(), { padding: [10, 10] });
    } else if (layer.getLayers().length) {
      map.fitBounds(layer.getBounds());
    }
  }).catch(() => {});
  return {
    points(points) {
      markers.clearLayers();
      for (const p of points) {
        if (p.lat != null && p.lon != null) {
          L.circleMarker([p.lat, p.lon], { radius: 6, weight: 1, color: '#fff', fillOpacity: 0.9, fillColor: LIGHT_COLOURS[p.light] || LIGHT_COLOURS.NONE,
            className: 'case-point' }).addTo(markers);
        }
      }
    },
  };
}

function setText(id, value) {
  document.getElementById(id).textContent = value;
}

function status(message) {
  document.getElementById('screen-status').textContent = message;
}

function json(url, optional) {
  return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then((r) => {
    if (r.ok) {
      return r.json();
    }
    if (optional && r.status === 404) {
      return null;
    }
    throw new Error(url + ': ' + r.status);
  });
}
