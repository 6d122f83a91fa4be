// 火星坐标 (GCJ-02) in the browser: a Leaflet CRS that draws the box's WGS84 data on GCJ-02 tiles (高德/腾讯) and turns
// picked points back into WGS84. The same public algorithm as org.civicgrid.grid.ChinaCoordinates (the server's copy).
import L from 'leaflet';

const A = 6378245.0;
const EE = 0.00669342162296594323;

function outsideChina(lat, lon) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x, y) {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLon(x, y) {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS84 → GCJ-02, [lat, lon]. */
export function toGcj02(lat, lon) {
  if (outsideChina(lat, lon)) {
    return [lat, lon];
  }
  const x = lon - 105.0;
  const y = lat - 35.0;
  const radLat = (lat * Math.PI) / 180;
  const magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(x, y) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (transformLon(x, y) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lat + dLat, lon + dLon];
}

/** GCJ-02 → WGS84 by fixed-point iteration (well under a millimetre). */
export function toWgs84(lat, lon) {
  if (outsideChina(lat, lon)) {
    return [lat, lon];
  }
  let wLat = lat;
  let wLon = lon;
  for (let i = 0; i < 30; i++) {
    const f = toGcj02(wLat, wLon);
    const eLat = lat - f[0];
    const eLon = lon - f[1];
    wLat += eLat;
    wLon += eLon;
    if (Math.abs(eLat) < 1e-12 && Math.abs(eLon) < 1e-12) {
      break;
    }
  }
  return [wLat, wLon];
}

const mercator = L.Projection.SphericalMercator;

/** Web Mercator over GCJ-02: layers keep WGS84 lat/lngs, the map places them where GCJ-02 tiles draw them. */
export const GCJ02_CRS = L.extend({}, L.CRS.EPSG3857, {
  code: 'GCJ02',
  projection: {
    bounds: mercator.bounds,
    project(latlng) {
      const g = toGcj02(latlng.lat, latlng.lng);
      return mercator.project(L.latLng(g[0], g[1]));
    },
    unproject(point) {
      const g = mercator.unproject(point);
      const w = toWgs84(g.lat, g.lng);
      return L.latLng(w[0], w[1]);
    },
  },
});
