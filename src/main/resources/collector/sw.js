// 城管通 service worker (scope /m/): keeps the app page, its bundled assets and the last task/class lists so the
// collector opens and works without network. Uploads never go through here: the page queues them in IndexedDB and
// sends them itself when the network is back (idempotent by clientRef).
const CACHE = 'civicgrid-collector-v2';
// 离线底图: base-map tiles seen once stay for offline use; their URL carries the archive's version, so cache-first is safe
const TILES = 'civicgrid-basemap-v1';
const CACHED_API = ['/api/m/me', '/api/m/classes', '/api/m/tasks', '/api/m/handling'];

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE && k !== TILES).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  const keep = url.pathname.startsWith('/m/') || url.pathname.startsWith('/static/') || CACHED_API.includes(url.pathname)
    || /^\/api\/cases\/\d+\/attachments\/\d+$/.test(url.pathname) || url.pathname === '/api/grids/geojson';
  if (keep) {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith('/api/public/basemap/tiles/')) {
    event.respondWith(cacheFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(TILES);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      cache.put(request, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) {
      return cached;
    }
    throw offline;
  }
}

/** The app page and every script and stylesheet it links (the bundle names carry a hash, so they are read from it). */
async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('/m/', { credentials: 'same-origin' });
  if (!page.ok || page.redirected) {
    return;
  }
  const html = await page.clone().text();
  await cache.put('/m/', page);
  const assets = [...html.matchAll(/(?:src|href)="(\/(?:static|m)\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(assets.map((a) => fetch(a).then((r) => (r.ok ? cache.put(a, r) : null)).catch(() => null)));
}
