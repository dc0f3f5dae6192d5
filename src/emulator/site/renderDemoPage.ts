/** The demo site's pages, by path under `/demo/`. */
export const DEMO_PAGES = {
  '': { title: 'Home', heading: 'Welcome to the Edge Collector demo store' },
  products: { title: 'Products', heading: 'Products' },
  signup: { title: 'Sign up', heading: 'Sign up for our newsletter' },
  thanks: { title: 'Thank you', heading: 'Thank you!' },
} as const;

/** One demo page's name. */
export type DemoPage = keyof typeof DEMO_PAGES;

/** What a demo page needs: where the Edge Network is, which datastream, and the loader snippet. */
export interface DemoSettings {
  origin: string;
  datastreamId: string;
  snippet: string;
}

// Inline script data must not be able to close the <script> element.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BODIES: Record<DemoPage, string> = {
  '': `<p>Every page of this little site sends a page view to the emulated Edge Network. Open the
<a href="/" target="_blank" rel="noopener">inspector</a> next to this tab and watch them arrive.</p>
<p>Then look at the <a href="/demo/products">products</a>, or <a href="/demo/signup">sign up</a> with an e-mail
address: it is hashed in the browser (<code>Email_LC_SHA256</code>) and never leaves the page in clear.</p>`,
  products: `<ul class="products">
<li><h2>Trail shoes</h2><p>Light, grippy, waterproof.</p><button data-sku="SHOE-1" data-name="Trail shoes" data-price="89">View details</button></li>
<li><h2>Rain jacket</h2><p>Packs into its own pocket.</p><button data-sku="JACKET-2" data-name="Rain jacket" data-price="129">View details</button></li>
<li><h2>Water bottle</h2><p>Keeps cold for 24 hours.</p><button data-sku="BOTTLE-3" data-name="Water bottle" data-price="25">View details</button></li>
</ul>
<p id="status" role="status"></p>
<script>
document.querySelectorAll('.products button').forEach(function (button) {
  button.addEventListener('click', function () {
    var status = document.getElementById('status');
    edgeCollector('sendEvent', {
      eventType: 'commerce.productViews',
      xdm: {
        commerce: { productViews: { value: 1 } },
        productListItems: [{ SKU: button.dataset.sku, name: button.dataset.name, priceTotal: Number(button.dataset.price), quantity: 1 }]
      }
    }).then(function (result) {
      status.textContent = 'Product view sent (request ' + result.requestId + ').';
    }, function (error) {
      status.textContent = 'Not sent: ' + error.message;
    });
  });
});
</script>`,
  signup: `<form id="signup">
<label for="email">E-mail address</label>
<input id="email" name="email" type="email" required placeholder="ada@example.com" autocomplete="email">
<button type="submit">Sign up</button>
</form>
<p class="hint">The address is hashed with SHA-256 in the browser; the emulator flags any plain address it receives.</p>
<p id="status" role="status"></p>
<script>
document.getElementById('signup').addEventListener('submit', function (submit) {
  submit.preventDefault();
  var status = document.getElementById('status');
  edgeCollector('sendEvent', {
    eventType: 'web.formFilledOut',
    email: document.getElementById('email').value,
    xdm: { web: { webInteraction: { name: 'newsletter-signup', type: 'other', linkClicks: { value: 1 } } } }
  }).then(function () {
    location.href = '/demo/thanks';
  }, function (error) {
    status.textContent = 'Not sent: ' + error.message;
  });
});
</script>`,
  thanks: `<p>You are signed up. The inspector shows the form event with a hashed e-mail identity.</p>`,
};

// The header's consent buttons: the decision goes to the emulated Edge Network (privacy/set-consent),
// shows in the inspector's Consent panel, and holds on later pages (Decline: nothing more is sent).
const CONSENT_SCRIPT = `<script>
document.querySelectorAll('[data-consent]').forEach(function (button) {
  button.addEventListener('click', function () {
    var status = document.getElementById('consent-status');
    edgeCollector('setConsent', button.dataset.consent).then(function () {
      status.textContent = 'Consent "' + button.dataset.consent + '" recorded by the Edge Network.';
    }, function (error) {
      status.textContent = 'Consent not recorded: ' + error.message;
    });
  });
});
</script>`;

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; background: #f6f7fb; }
body { margin: 0; }
header { background: #1d2330; color: #fff; padding: 14px 32px; display: flex; gap: 24px; align-items: center; }
header strong { font-size: 18px; margin-right: auto; }
header a { color: #cfd6ff; text-decoration: none; }
header a[aria-current] { color: #fff; font-weight: 600; }
.consent { display: flex; gap: 6px; align-items: center; font-size: 14px; color: #cfd6ff; }
.consent button { padding: 4px 10px; }
main { max-width: 760px; margin: 32px auto; padding: 0 24px; line-height: 1.55; }
.products { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; }
.products li { background: #fff; border-radius: 10px; padding: 16px; box-shadow: 0 1px 3px rgb(0 0 0 / 12%); }
.products h2 { font-size: 17px; margin: 0 0 6px; }
button { background: #3b5bfd; color: #fff; border: 0; border-radius: 6px; padding: 8px 14px; font: inherit; cursor: pointer; }
form { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
input { font: inherit; padding: 7px 10px; border: 1px solid #b8bfd0; border-radius: 6px; min-width: 260px; }
.hint { color: #5b6478; font-size: 14px; }
`;

/**
 * Renders one demo page: the loader snippet, `configure` with the emulator as `edgeUrl`, a page
 * view, and the page's own interactions. Values go into the inline script as escaped JSON.
 */
export function renderDemoPage(page: DemoPage, settings: DemoSettings): string {
  const { title, heading } = DEMO_PAGES[page];
  const nav = (Object.keys(DEMO_PAGES) as DemoPage[])
    .filter((name) => name !== 'thanks')
    .map(
      (name) =>
        `<a href="/demo/${name}"${name === page ? ' aria-current="page"' : ''}>${DEMO_PAGES[name].title}</a>`,
    )
    .join('');
  const config = { datastreamId: settings.datastreamId, edgeUrl: settings.origin, debug: true };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Edge Collector demo</title>
<style>${STYLE}</style>
<script>${settings.snippet}</script>
<script>
edgeCollector('configure', ${scriptJson(config)});
edgeCollector('sendPageView', { name: ${scriptJson(`demo:${page || 'home'}`)} });
</script>
<script async src="/dist/edge-collector.min.js"></script>
</head>
<body>
<header><strong>Demo store</strong>${nav}<a href="/" target="_blank" rel="noopener">Inspector ↗</a>
<span class="consent">Tracking: <button type="button" data-consent="in">Accept</button><button type="button" data-consent="out">Decline</button></span></header>
<main>
<h1>${escapeHtml(heading)}</h1>
${BODIES[page]}
<p id="consent-status" class="hint" role="status"></p>
</main>
${CONSENT_SCRIPT}
</body>
</html>
`;
}
