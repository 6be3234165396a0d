// Keeps a copy of the on-site checklist pages and their script and style on the phone, so a sampler
// can open a checklist again where there is no connection (a phone often reloads a tab it had put
// away). Online, the server's page always wins and refreshes the copy; nothing else is touched.
'use strict';

const PAGES = 'riskmonitor-checklist-pages';

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

function kept(url) {
  const path = new URL(url).pathname;
  return (path.startsWith('/sampling/') && path.endsWith('/checklist'))
    || path === '/checklist.js' || path === '/checklist.css';
}

self.addEventListener('fetch', function (event) {
  const request = event.request;
  if (request.method !== 'GET' || !kept(request.url)) {
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    // a login page reached by a redirect is not the checklist
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(PAGES).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(request, { ignoreSearch: true });
    }).then(function (copy) {
      return copy || Response.error();
    });
  }));
});
