/*
 * Komek's service worker: the resident app works offline.
 * - The app shell (the page, its hashed scripts and styles, icons) is cached; navigations go to
 *   the network first and fall back to the cached page.
 * - Reference data a report needs (categories, districts, city settings) is served from the
 *   network, else from the last copy. Everything else under /api is never cached (it is personal).
 * - Web push: shows the notification and opens the request when tapped.
 * Reports written offline wait in IndexedDB and are sent by the page (see resident/drafts.ts).
 */
const SHELL = 'komek-shell-v1';
const DATA = 'komek-data-v1';
const SHELL_URLS = ['/', '/manifest.webmanifest', '/icon.svg', '/icons/icon-192.png'];
const DATA_PATHS = ['/api/v1/categories', '/api/v1/districts', '/api/v1/public/settings'];
const NOT_RESIDENT = /^\/(console|panel|docs|api|open311|health|openapi)/;

async function precache() {
  const cache = await caches.open(SHELL);
  await cache.addAll(SHELL_URLS);
  // The page names its entry script and stylesheet: cache them with it.
  const html = await (await cache.match('/')).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page tells us what it loaded before we existed (first visit), so we cache that too.
self.addEventListener('message', (event) => {
  const d = event.data;
  if (d && d.type === 'cache' && Array.isArray(d.urls)) {
    const urls = d.urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin);
    event.waitUntil(caches.open(SHELL).then((c) => Promise.all(urls.map((u) => c.match(u).then((hit) => hit || c.add(u).catch(() => undefined))))));
  }
});

// Network first, so the resident sees fresh pages; the saved copy when the network fails or is
// slow (a slow network should not keep them waiting for a page the phone already has).
async function networkFirst(request, cacheName, fallbackUrl, timeoutMs = 6000) {
  const cache = await caches.open(cacheName);
  const key = fallbackUrl || request;
  const network = fetch(request).then(async (res) => {
    if (res.ok) await cache.put(key, res.clone());
    return res;
  });
  const slow = new Promise((resolve) => setTimeout(() => resolve(undefined), timeoutMs));
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await cache.match(key)) || (await network);
  } catch (err) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    if (NOT_RESIDENT.test(url.pathname)) return;
    // Every resident page is the same app shell: keep one copy, under '/'.
    event.respondWith(networkFirst(req, SHELL, '/'));
    return;
  }
  if (DATA_PATHS.includes(url.pathname)) {
    event.respondWith(networkFirst(req, DATA));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(req));
    return;
  }
  if (SHELL_URLS.includes(url.pathname) || url.pathname.startsWith('/icons/')) event.respondWith(networkFirst(req, SHELL));
});

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = data.title || 'Komek 109';
  const url = data.url || (data.number ? `/app/requests/${data.number}` : '/app/requests');
  event.waitUntil(self.registration.showNotification(title, { body: data.body || '', icon: '/icons/icon-192.png', badge: '/icons/icon-192.png', tag: data.number || 'komek', data: { url } }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/app/requests';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
      const open = list.find((c) => new URL(c.url).origin === self.location.origin);
      if (open) return open.focus().then((c) => c.navigate(url));
      return self.clients.openWindow(url);
    }),
  );
});
