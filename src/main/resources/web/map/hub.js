// 一张网地图 (hub): the cases of every site on one map, from the hub's own API (GET /api/hub/cases) — a colour per
// site, filled while the case is open; each popup links to the case's page. Text comes from the page's data-* attributes;
// popups are built from DOM nodes.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { addBaseMap } from './basemap.js';

const PALETTE = ['#1f5fa8', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];
const LIMIT = 2000;

const el = document.getElementById('hub-map');
if (el) {
  start(el);
}

function start(el) {
  const text = el.dataset;
  const map = L.map(el, { zoomSnap: 0.5, maxZoom: 19 });
  map.attributionControl.setPrefix(false);
  if (text.tileUrl) {
    L.tileLayer(text.tileUrl, { attribution: text.tileAttribution, maxZoom: 19 }).addTo(map);
  }
  map.setView([35.66, 117.27], 10);
  addBaseMap(map, !!text.tileUrl);
  const url = '/api/hub/cases?limit=' + LIMIT + (text.site ? '&site=' + encodeURIComponent(text.site) : '');
  fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((cases) => draw(map, text, cases))
    .catch(() => status(text.msgLoadFailed, true));
}

function draw(map, text, cases) {
  const stages = stageNames(text.stageNames || '');
  const sites = [...new Set(cases.map((c) => c.siteId))].sort();
  const colour = (site) => PALETTE[sites.indexOf(site) % PALETTE.length];
  const layer = L.featureGroup();
  for (const c of cases) {
    if (c.lat == null || c.lon == null) {
      continue;
    }
    const open = !c.closedAt;
    const marker = L.circleMarker([c.lat, c.lon], {
      radius: 6, color: colour(c.siteId), weight: 2, fillColor: colour(c.siteId), fillOpacity: open ? 0.85 : 0.15,
      className: 'hub-case',
    });
    marker.bindPopup(() => popup(c, stages, open ? text.msgOpen : text.msgClosed, text.msgDetails));
    marker.on('add', () => marker.getElement() && marker.getElement().setAttribute('data-site', c.siteId));
    layer.addLayer(marker);
  }
  layer.addTo(map);
  if (layer.getLayers().length > 0) {
    map.fitBounds(layer.getBounds(), { padding: [12, 12], maxZoom: 15 });
  }
  legend(sites, colour);
  status(text.msgSummary.replace('%1', cases.length).replace('%2', sites.length), false);
}

/** The case's page on the hub: /hub/cases/{site}/{caseId}. */
function caseUrl(c) {
  return '/hub/cases/' + encodeURIComponent(c.siteId) + '/' + encodeURIComponent(String(c.edgeCaseId));
}

function popup(c, stages, state, details) {
  const box = document.createElement('div');
  const title = document.createElement('a');
  title.className = 'hub-case-link';
  title.href = caseUrl(c);
  title.textContent = c.caseNumber;
  const strong = document.createElement('strong');
  strong.appendChild(title);
  box.appendChild(strong);
  for (const line of [c.siteId, (stages[c.stage] || c.stage) + ' · ' + state, c.description, c.address]) {
    if (line) {
      const p = document.createElement('div');
      p.textContent = line;
      box.appendChild(p);
    }
  }
  if (details) {
    const more = document.createElement('a');
    more.href = caseUrl(c);
    more.textContent = details;
    box.appendChild(more);
  }
  return box;
}

function legend(sites, colour) {
  const list = document.getElementById('hub-map-legend');
  if (!list) {
    return;
  }
  list.replaceChildren();
  for (const site of sites) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour(site);
    const name = document.createElement('code');
    name.textContent = site;
    item.append(swatch, name);
    list.appendChild(item);
  }
}

function stageNames(spec) {
  const names = {};
  for (const pair of spec.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) {
      names[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  return names;
}

function status(message, failed) {
  const p = document.getElementById('hub-map-status');
  if (p) {
    p.textContent = message;
    p.classList.toggle('error', !!failed);
  }
}
