// 摄像机分布图: every registered camera with a position, green when up, red when down or refusing its password.
import L from 'leaflet';
import { createMap } from './basemap.js';
import 'leaflet/dist/leaflet.css';

const HEALTH_COLOURS = { UP: '#16a34a', DOWN: '#dc2626', REFUSED: '#dc2626', FAULTY: '#dc2626', UNKNOWN: '#64748b' };

const el = document.getElementById('camera-map');
if (el) {
  start(el);
}

function start(el) {
  const map = createMap(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.setView([35.66, 117.27], 13);
  Promise.all([get('/api/grids/geojson'), get('/api/cameras')]).then(([grids, cameras]) => {
    if (grids) {
      const layer = L.geoJSON(grids, { interactive: false, style: { color: '#94a3b8', weight: 1, fillOpacity: 0.05 } }).addTo(map);
      if (layer.getBounds().isValid()) {
        map.fitBounds(layer.getBounds(), { padding: [6, 6] });
      }
    }
    const placed = (cameras || []).filter((c) => c.lat != null && c.lon != null);
    placed.forEach((c) => {
      const marker = L.circleMarker([c.lat, c.lon], {
        radius: 8, weight: 2, color: '#fff', fillOpacity: 0.95, fillColor: HEALTH_COLOURS[c.health] || HEALTH_COLOURS.UNKNOWN,
        className: 'camera-marker camera-marker-' + c.health,
      }).addTo(map);
      const link = document.createElement('a');
      link.href = '/cameras/' + c.id;
      link.textContent = c.name + ' — ' + el.dataset.msgOpen;
      marker.bindPopup(link);
      marker.on('add', () => marker.getElement() && marker.getElement().setAttribute('data-camera-id', c.id));
    });
    el.setAttribute('data-cameras-drawn', String(placed.length));
  });
}

function get(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.json() : null));
}
