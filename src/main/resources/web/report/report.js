// 案卷登记: pick the problem's place on the box's own grid map (no tiles); the point fills lat/lon.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './report.css';
import { addBaseMap, reverseGeocode } from '../map/basemap.js';

const el = document.getElementById('report-map');
if (el) {
  const lat = document.getElementById('lat');
  const lon = document.getElementById('lon');
  const map = L.map(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.attributionControl.setPrefix(false);
  map.setView([35.66, 117.27], 13);
  addBaseMap(map, false);
  const address = document.getElementById('address');
  let autoAddress = null;
  let marker = null;
  const place = (latlng) => {
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = L.circleMarker(latlng, { radius: 8, color: '#c62828', weight: 3, fillOpacity: 0.6, className: 'picked' }).addTo(map);
    }
  };
  fetch('/api/grids/geojson', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).then((grids) => {
    if (grids) {
      const layer = L.geoJSON(grids, { style: { color: '#475569', weight: 1, fillColor: '#e2e8f0', fillOpacity: 0.3 } }).addTo(map);
      layer.on('click', (e) => pick(e.latlng));
      if (layer.getLayers().length && !lat.value) {
        map.fitBounds(layer.getBounds());
      }
    }
  });
  map.on('click', (e) => pick(e.latlng));
  function pick(latlng) {
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    place(latlng);
    // 逆地理编码: the nearest gazetteer address fills the address field unless the user typed one
    if (address && (!address.value || address.value === autoAddress)) {
      reverseGeocode(latlng.lat, latlng.lng).then((text) => {
        if (text && (!address.value || address.value === autoAddress)) {
          address.value = text;
          autoAddress = text;
        }
      });
    }
  }
  if (lat.value && lon.value && !Number.isNaN(Number(lat.value))) {
    place([Number(lat.value), Number(lon.value)]);
    map.setView([Number(lat.value), Number(lon.value)], 16);
  }
}

// 案卷详情: the case's point on the grid map, its unit grid outlined
const caseMap = document.getElementById('case-map');
if (caseMap) {
  const at = [Number(caseMap.dataset.lat), Number(caseMap.dataset.lon)];
  const map = L.map(caseMap, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.attributionControl.setPrefix(false);
  map.setView(at, 16);
  fetch('/api/grids/geojson', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).then((grids) => {
    if (grids) {
      L.geoJSON(grids, {
        interactive: false,
        style: (f) => (f.properties.code === caseMap.dataset.grid
          ? { color: '#1f5fa8', weight: 3, fillColor: '#bfdbfe', fillOpacity: 0.45, className: 'case-grid' }
          : { color: '#94a3b8', weight: 1, fillColor: '#f1f5f9', fillOpacity: 0.3 }),
      }).addTo(map);
    }
    L.circleMarker(at, { radius: 8, color: '#c62828', weight: 3, fillOpacity: 0.7, className: 'case-point' }).addTo(map);
  });
}
