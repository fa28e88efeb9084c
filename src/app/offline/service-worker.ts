// The offline copy of the page. Installed after a first visit; from then on the page, its lazy
// chunks, the parse worker and the icons are served from the cache, so a reload with no network
// still works. The build (src/build/precache.ts) prepends __PRECACHE__: the files and a cache name
// that changes whenever any of them does. A new version waits until every tab of the old one is
// closed, so an open page never gets chunks of another build.

declare const __PRECACHE__: { cache: string; files: string[] };

const sw = globalThis as unknown as ServiceWorkerGlobalScope;
const { cache: CACHE, files: FILES } = __PRECACHE__;
const PREFIX = 'kvp-analyzer-';

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The visit that installed it is served from the cache from now on, lazy chunks included.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const url = new URL(request.url);
      // The page itself whatever its query: "./", "./index.html", "./?x".
      const isPage =
        request.mode === 'navigate' &&
        (url.href.split(/[?#]/)[0] === sw.registration.scope ||
          url.pathname === new URL('index.html', sw.registration.scope).pathname);
      // ignoreVary: the page asks for its scripts with an Origin header (crossorigin), the
      // precache did not, and hosts answer with "Vary: Origin".
      const cached = await cache.match(isPage ? './' : request, { ignoreVary: true });
      return cached ?? fetch(request);
    })(),
  );
});
