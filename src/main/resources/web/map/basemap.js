// 离线底图 and 逆地理编码, shared by the map pages: the box's own roads and landmarks (GET /api/basemap, GeoJSON with
// names) drawn under the grids when no tile server is configured, and the nearest gazetteer address of a picked point.
import L from 'leaflet';

/** Adds the box's road/landmark layer to a map (below the grids); road names as tooltips, landmarks as small dots. */
export function addBaseMap(map, hasTiles) {
  if (hasTiles) {
    return;
  }
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
