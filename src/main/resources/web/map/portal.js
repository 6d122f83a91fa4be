// 公众门户: the pin on the map (tap, place search through the gazetteer, or the phone's own position).
import L from 'leaflet';
import { createMap } from './basemap.js';
import 'leaflet/dist/leaflet.css';
import './portal.css';

const el = document.getElementById('portal-map');
if (el) {
  start(el);
}

function start(el) {
  const lat = document.getElementById('lat');
  const lon = document.getElementById('lon');
  const address = document.getElementById('address');
  const status = document.getElementById('pin-status');
  const map = createMap(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.setView([35.66, 117.27], 14);
  fetch('/api/public/grids').then((r) => (r.ok ? r.json() : null)).then((grids) => {
    if (grids) {
      const layer = L.geoJSON(grids, { interactive: false, style: { className: 'grid', color: '#94a3b8', weight: 1, fillOpacity: 0.06 } });
      layer.addTo(map);
      if (!lat.value && layer.getBounds().isValid()) {
        map.fitBounds(layer.getBounds(), { padding: [6, 6] });
      }
    }
  }).catch(() => {});
  let marker = null;
  const place = (la, lo, text, zoom) => {
    lat.value = la.toFixed(6);
    lon.value = lo.toFixed(6);
    address.value = text || '';
    if (marker) {
      marker.setLatLng([la, lo]);
    } else {
      marker = L.circleMarker([la, lo], { radius: 10, color: '#b91c1c', weight: 3, fillOpacity: 0.5, className: 'pin' }).addTo(map);
    }
    if (zoom) {
      map.setView([la, lo], Math.max(map.getZoom(), 17));
    }
    status.textContent = `${el.dataset.msgPinSet}: ${text ? `${text} ` : ''}(${lat.value}, ${lon.value})`;
  };
  if (lat.value && lon.value) {
    place(parseFloat(lat.value), parseFloat(lon.value), address.value, true);
  }
  map.on('click', (e) => place(e.latlng.lat, e.latlng.lng, null, false));

  const list = document.getElementById('place-candidates');
  const search = () => {
    const q = document.getElementById('place-q').value.trim();
    if (!q) {
      return;
    }
    fetch(`/api/public/places?q=${encodeURIComponent(q)}`).then((r) => (r.ok ? r.json() : [])).then((places) => {
      list.replaceChildren(...places.map((p) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'candidate';
        b.textContent = p.address ? `${p.name} · ${p.address}` : p.name;
        b.addEventListener('click', () => { place(p.lat, p.lon, p.address || p.name, true); list.replaceChildren(); });
        li.append(b);
        return li;
      }));
    });
  };
  document.getElementById('place-find').addEventListener('click', search);
  document.getElementById('place-q').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  });
  document.getElementById('my-location').addEventListener('click', () => {
    if (navigator.geolocation) {
      navigator.geolocation.getCurrentPosition((p) => place(p.coords.latitude, p.coords.longitude, null, true), () => {},
        { enableHighAccuracy: true, timeout: 15000 });
    }
  });
}
