// Installs the service worker (service-worker.ts) once the page has loaded, so its precache —
// every chunk, the worker, the icons — downloads after the page is usable, never before.
// Not from disk (the single file needs none) and not on the dev server (there is no sw.js).
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || import.meta.env.MODE === 'single') return;
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const register = () => {
    // A browser that refuses (private mode, a policy) still has the online page.
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
