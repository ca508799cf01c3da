/** Registers the service worker (app shell offline) and hands it what this page loaded, to cache. */
export function registerServiceWorker(): void {
  // Not under the Vite dev server (import.meta.hot), whose modules change under a cache; any build registers it,
  // whatever NODE_ENV it was built with.
  if (!('serviceWorker' in navigator) || import.meta.hot) return;
  const go = () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(async () => {
        const reg = await navigator.serviceWorker.ready;
        // The first visit loaded its scripts before the worker existed: let it cache them now.
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.startsWith(location.origin + '/assets/'));
        reg.active?.postMessage({ type: 'cache', urls: [...urls, location.origin + '/'] });
      })
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
