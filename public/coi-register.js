/*
 * Makes the page cross-origin isolated where the server does not (see coi-sw.js). Loaded by a
 * plain <script> in index.html's <head>, before the app, and does nothing when the page is
 * already isolated (the dev server sends the headers itself).
 *
 * Otherwise it registers coi-sw.js (its scope is this script's folder, so the site works from a
 * sub-path) and reloads the page once the worker controls it. It reloads at most once per load
 * the user starts: the attempt is remembered (with its time) in localStorage, and a page that comes
 * back from that reload still not isolated gives up and stays as it is (the app then explains
 * that the browser cannot isolate it), as does a page without service workers (file://, some
 * private modes). Not sessionStorage: Chromium gives the isolated page (COOP moves it to a new
 * browsing context group) a copy of it, so the isolated page could not clear the mark for a later
 * load that bypasses the worker (a hard reload). The outcome is left in <html data-isolation="...">:
 *   isolated     the page is cross-origin isolated
 *   pending      the service worker is being installed; the page will reload
 *   unsupported  no service workers here (not a secure context, or disabled)
 *   failed       the service worker did not make the page isolated, or could not be registered
 * In the last two cases the app itself explains the problem; where the app could not even load
 * (a page opened from file:// may not load module scripts) this script writes a plain explanation.
 */
(function () {
  'use strict';
  var ATTEMPT = 'a64play-isolation-reload';
  var ATTEMPT_WINDOW_MS = 60000; // a mark older than this is from an attempt that was never finished
  var root = document.documentElement;
  var storage = null;
  try {
    storage = window.localStorage;
    storage.getItem(ATTEMPT);
  } catch (e) {
    storage = null; // storage disabled: no reloads at all, so no loop
  }

  function state(value) {
    root.setAttribute('data-isolation', value);
    if (value === 'unsupported' || value === 'failed') explainIfBlank();
  }

  var explained = false;
  function explainIfBlank() {
    if (explained) return;
    explained = true;
    window.addEventListener('load', function () {
      var app = document.getElementById('root');
      if (!app || app.childElementCount > 0) return; // the app is there and says it itself
      var box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.setAttribute('data-testid', 'isolation-notice');
      box.style.cssText = 'font: 16px/1.5 system-ui, sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em';
      var title = document.createElement('h1');
      title.style.fontSize = '1.4em';
      title.textContent = 'a64play cannot run here';
      var text = document.createElement('p');
      text.textContent =
        location.protocol === 'file:'
          ? 'This page was opened from a file. Browsers do not let such pages load its scripts or share memory ' +
            'with a worker, which a64play needs. Serve the folder over HTTP instead, e.g. with ' +
            '"python3 -m http.server" in it, and open http://localhost:8000/.'
          : 'The page could not be loaded as a cross-origin isolated page (SharedArrayBuffer is unavailable). ' +
            'Open it over https:// or http://localhost in a current browser.';
      box.appendChild(title);
      box.appendChild(text);
      app.appendChild(box);
    });
  }

  if (window.crossOriginIsolated) {
    if (storage) storage.removeItem(ATTEMPT);
    state('isolated');
    return;
  }
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    state('unsupported');
    return;
  }

  var triedAt = storage !== null ? Number(storage.getItem(ATTEMPT)) : 0;
  var alreadyTried = triedAt > 0 && Math.abs(Date.now() - triedAt) < ATTEMPT_WINDOW_MS;
  if (storage !== null) storage.removeItem(ATTEMPT); // a reload the user starts may try once more
  var script = document.currentScript && document.currentScript.src ? document.currentScript.src : location.href;
  var workerUrl = new URL('coi-sw.js', script);
  var reloading = false;

  function reloadOnce() {
    if (reloading) return;
    if (alreadyTried || storage === null) {
      state('failed');
      return;
    }
    reloading = true;
    storage.setItem(ATTEMPT, String(Date.now()));
    location.reload();
  }

  var controller = navigator.serviceWorker.controller;
  if (controller && controller.scriptURL === workerUrl.href) {
    // Our worker already serves this page and it is still not isolated: reloading will not help.
    state('failed');
    return;
  }

  state('pending');
  navigator.serviceWorker.addEventListener('controllerchange', reloadOnce);
  navigator.serviceWorker
    .register(workerUrl.href, { scope: new URL('./', script).href })
    .then(function (registration) {
      // Already installed, but this load bypassed it (a hard reload): a normal reload goes through it.
      if (registration.active && !navigator.serviceWorker.controller) reloadOnce();
      return navigator.serviceWorker.ready;
    })
    .then(function () {
      // Newly active: its clients.claim() normally fires controllerchange. Should that not come, a
      // reload is still the way to be served by it.
      setTimeout(function () {
        if (!navigator.serviceWorker.controller) reloadOnce();
      }, 1500);
    })
    .catch(function (error) {
      state('failed');
      console.error('a64play: the service worker that provides cross-origin isolation could not be registered:', error);
    });
})();
