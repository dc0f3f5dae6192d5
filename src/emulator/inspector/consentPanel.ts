// The inspector's consent panel: each visitor's latest decision recorded by the emulated
// `privacy/set-consent` (GET /api/consent), refreshed every two seconds, open or closed, so that
// its count in the summary is current. It asks for the newest page only (the paging of
// /api/events), so a refresh costs the same however many visitors are kept. Values are written as
// text, never as HTML.

import type { ConsentRecord } from '../storage/createConsentStore';

const REFRESH_MS = 2000;
/** The newest decisions shown; the summary counts them all. */
const PAGE_SIZE = 100;

function cell(row: HTMLTableRowElement, text: string, className?: string) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

/** Renders the decisions into the panel's table body. */
function render(body: HTMLTableSectionElement, items: ConsentRecord[]) {
  body.replaceChildren();
  for (const item of items) {
    const row = body.insertRow();
    cell(row, item.receivedAt.slice(11, 23));
    cell(row, item.ecid);
    cell(row, item.general, `badge ${item.general === 'in' ? 'ok' : 'bad'}`);
    cell(row, item.consent.map((entry) => `${entry.standard} ${entry.version}`).join(', '));
    cell(row, item.requestId);
    // A leak by the sender, as for events: where the request held a plain e-mail address.
    cell(
      row,
      item.plainEmails ? `plain e-mail in ${item.plainEmails.join(', ')}` : '',
      item.plainEmails && 'badge bad',
    );
  }
}

/** Starts the panel `#consent`: loads the decisions at once, when opened, and every two seconds. */
export function startConsentPanel(): void {
  const panel = document.getElementById('consent') as HTMLDetailsElement | null;
  const body = panel?.querySelector('tbody');
  const count = document.getElementById('count-consent');
  if (!panel || !body) return;
  const load = async () => {
    const response = await fetch(`/api/consent?limit=${PAGE_SIZE}&order=desc`);
    const { items, total } = (await response.json()) as { items: ConsentRecord[]; total: number };
    if (count) count.textContent = String(total);
    render(body, items);
  };
  const refresh = () => void load().catch(() => undefined);
  refresh();
  panel.addEventListener('toggle', () => panel.open && refresh());
  setInterval(refresh, REFRESH_MS);
}
