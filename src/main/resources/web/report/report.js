// 案卷登记 and 告警审核: pick a place on the grid map over the base map; the point fills lat/lon (and the address).
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './report.css';
import { createMap, reverseGeocode } from '../map/basemap.js';

// 地图选点: every .point-picker map (the case form, the alert review) fills the lat/lon (and, by reverse geocoding,
// address) fields of its own form; a point already in the fields is shown and centred.
document.querySelectorAll('.point-picker').forEach((el) => attachPointPicker(el));

function attachPointPicker(el) {
  const form = el.closest('form');
  const lat = form.querySelector('input[name="lat"]');
  const lon = form.querySelector('input[name="lon"]');
  const address = form.querySelector('input[name="address"]');
  const map = createMap(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.setView([35.66, 117.27], 13);
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
      const layer = L.geoJSON(grids, { style: { color: '#475569', weight: 1, fillColor: '#e2e8f0', fillOpacity: 0.2 } }).addTo(map);
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
  const map = createMap(caseMap, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
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
