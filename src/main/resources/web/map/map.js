// 网格地图: boundary, unit grids coloured by open cases, case markers by light, a grid panel — all from the box's API.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { createMap } from './basemap.js';

const MARKER_ZOOM = 16;
const PANEL_LIMIT = 30;
const LIGHT_COLOURS = { GREEN: '#16a34a', YELLOW: '#eab308', RED: '#dc2626', NONE: '#64748b' };

const el = document.getElementById('map');
if (el) {
  start(el);
}

function start(el) {
  const text = el.dataset;
  const map = createMap(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.setView([35.66, 117.27], 13);
  Promise.all([json('/api/grids/boundary', true), json('/api/grids/geojson'), json('/api/cases/open-by-grid'), json('/api/cases/open-points')])
    .then(([boundary, grids, counts, points]) => draw(map, text, boundary, grids, counts, points))
    .catch(() => status(text.msgLoadFailed, true));
}

function draw(map, text, boundary, grids, counts, points) {
  if (boundary) {
    L.geoJSON(boundary, { interactive: false, style: { className: 'county-boundary', color: '#1f5fa8', weight: 3, fill: false, dashArray: '6 4' } })
      .addTo(map);
  }
  let selected = null;
  const gridLayer = L.geoJSON(grids, {
    style: (feature) => gridStyle(counts[feature.properties.code] || 0),
    onEachFeature: (feature, layer) => {
      layer.on('click', () => {
        if (selected) {
          selected.setStyle({ weight: 1, color: '#475569' });
        }
        selected = layer;
        layer.setStyle({ weight: 3, color: '#1f5fa8' });
        layer.bringToFront();
        showGrid(text, feature.properties, counts[feature.properties.code] || 0);
      });
      layer.on('add', () => layer.getElement() && layer.getElement().setAttribute('data-code', feature.properties.code));
    },
  }).addTo(map);
  const bounds = gridLayer.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [10, 10] });
  }
  const badges = gridBadges(gridLayer, counts);
  const markers = caseMarkers(points);
  const switchLayers = () => {
    const close = map.getZoom() >= MARKER_ZOOM;
    (close ? badges : markers).remove();
    (close ? markers : badges).addTo(map);
  };
  map.on('zoomend', switchLayers);
  switchLayers();
  const open = Object.values(counts).reduce((a, b) => a + b, 0);
  status(text.msgSummary.replace('%1', grids.features.length).replace('%2', open), false);
}

function gridStyle(count) {
  return { className: 'grid', color: '#475569', weight: 1, fillOpacity: 0.55, fillColor: fillFor(count) };
}

function fillFor(count) {
  if (count >= 5) return '#dc2626';
  if (count >= 2) return '#fb923c';
  if (count >= 1) return '#fde68a';
  return '#f1f5f9';
}

/** Zoomed out: one count badge per grid with open cases (clicks go through to the grid). */
function gridBadges(gridLayer, counts) {
  const group = L.layerGroup();
  gridLayer.eachLayer((layer) => {
    const count = counts[layer.feature.properties.code];
    if (count) {
      const icon = L.divIcon({ className: 'grid-badge', html: String(count), iconSize: [24, 24] });
      L.marker(layer.getBounds().getCenter(), { icon, interactive: false, keyboard: false }).addTo(group);
    }
  });
  return group;
}

/** Zoomed in: every open case as a dot in its light's colour, with a popup linking to the case. */
function caseMarkers(points) {
  const group = L.layerGroup();
  for (const p of points) {
    const marker = L.circleMarker([p.lat, p.lon], {
      className: 'case-marker', radius: 7, weight: 2, color: '#fff', fillOpacity: 0.95, fillColor: LIGHT_COLOURS[p.light] || LIGHT_COLOURS.NONE,
    });
    marker.bindPopup(() => caseLink(p));
    marker.addTo(group);
  }
  return group;
}

function showGrid(text, grid, count) {
  const panel = document.getElementById('grid-panel');
  panel.replaceChildren();
  panel.append(node('h2', text.msgGrid + ' ' + (grid.name || '')));
  const facts = node('dl', null, 'grid-facts');
  const fact = (label, value, cls) => facts.append(node('dt', label), node('dd', value, cls));
  fact(text.msgGridCode, grid.code, 'grid-code');
  fact(text.msgCommunity, grid.communityName || '');
  fact(text.msgStreet, grid.streetName || '');
  fact(text.msgArea, Math.round(grid.areaM2).toLocaleString() + ' m²');
  fact(text.msgOpenCases, String(count), 'open-count');
  const components = node('section', null, 'grid-components');
  panel.append(facts, node('h3', text.msgCasesInGrid));
  if (!count) {
    panel.append(node('p', text.msgNoOpenCases, 'muted'), components);
  } else {
    panel.append(components);
    openCases(text, panel, grid, components);
  }
  showComponents(text, grid, components);
}

/** The grid's components (部件): how many of each class, and the damaged or lost ones by name. */
function showComponents(text, grid, section) {
  json('/api/components?size=500&gridCode=' + encodeURIComponent(grid.code)).then((page) => {
    section.append(node('h3', text.msgComponents.replace('%1', page.total)));
    const byClass = new Map();
    for (const c of page.items) byClass.set(c.className || c.classRef, (byClass.get(c.className || c.classRef) || 0) + 1);
    const summary = node('p', [...byClass.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => name + ' ' + n).join('，'), 'component-summary');
    section.append(summary);
    const faulty = page.items.filter((c) => c.state !== 'INTACT');
    if (faulty.length) {
      const list = node('ul', null, 'grid-faulty');
      for (const c of faulty) list.append(node('li', c.name + ' · ' + (c.stateLabel || c.state) + ' · ' + c.id));
      section.append(node('h4', text.msgFaulty), list);
    }
  }).catch(() => section.append(node('p', text.msgLoadFailed, 'muted')));
}

function openCases(text, panel, grid, before) {
  json('/api/cases/open-points?gridCode=' + encodeURIComponent(grid.code)).then((points) => {
    const list = node('ul', null, 'grid-cases');
    for (const p of points.slice(0, PANEL_LIMIT)) {
      const item = node('li');
      item.append(caseLink(p));
      list.append(item);
    }
    panel.insertBefore(list, before);
    if (points.length > PANEL_LIMIT) {
      panel.insertBefore(node('p', text.msgMore.replace('%1', points.length - PANEL_LIMIT), 'muted'), before);
    }
  }).catch(() => panel.insertBefore(node('p', text.msgLoadFailed, 'muted'), before));
}

function caseLink(p) {
  const wrap = node('span', null, 'case-item');
  wrap.append(node('span', null, 'dot light-' + (p.light || 'NONE')));
  const link = node('a', p.number);
  link.href = '/api/cases/' + p.id;
  wrap.append(link, node('span', ' ' + (p.classCode || '') + ' · ' + p.stage, 'muted'));
  return wrap;
}

function node(tag, content, cls) {
  const e = document.createElement(tag);
  if (content != null) e.textContent = content;
  if (cls) e.className = cls;
  return e;
}

function status(message, error) {
  const s = document.getElementById('map-status');
  s.textContent = message;
  s.classList.toggle('error', error);
}

function json(url, optional) {
  return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then((r) => {
    if (optional && r.status === 404) return null;
    if (!r.ok) throw new Error(url + ': ' + r.status);
    return r.json();
  });
}
