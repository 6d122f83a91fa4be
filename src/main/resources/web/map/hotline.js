// 热线受理: address search through the gazetteer, a map pick, the class filter; htmx reloads the duplicate suggestions.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './hotline.css';
import { createMap, reverseGeocode } from './basemap.js';

const el = document.getElementById('hotline-map');
if (el) {
  start(el);
}

function start(el) {
  const form = document.getElementById('call-form');
  const lat = document.getElementById('lat');
  const lon = document.getElementById('lon');
  const address = document.getElementById('address');
  const map = createMap(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
  map.setView([35.66, 117.27], 13);
  fetch('/api/grids/geojson', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : null))
    .then((grids) => {
      if (grids) {
        const layer = L.geoJSON(grids, { interactive: false, style: { className: 'grid', color: '#94a3b8', weight: 1, fillOpacity: 0.08 } });
        layer.addTo(map);
        if (!lat.value && layer.getBounds().isValid()) {
          map.fitBounds(layer.getBounds(), { padding: [6, 6] });
        }
      }
    })
    .catch(() => {});
  let marker = null;
  const place = (la, lo, text, zoom) => {
    lat.value = la.toFixed(6);
    lon.value = lo.toFixed(6);
    if (text) {
      address.value = text;
    }
    if (marker) {
      marker.setLatLng([la, lo]);
    } else {
      marker = L.circleMarker([la, lo], { radius: 9, color: '#b91c1c', weight: 3, fillOpacity: 0.5, className: 'picked' }).addTo(map);
    }
    if (zoom) {
      map.setView([la, lo], Math.max(map.getZoom(), 16));
    }
    form.dispatchEvent(new Event('located'));
  };
  if (lat.value && lon.value && !isNaN(parseFloat(lat.value))) {
    place(parseFloat(lat.value), parseFloat(lon.value), null, true);
  }
  map.on('click', (e) => {
    place(e.latlng.lat, e.latlng.lng, null, false);
    reverseGeocode(e.latlng.lat, e.latlng.lng).then((text) => {
      if (text) {
        address.value = text;
      }
    });
  });
  [lat, lon].forEach((input) => input.addEventListener('change', () => {
    const la = parseFloat(lat.value);
    const lo = parseFloat(lon.value);
    if (!isNaN(la) && !isNaN(lo)) {
      place(la, lo, null, true);
    }
  }));
  addressSearch(place);
  classFilter();
}

function addressSearch(place) {
  const q = document.getElementById('address-q');
  const list = document.getElementById('address-candidates');
  const find = () => {
    const text = q.value.trim();
    if (!text) {
      return;
    }
    fetch('/api/geocode/search?limit=8&q=' + encodeURIComponent(text), { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { candidates: [] }))
      .then((answer) => {
        list.replaceChildren();
        if (!answer.candidates.length) {
          const none = document.createElement('li');
          none.className = 'muted';
          none.textContent = list.dataset.msgNone;
          list.append(none);
          return;
        }
        answer.candidates.forEach((c) => {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'candidate link';
          button.textContent = c.name + (c.address && c.address !== c.name ? ' — ' + c.address : '');
          button.addEventListener('click', () => {
            place(c.lat, c.lon, c.address || c.name, true);
            list.replaceChildren();
          });
          item.append(button);
          list.append(item);
        });
      });
  };
  document.getElementById('address-find').addEventListener('click', find);
  q.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      find();
    }
  });
}

function classFilter() {
  const q = document.getElementById('class-q');
  const select = document.getElementById('class-select');
  q.addEventListener('input', () => {
    const text = q.value.trim().toLowerCase();
    let first = null;
    select.querySelectorAll('option').forEach((o) => {
      const match = !text || o.textContent.toLowerCase().includes(text) || o.value.includes(text);
      o.hidden = !match;
      if (match && !first) {
        first = o;
      }
    });
    select.querySelectorAll('optgroup').forEach((g) => {
      g.hidden = !g.querySelector('option:not([hidden])');
    });
    if (first && text && select.value !== first.value) {
      first.selected = true;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  q.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
    }
  });
}
