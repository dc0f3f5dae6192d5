// The scripts the bench compares, and how a page installs each one and sends a page view with it.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EDGE_HOST } from './startBenchServer.mjs';
import { ORG_ID } from './edgeAnswer.mjs';

/** A made-up datastream; the bench's Edge accepts any. */
export const DATASTREAM_ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
/** The visitor's address: ours hashes it in the page, alloy gets the digest (it does not hash). */
export const EMAIL = 'Jane.Doe@Example.com';
const EMAIL_DIGEST = createHash('sha256').update(EMAIL.trim().toLowerCase()).digest('hex');

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

// Link tracking off, as alloy's click collection is below: the page views are what is compared.
const ourConfigure = `edgeCollector('configure', { datastreamId: '${DATASTREAM_ID}', edgeUrl: 'https://${EDGE_HOST}', edgeBasePath: 'ee', clickCollectionEnabled: false });`;

/** One of our standalone scripts; `file` is relative to the checkout, or absolute (`--compare`). */
export function ourContestant(id, label, file) {
  return {
    id,
    role: 'ours',
    label,
    file,
    scriptPath: `/${id}.js`,
    // The documented install: the snippet, the calls it queues, the script loaded async.
    installHtml: (scriptPath) => `<script>${read('src/browser/snippet.js').trim()}</script>
<script>${ourConfigure}</script>
<script async src="${scriptPath}"></script>`,
    // The cold measure: the script already evaluated, configure called with the first send.
    coldHtml: (scriptPath) => `<script src="${scriptPath}"></script>`,
    configureStatement: ourConfigure,
    sendExpression: `edgeCollector('sendPageView', { email: ${JSON.stringify(EMAIL)} })`,
    readyExpression: `typeof edgeCollector === 'function' && !edgeCollector.q`,
  };
}

/** Alloy's base code, written out here: a queueing stub named in `__alloyNS` that the library replays. */
const alloyBaseCode =
  '(function(w,names){names.forEach(function(name){if(w[name])return;(w.__alloyNS=w.__alloyNS||[]).push(name);' +
  'var f=w[name]=function(){var args=arguments;return new Promise(function(resolve,reject){f.q.push([resolve,reject,args])})};f.q=[]})})(window,["alloy"]);';

const alloyConfig = {
  datastreamId: DATASTREAM_ID,
  orgId: ORG_ID,
  edgeDomain: EDGE_HOST,
  edgeBasePath: 'ee',
  defaultConsent: 'in',
  thirdPartyCookiesEnabled: false,
  // Off for both (see ourConfigure): click collection adds listeners, and events of its own.
  clickCollectionEnabled: false,
};

// The same XDM our collector builds for a page view (alloy's context adds URL, device, environment
// and place itself), with the identity map ours derives from the address.
const alloyPageView = {
  xdm: {
    eventType: 'web.webpagedetails.pageViews',
    web: { webPageDetails: { pageViews: { value: 1 } } },
    identityMap: { Email_LC_SHA256: [{ id: EMAIL_DIGEST, primary: true }] },
  },
};

const alloyConfigure = `alloy('configure', ${JSON.stringify(alloyConfig)});`;

const alloy = {
  id: 'alloy',
  role: 'alloy',
  label: `alloy ${JSON.parse(read('node_modules/@adobe/alloy/package.json')).version}`,
  file: 'node_modules/@adobe/alloy/dist/alloy.min.js',
  scriptPath: '/alloy.js',
  installHtml: (scriptPath) => `<script>${alloyBaseCode}</script>
<script>${alloyConfigure}</script>
<script async src="${scriptPath}"></script>`,
  coldHtml: (scriptPath) => `<script>${alloyBaseCode}</script>
<script src="${scriptPath}"></script>`,
  configureStatement: alloyConfigure,
  sendExpression: `alloy('sendEvent', (function (o) { o.xdm.web.webPageDetails.name = document.title; return o; })(${JSON.stringify(alloyPageView)}))`,
  readyExpression: `typeof alloy === 'function' && alloy.q && alloy.q.push !== Array.prototype.push`,
};

// The floor: one hand-built page-view body (the same fields, the address already hashed), one
// `fetch` as a simple CORS request with the Edge Network's cookies, the answer read. No library.
const bareSend = `window.__bareSend = function () {
  var id = crypto.randomUUID();
  var body = JSON.stringify({ event: { xdm: { _id: crypto.randomUUID(), timestamp: new Date().toISOString(),
    eventType: 'web.webpagedetails.pageViews',
    web: { webPageDetails: { name: document.title, URL: location.href, pageViews: { value: 1 } } },
    identityMap: { Email_LC_SHA256: [{ id: '${EMAIL_DIGEST}', primary: true }] } } } });
  return fetch('https://${EDGE_HOST}/ee/v2/interact?dataStreamId=${DATASTREAM_ID}&requestId=' + id,
    { method: 'POST', body: body, credentials: 'include', keepalive: true }).then(function (r) { return r.json(); });
};`;

/** A contestant without a library: a page script that defines `window.__{id}Send()`. */
const scriptless = (id, label, pageScript) => ({
  id,
  role: id,
  label,
  // No script to ship or evaluate: it takes part in the send, burst and cold measures only.
  file: null,
  installHtml: () => `<script>${pageScript}</script>`,
  // Nothing to configure: the first send is the first fetch of the page.
  coldHtml: () => `<script>${pageScript}</script>`,
  sendExpression: `window.__${id}Send()`,
  readyExpression: 'true',
});

const bare = scriptless('bare', 'bare fetch', bareSend);

// The contract's floor: the bare fetch plus only what Adobe's contract makes any browser client of
// the Edge Network do for a page view, each as cheaply as the platform allows, with no library:
// the address hashed in the page (WebCrypto), consent remembered across pages read before sending
// (localStorage) and another tab's decision heard (a `storage` listener), the Edge Network's
// cookies read once per page and sent back in `meta.state`, and the `state:store` entries of
// each answer written as first-party cookies on the registrable domain (found as Adobe's Web SDK
// finds it, by a probe cookie, once per origin) when they changed. The page-level work runs once
// per page, as a library does it at `configure`; the digest is remembered per page.
const floorSend = `window.__floorSend = function () {
  var floor = window.__floor;
  if (!floor) {
    floor = window.__floor = { consent: localStorage.getItem('floor:consent') || 'in', jar: {}, written: {} };
    addEventListener('storage', function (event) { if (event.key === 'floor:consent') floor.consent = event.newValue; });
    document.cookie.split('; ').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (pair.slice(0, 7) === 'kndctr_') floor.jar[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
    });
    floor.digest = crypto.subtle.digest('SHA-256', new TextEncoder().encode(${JSON.stringify(EMAIL)}.trim().toLowerCase()))
      .then(function (buffer) { return Array.from(new Uint8Array(buffer), function (byte) { return (byte + 256).toString(16).slice(1); }).join(''); });
  }
  if (floor.consent !== 'in') return Promise.reject(new Error('consent is ' + floor.consent));
  return floor.digest.then(function (digest) {
    var entries = Object.keys(floor.jar).map(function (key) { return { key: key, value: floor.jar[key] }; });
    var body = JSON.stringify({ event: { xdm: { _id: crypto.randomUUID(), timestamp: new Date().toISOString(),
      eventType: 'web.webpagedetails.pageViews',
      web: { webPageDetails: { name: document.title, URL: location.href, pageViews: { value: 1 } } },
      identityMap: { Email_LC_SHA256: [{ id: digest, primary: true }] } } },
      meta: entries.length ? { state: { entries: entries } } : undefined });
    return fetch('https://${EDGE_HOST}/ee/v2/interact?dataStreamId=${DATASTREAM_ID}&requestId=' + crypto.randomUUID(),
      { method: 'POST', body: body, credentials: 'include', keepalive: true });
  }).then(function (response) { return response.json(); }).then(function (answer) {
    if (floor.domain === undefined) floor.domain = localStorage.getItem('floor:domain');
    if (floor.domain === null) {
      var labels = location.hostname.split('.');
      floor.domain = '';
      for (var i = labels.length - 2; i >= 0 && !floor.domain; i--) {
        var domain = labels.slice(i).join('.');
        var probe = 'floor_probe=1; path=/; domain=' + domain;
        document.cookie = probe;
        if (document.cookie.indexOf('floor_probe=1') >= 0) {
          document.cookie = probe + '; max-age=0';
          floor.domain = domain;
        }
      }
      localStorage.setItem('floor:domain', floor.domain);
    }
    answer.handle.forEach(function (handle) {
      if (handle.type !== 'state:store') return;
      handle.payload.forEach(function (entry) {
        if (floor.jar[entry.key] === entry.value && floor.written[entry.key]) return;
        floor.jar[entry.key] = entry.value;
        floor.written[entry.key] = true;
        document.cookie = entry.key + '=' + encodeURIComponent(entry.value) + '; path=/; domain=' + floor.domain +
          '; max-age=' + entry.maxAge + '; SameSite=Lax; Secure';
      });
    });
    return answer;
  });
};`;

const floor = scriptless('floor', 'contract floor', floorSend);

/**
 * The contestants present in this checkout: our standalone script, our Web Vitals build when it has
 * been built, another build of ours given as `compare`, alloy, a bare `fetch` and the contract's
 * floor. Each has a `role`: ours are divided by the three references.
 */
export function contestants({ compare } = {}) {
  const list = [ourContestant('ours', 'edge-collector', 'dist/edge-collector.min.js')];
  if (existsSync(new URL('dist/edge-collector.vitals.min.js', root))) {
    list.push(ourContestant('oursVitals', 'edge-collector + vitals', 'dist/edge-collector.vitals.min.js'));
  }
  // Another build of ours (e.g. the one before a change), measured in the same run.
  if (compare) list.push(ourContestant('oursCompare', `edge-collector (${compare})`, resolve(compare)));
  list.push(alloy, bare, floor);
  for (const contestant of list) {
    if (contestant.file && !existsSync(new URL(contestant.file, root)))
      throw new Error(`${contestant.file} is missing: run \`npm run build\` (and \`npm install\`) first`);
  }
  return list;
}

/** Reads a contestant's script from disk (empty for the bare fetch, which has none). */
export const readScript = (contestant) =>
  contestant.file ? readFileSync(new URL(contestant.file, root)) : Buffer.alloc(0);
