// 巡查轨迹: one inspector's day on the map — the work grids (blue), the grids walked through (green), the track line.
import L from 'leaflet';
import { createMap } from './basemap.js';
import 'leaflet/dist/leaflet.css';
import './collector.css';

const el = document.getElementById('track-map');
if (el) {
  show(el);
}

async function show(el) {
  const map = createMap(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.setView([35.66, 117.27], 13);
  const staffId = document.getElementById('staffId').value;
  const day = document.getElementById('day').value;
  const status = document.getElementById('track-status');
  if (!staffId) {
    return;
  }
  const [track, grids] = await Promise.all([
    fetch(`/api/tracks?staffId=${encodeURIComponent(staffId)}&day=${encodeURIComponent(day)}`, { credentials: 'same-origin' }).then((r) => r.json()),
    fetch('/api/grids/geojson', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)),
  ]);
  const work = new Set(track.workGridCodes || []);
  const visited = new Set(track.visitedGridCodes || []);
  if (grids) {
    const layer = L.geoJSON(grids, {
      filter: (f) => work.has(f.properties.code) || visited.has(f.properties.code),
      style: (f) => ({
        className: visited.has(f.properties.code) ? 'grid visited' : 'grid work',
        color: visited.has(f.properties.code) ? '#16a34a' : '#2563eb', weight: 1,
        fillOpacity: visited.has(f.properties.code) ? 0.25 : 0.08,
      }),
    }).addTo(map);
    if (layer.getBounds().isValid()) {
      map.fitBounds(layer.getBounds(), { padding: [6, 6] });
    }
  }
  const points = track.points || [];
  document.getElementById('track-points').textContent = String(points.length);
  document.getElementById('track-distance').textContent = `${(track.distanceM / 1000).toFixed(2)} km`;
  document.getElementById('track-work').textContent = String(work.size);
  document.getElementById('track-visited').textContent = `${[...visited].filter((c) => work.has(c)).length} / ${work.size}`;
  if (points.length) {
    document.getElementById('track-first').textContent = new Date(points[0].at).toLocaleTimeString();
    document.getElementById('track-last').textContent = new Date(points[points.length - 1].at).toLocaleTimeString();
    const line = L.polyline(points.map((p) => [p.lat, p.lon]), { color: '#b91c1c', weight: 4, className: 'track' }).addTo(map);
    map.fitBounds(line.getBounds(), { padding: [20, 20], maxZoom: 17 });
  } else {
    status.textContent = el.dataset.msgNoTrack;
  }
}
