// 底图 and 逆地理编码, shared by every map page: the site's base map (an XYZ tile server, GCJ-02 handled by the map's
// CRS, or the box's offline vector tiles; the roads/landmarks GeoJSON when neither is there), read from the page's
// <meta name="civicgrid-basemap"> (set on /admin/basemap), and the nearest gazetteer address of a picked point.
import L from 'leaflet';
import { GCJ02_CRS } from './chinacrs.js';
import { VectorTileLayer } from './vectortiles.js';

function readConfig() {
  const meta = document.querySelector('meta[name="civicgrid-basemap"]');
  try {
    return meta ? JSON.parse(meta.content) : { mode: 'none' };
  } catch (unreadable) {
    return { mode: 'none' };
  }
}

const config = readConfig();

/** The base map of this page, as /admin/basemap set it. */
export function baseMapConfig() {
  return config;
}

/** A Leaflet map on {@code el} in the CRS the base map needs (GCJ-02 tiles shift the WGS84 data), base map added. */
export function createMap(el, options) {
  const opts = { ...options };
  if (config.mode === 'xyz' && config.crs === 'GCJ02') {
    opts.crs = GCJ02_CRS;
  }
  const map = L.map(el, opts);
  if (map.attributionControl) {
    map.attributionControl.setPrefix(false);
  }
  addBaseMap(map);
  return map;
}

/** Adds the base map under everything else on a map. */
export function addBaseMap(map) {
  if (config.mode === 'xyz') {
    const common = { subdomains: config.subdomains || 'abc', maxZoom: 19 };
    L.tileLayer(config.url, { ...common, attribution: config.attribution || '' }).addTo(map);
    if (config.labelUrl) {
      L.tileLayer(config.labelUrl, common).addTo(map);
    }
  } else if (config.mode === 'vector') {
    new VectorTileLayer({ tiles: config.tiles, minDataZoom: config.minZoom, maxDataZoom: config.maxZoom, className: 'basemap-vector' }).addTo(map);
  } else {
    addGeoJsonBaseMap(map);
  }
}

/** The roads and landmarks as GeoJSON (signed-in pages, where no tile archive is there): road names as labels. */
function addGeoJsonBaseMap(map) {
  fetch('/api/basemap', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).then((g) => {
    if (!g) {
      return;
    }
    const layer = L.geoJSON(g, {
      interactive: false,
      style: () => ({ color: '#f59e0b', weight: 5, opacity: 0.8, className: 'basemap-road' }),
      pointToLayer: (f, at) => L.circleMarker(at, { radius: 3, color: '#64748b', weight: 1, fillOpacity: 0.8, className: 'basemap-landmark' }),
      onEachFeature: (f, l) => {
        if (f.properties && f.properties.name) {
          l.bindTooltip(f.properties.name, { permanent: f.properties.kind === 'road', direction: 'center', className: 'basemap-label' });
        }
      },
    }).addTo(map);
    layer.bringToBack();
  }).catch(() => {});
}

/** The nearest door/landmark/road address of a point, or null. */
export async function reverseGeocode(lat, lon) {
  try {
    const r = await fetch(`/api/geocode/reverse?lat=${lat}&lon=${lon}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const a = r.ok ? await r.json() : null;
    return a && a.found ? a.address : null;
  } catch (offline) {
    return null;
  }
}
