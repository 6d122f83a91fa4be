// 离线矢量底图: Mapbox Vector Tiles from the box (/api/public/basemap/tiles/z/x/y.pbf) decoded and drawn on canvas
// tiles — roads with their names, landmarks, grid outlines; any other archive's layers (OpenMapTiles-like: water,
// landuse, building, transportation, place) in plain colours. Zooms past the archive's deepest are drawn from its tiles.
import L from 'leaflet';

/** A protobuf reader, as much as MVT needs. */
class Pbf {
  constructor(buf, pos, end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  varint() {
    let value = 0;
    let shift = 0;
    let b;
    do {
      b = this.buf[this.pos++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && this.pos < this.end);
    return value;
  }

  sub() {
    const len = this.varint();
    const start = this.pos;
    this.pos += len;
    return new Pbf(this.buf, start, start + len);
  }

  string() {
    const s = this.sub();
    return new TextDecoder().decode(this.buf.subarray(s.pos, s.end));
  }

  packed() {
    const s = this.sub();
    const out = [];
    while (s.pos < s.end) {
      out.push(s.varint());
    }
    return out;
  }

  fixed(bytes, read) {
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, bytes);
    this.pos += bytes;
    return read(view);
  }

  skip(type) {
    if (type === 0) {
      this.varint();
    } else if (type === 1) {
      this.pos += 8;
    } else if (type === 2) {
      this.pos += this.varint();
    } else if (type === 5) {
      this.pos += 4;
    } else {
      throw new Error(`protobuf wire type ${type}`);
    }
  }

  each(fn) {
    while (this.pos < this.end) {
      const key = this.varint();
      fn(key >> 3, key & 7);
    }
  }
}

const zigzag = (n) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

function value(p) {
  let v = null;
  p.each((tag, type) => {
    if (tag === 1) v = p.string();
    else if (tag === 2) v = p.fixed(4, (d) => d.getFloat32(0, true));
    else if (tag === 3) v = p.fixed(8, (d) => d.getFloat64(0, true));
    else if (tag === 4 || tag === 5) v = p.varint();
    else if (tag === 6) v = zigzag(p.varint());
    else if (tag === 7) v = p.varint() === 1;
    else p.skip(type);
  });
  return v;
}

function geometry(commands) {
  const parts = [];
  let part = null;
  let x = 0;
  let y = 0;
  for (let i = 0; i < commands.length;) {
    const id = commands[i] & 0x7;
    const count = commands[i] >> 3;
    i++;
    if (id === 7) {
      if (part && part.length) part.push(part[0]);
      continue;
    }
    for (let c = 0; c < count && i + 1 < commands.length; c++) {
      x += zigzag(commands[i++]);
      y += zigzag(commands[i++]);
      if (id === 1) {
        part = [];
        parts.push(part);
      }
      if (part) part.push([x, y]);
    }
  }
  return parts;
}

function layer(p) {
  const out = { name: '', extent: 4096, features: [] };
  const keys = [];
  const values = [];
  const raw = [];
  p.each((tag, type) => {
    if (tag === 1) out.name = p.string();
    else if (tag === 2) raw.push(p.sub());
    else if (tag === 3) keys.push(p.string());
    else if (tag === 4) values.push(value(p.sub()));
    else if (tag === 5) out.extent = p.varint();
    else p.skip(type);
  });
  for (const f of raw) {
    const feature = { type: 0, props: {}, parts: [] };
    f.each((tag, type) => {
      if (tag === 2) {
        const tags = f.packed();
        for (let i = 0; i + 1 < tags.length; i += 2) feature.props[keys[tags[i]]] = values[tags[i + 1]];
      } else if (tag === 3) feature.type = f.varint();
      else if (tag === 4) feature.parts = geometry(f.packed());
      else f.skip(type);
    });
    out.features.push(feature);
  }
  return out;
}

/** The layers of one MVT tile: [{name, extent, features: [{type 1|2|3, props, parts: [[[x, y]…]…]}]}]. */
export function decodeTile(bytes) {
  const p = new Pbf(bytes, 0, bytes.length);
  const layers = [];
  p.each((tag, type) => (tag === 3 ? layers.push(layer(p.sub())) : p.skip(type)));
  return layers;
}

const FILLS = { water: '#bfdbfe', building: '#e2e8f0', park: '#dcfce7', landcover: '#ecfccb', landuse: '#f1f5f9' };
const ORDER = ['landuse', 'landcover', 'park', 'water', 'building', 'grids', 'boundary', 'waterway', 'transportation', 'roads', 'landmarks', 'poi', 'place'];
const rank = (name) => (ORDER.indexOf(name) < 0 ? 5 : ORDER.indexOf(name));
const labelOf = (props) => props['name:zh'] || props.name_zh || props.name || '';
const isRoad = (name) => name === 'roads' || name === 'transportation' || name === 'transportation_name';

function path(ctx, part, at) {
  ctx.beginPath();
  part.forEach((pt, i) => (i === 0 ? ctx.moveTo(...at(pt)) : ctx.lineTo(...at(pt))));
}

function drawLines(ctx, l, at) {
  const road = isRoad(l.name);
  const passes = road ? [['#d97706', 6], ['#fef3c7', 4]] : l.name === 'grids' ? [['#94a3b8', 0.8]] : [[l.name.startsWith('water') ? '#60a5fa' : '#cbd5e1', 1.2]];
  for (const [colour, width] of passes) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(l.name === 'grids' ? [3, 3] : []);
    for (const f of l.features.filter((x) => x.type === 2)) f.parts.forEach((part) => { path(ctx, part, at); ctx.stroke(); });
  }
  ctx.setLineDash([]);
}

function halo(ctx, text, x, y) {
  ctx.strokeStyle = 'rgba(255,255,255,.9)';
  ctx.lineWidth = 3;
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

/** A road's name along its longest segment inside the tile, once per tile, only where it fits whole. */
function lineLabel(ctx, f, at, size, drawn) {
  const name = labelOf(f.props);
  if (!name || drawn.has(name)) return;
  let best = null;
  for (const part of f.parts) {
    for (let i = 1; i < part.length; i++) {
      const a = at(part[i - 1]);
      const b = at(part[i]);
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (!best || len > best.len) best = { a, b, len };
    }
  }
  const width = ctx.measureText(name).width;
  if (!best || best.len < width + 8) return;
  const mx = (best.a[0] + best.b[0]) / 2;
  const my = (best.a[1] + best.b[1]) / 2;
  let angle = Math.atan2(best.b[1] - best.a[1], best.b[0] - best.a[0]);
  if (angle > Math.PI / 2) angle -= Math.PI;
  if (angle < -Math.PI / 2) angle += Math.PI;
  const reach = width / 2 + 6;
  if (mx - reach < 0 || mx + reach > size || my - reach < 0 || my + reach > size) return;
  ctx.save();
  ctx.translate(mx, my);
  ctx.rotate(angle);
  ctx.fillStyle = '#78350f';
  halo(ctx, name, -width / 2, 4);
  ctx.restore();
  drawn.add(name);
}

function drawPoints(ctx, l, at, size, drawn) {
  for (const f of l.features.filter((x) => x.type === 1)) {
    for (const part of f.parts) {
      const [x, y] = at(part[0]);
      if (x < 0 || y < 0 || x > size || y > size) continue;
      ctx.fillStyle = '#64748b';
      ctx.beginPath();
      ctx.arc(x, y, 3, 0, 2 * Math.PI);
      ctx.fill();
      const name = labelOf(f.props);
      if (name && x + 6 + ctx.measureText(name).width < size && !drawn.has(name)) {
        ctx.fillStyle = '#334155';
        halo(ctx, name, x + 6, y + 4);
        drawn.add(name);
      }
    }
  }
}

/** Draws decoded layers on a canvas; returns the names written on it. */
export function drawTile(canvas, layers, view) {
  const ctx = canvas.getContext('2d');
  const { size, scale, ox, oy } = view;
  ctx.scale(canvas.width / size, canvas.height / size);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.font = '12px "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';
  const sorted = [...layers].sort((a, b) => rank(a.name) - rank(b.name));
  for (const l of sorted) {
    const at = (p) => [(p[0] / l.extent) * size * scale - ox * size, (p[1] / l.extent) * size * scale - oy * size];
    ctx.fillStyle = FILLS[l.name] || '#f1f5f9';
    for (const f of l.features.filter((x) => x.type === 3)) {
      ctx.beginPath();
      f.parts.forEach((part) => part.forEach((pt, i) => (i === 0 ? ctx.moveTo(...at(pt)) : ctx.lineTo(...at(pt)))));
      ctx.fill('evenodd');
    }
    drawLines(ctx, l, at);
  }
  const drawn = new Set();
  for (const l of sorted) {
    const at = (p) => [(p[0] / l.extent) * size * scale - ox * size, (p[1] / l.extent) * size * scale - oy * size];
    if (isRoad(l.name)) l.features.filter((f) => f.type === 2).forEach((f) => lineLabel(ctx, f, at, size, drawn));
    drawPoints(ctx, l, at, size, drawn);
  }
  return [...drawn];
}

/** The box's vector tiles as a Leaflet layer (canvas per tile, under every overlay). */
export const VectorTileLayer = L.GridLayer.extend({
  options: { tiles: '', maxDataZoom: 17, minDataZoom: 0, maxZoom: 22 },

  createTile(coords, done) {
    const size = this.getTileSize().x;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const canvas = L.DomUtil.create('canvas', 'basemap-tile');
    canvas.width = size * ratio;
    canvas.height = size * ratio;
    const dz = Math.max(0, coords.z - this.options.maxDataZoom);
    const sx = Math.floor(coords.x / 2 ** dz);
    const sy = Math.floor(coords.y / 2 ** dz);
    const sz = coords.z - dz;
    if (sz < this.options.minDataZoom) {
      setTimeout(() => done(null, canvas), 0);
      return canvas;
    }
    const url = this.options.tiles.replace('{z}', sz).replace('{x}', sx).replace('{y}', sy);
    fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.arrayBuffer() : null))
      .then((buf) => {
        if (buf) {
          const names = drawTile(canvas, decodeTile(new Uint8Array(buf)), { size, scale: 2 ** dz, ox: coords.x - sx * 2 ** dz, oy: coords.y - sy * 2 ** dz });
          canvas.dataset.labels = names.join('|');
          canvas.classList.add('basemap-drawn');
        }
        done(null, canvas);
      })
      .catch((e) => done(e, canvas));
    return canvas;
  },
});
