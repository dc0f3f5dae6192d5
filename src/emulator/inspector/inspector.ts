// The inspector page: lists stored events and refused requests live (server-sent events from
// /api/stream), filters them, and shows one in detail. Every value from a payload is written as
// text (textContent), never as HTML: the payloads come from any page and may hold markup.
//
// It scales to any number of stored events: it loads one page of the newest (GET /api/events with
// `limit` and a cursor, filtered by the server), loads older pages as the list is scrolled to its
// end, and adds a live event by prepending one row, never by rebuilding the list.

import type { Rejection } from '../EmulatorContext';
import type { StoredEvent } from '../storage/createEventStore';
import { startConsentPanel } from './consentPanel';
import { renderSchemaViolations } from './renderSchemaViolations';
import { eventMatches, filterWords, type EventFilter } from '../storage/eventMatches';

type Item =
  | { kind: 'event'; key: string; time: number; event: StoredEvent }
  | { kind: 'refused'; key: string; time: number; rejection: Rejection };

/** Events per page; a live flood keeps at most MAX_ROWS rows (older ones load again on scroll). */
const PAGE_SIZE = 100;
const MAX_ROWS = 1000;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el(tag: string, className?: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const items = new Map<string, Item>();
let selected: string | undefined;
let refusedSeq = 0;
// Where the next page of older events starts; undefined when every matching event is loaded.
let nextCursor: string | undefined;
// Bumped on every reload, so that an answer to an outdated request is ignored.
let generation = 0;
const counts = { events: 0, duplicates: 0, problems: 0, refused: 0 };

const list = byId<HTMLOListElement>('list');
const detail = byId<HTMLElement>('detail');
const more = byId<HTMLButtonElement>('more');
const filterText = byId<HTMLInputElement>('filter-text');
const filterSource = byId<HTMLSelectElement>('filter-source');
const filterProblems = byId<HTMLInputElement>('filter-problems');

const shortId = (id: string | undefined) =>
  id && id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : (id ?? '');
const clock = (time: number) =>
  new Date(time).toLocaleTimeString([], { hour12: false }) + `.${String(time % 1000).padStart(3, '0')}`;

/** The filters as the server reads them (the same rule decides for live events, see eventMatches). */
function currentFilter(): EventFilter {
  const source = filterSource.value;
  return {
    source: source === 'edge' || source === 'inlet' ? source : undefined,
    problems: filterProblems.checked,
    text: filterText.value,
  };
}

function rejectionMatches(rejection: Rejection): boolean {
  const source = filterSource.value;
  if (source && source !== 'refused') return false;
  const text = [
    rejection.path,
    rejection.title,
    rejection.detail,
    rejection.requestId,
    rejection.type,
    String(rejection.status),
  ]
    .join(' ')
    .toLowerCase();
  return filterWords(filterText.value).every((word) => text.includes(word));
}

function matches(item: Item): boolean {
  if (item.kind === 'refused') return rejectionMatches(item.rejection);
  return filterSource.value !== 'refused' && eventMatches(item.event, currentFilter());
}

/**
 * What a listed refusal was: `dropped` for a request ignored for lack of consent (answered 200
 * with `EXEG-0301-200`, nothing stored, as docs/emulator.md calls it), `fault` for a scripted
 * fault (POST /api/faults), `refused` otherwise.
 */
function refusalKind(rejection: Rejection): 'dropped' | 'fault' | 'refused' {
  if (rejection.type.endsWith('/EXEG-0301-200')) return 'dropped';
  return rejection.type === 'fault' ? 'fault' : 'refused';
}

function statusBadge(item: Item): HTMLElement {
  if (item.kind === 'refused') {
    const kind = refusalKind(item.rejection);
    if (kind === 'dropped') return el('span', 'badge warn', 'dropped: no consent');
    if (kind === 'fault') return el('span', 'badge warn', 'injected fault');
    return el('span', 'badge bad', `refused ${item.rejection.status}`);
  }
  const { validation } = item.event;
  if (validation.plainEmails.length) return el('span', 'badge privacy', 'PLAIN E-MAIL');
  const errors = validation.findings.filter((f) => f.severity === 'error').length;
  if (errors) return el('span', 'badge bad', `${errors} error${errors > 1 ? 's' : ''}`);
  if (validation.findings.length)
    return el(
      'span',
      'badge warn',
      `${validation.findings.length} warning${validation.findings.length > 1 ? 's' : ''}`,
    );
  return el('span', 'badge ok', 'valid');
}

function renderRow(item: Item, isNew: boolean): HTMLElement {
  const row = el('li', `row${isNew ? ' is-new' : ''}`);
  row.dataset.key = item.key;
  row.setAttribute('role', 'option');
  row.setAttribute('aria-selected', String(item.key === selected));
  row.tabIndex = 0;
  if (item.kind === 'refused') {
    const r = item.rejection;
    row.append(
      el('span', 'source refused', refusalKind(r)),
      el('span', 'type', `${r.method} ${r.path}`),
      statusBadge(item),
    );
    row.append(
      el(
        'span',
        'meta',
        `${clock(r.at)}  ${r.title}${r.requestId ? `  · requestId ${shortId(r.requestId)}` : ''}`,
      ),
    );
  } else {
    const e = item.event;
    const dup = e.duplicates ? `  · ×${e.duplicates + 1} (duplicates)` : '';
    row.append(
      el('span', `source ${e.source}`, e.source),
      el('span', 'type', e.eventType ?? '(no eventType)'),
      statusBadge(item),
    );
    row.append(
      el(
        'span',
        'meta',
        `${clock(item.time)}  requestId ${shortId(e.requestId)}  · _id ${shortId(e.eventId)}${dup}`,
      ),
    );
  }
  row.addEventListener('click', () => select(item.key));
  row.addEventListener('keydown', (key) => {
    if (key.key === 'Enter' || key.key === ' ') select(item.key);
  });
  return row;
}

function renderCounters() {
  byId('count-events').textContent = String(counts.events);
  byId('count-duplicates').textContent = String(counts.duplicates);
  byId('count-problems').textContent = String(counts.problems);
  byId('count-refused').textContent = String(counts.refused);
  byId('empty').hidden = counts.events + counts.refused > 0;
}

/** Renders the loaded items, newest first (only on a reload: live items are prepended). */
function renderList() {
  const visible = [...items.values()].filter(matches).sort((a, b) => b.time - a.time);
  list.replaceChildren(...visible.map((item) => renderRow(item, false)));
  more.hidden = nextCursor === undefined;
  renderCounters();
}

/** Shows one live item at the top of the list, and keeps the list at most MAX_ROWS long. */
function prependRow(item: Item) {
  if (!matches(item)) return;
  list.prepend(renderRow(item, true));
  while (list.children.length > MAX_ROWS) {
    const last = list.lastElementChild as HTMLElement;
    const dropped = items.get(last.dataset.key!);
    last.remove();
    if (dropped?.kind === 'event') {
      items.delete(dropped.key);
      nextCursor = String(dropped.event.seq);
      more.hidden = false;
    }
  }
}

function fact(dl: HTMLElement, name: string, value: string | number | undefined) {
  if (value === undefined || value === '') return;
  dl.append(el('dt', undefined, name), el('dd', undefined, String(value)));
}

function section(title: string, value: unknown): HTMLElement[] {
  if (value === undefined) return [];
  return [el('h3', undefined, title), el('pre', 'json', JSON.stringify(value, null, 2))];
}

// The fields of a stored event and of its validation that the detail view shows by name; any
// other field (added by newer checks, e.g. schema violations or a consent decision) is shown as is.
const KNOWN_EVENT_FIELDS = new Set([
  'id',
  'seq',
  'receivedAt',
  'receivedTimeMs',
  'source',
  'endpoint',
  'requestId',
  'dataStreamId',
  'inletId',
  'flowId',
  'xactionId',
  'eventId',
  'eventType',
  'ecid',
  'xdm',
  'data',
  'raw',
  'headers',
  'validation',
  'duplicates',
]);
const KNOWN_VALIDATION_FIELDS = new Set(['ok', 'findings', 'plainEmails', 'schemaViolations']);

/** Sections for the fields of `value` not in `known`, each under its name. */
function extraSections(value: object, known: Set<string>, prefix = ''): HTMLElement[] {
  return Object.entries(value)
    .filter(([name, field]) => !known.has(name) && field !== undefined)
    .flatMap(([name, field]) => section(`${prefix}${name}`, field));
}

function renderDetail() {
  const item = selected ? items.get(selected) : undefined;
  if (!item) {
    detail.replaceChildren(
      el('p', 'placeholder', 'Select an event to see its payload, validation result and requestId.'),
    );
    return;
  }
  const head = el('div', 'detail-head');
  const facts = el('dl', 'facts');
  if (item.kind === 'refused') {
    const r = item.rejection;
    head.append(el('span', 'source refused', refusalKind(r)), el('h2', undefined, `${r.status} ${r.title}`));
    fact(facts, 'request', `${r.method} ${r.path}`);
    fact(facts, 'requestId', r.requestId);
    fact(facts, 'type', r.type);
    fact(facts, 'detail', r.detail);
    fact(facts, 'at', new Date(r.at).toISOString());
    const known = new Set(['at', 'method', 'path', 'status', 'type', 'title', 'detail', 'requestId']);
    detail.replaceChildren(head, facts, ...extraSections(r, known));
    return;
  }
  const e = item.event;
  head.append(
    el('span', `source ${e.source}`, e.source),
    el('h2', undefined, e.eventType ?? '(no eventType)'),
    statusBadge(item),
  );
  const nodes: HTMLElement[] = [head];
  if (e.validation.plainEmails.length) {
    const alarm = el(
      'div',
      'alarm',
      '⚠ Plain e-mail address received: the sender leaks personal data. Hash it (Email_LC_SHA256) or leave it out.',
    );
    const where = el('ul');
    for (const path of e.validation.plainEmails) where.append(el('li', undefined, path));
    alarm.append(where);
    nodes.push(alarm);
  }
  fact(facts, 'requestId', e.requestId);
  fact(facts, '_id', e.eventId);
  fact(facts, 'datastream', e.dataStreamId);
  fact(facts, 'inlet', e.inletId);
  fact(facts, 'flow', e.flowId);
  fact(facts, 'xactionId', e.xactionId);
  fact(facts, 'ECID', e.ecid);
  fact(facts, 'endpoint', e.endpoint);
  fact(facts, 'received', e.receivedAt);
  fact(facts, 'store id', e.id);
  if (e.duplicates)
    fact(facts, 'duplicates', `${e.duplicates} later request(s) carried the same _id (not stored again)`);
  nodes.push(facts, el('h3', undefined, 'Validation'));
  const findings = el('ul', 'findings');
  if (!e.validation.findings.length)
    findings.append(
      el(
        'li',
        'passed',
        "✓ _id, timestamp, eventType present; identity map well-formed; valid against Adobe's XDM schemas; no plain e-mail address.",
      ),
    );
  for (const finding of e.validation.findings) {
    const line = el('li', finding.severity);
    line.append(el('code', undefined, finding.path), document.createTextNode(finding.message));
    findings.append(line);
  }
  nodes.push(
    findings,
    ...renderSchemaViolations(e.validation.schemaViolations),
    ...extraSections(e.validation, KNOWN_VALIDATION_FIELDS, 'validation.'),
    ...extraSections(e, KNOWN_EVENT_FIELDS),
    ...section('xdm', e.xdm),
    ...section('data', e.data),
    ...section(e.source === 'inlet' ? 'record as received' : 'raw', e.raw),
    ...section('headers', e.headers),
  );
  detail.replaceChildren(...nodes);
}

function select(key: string) {
  selected = key;
  for (const row of list.querySelectorAll<HTMLElement>('.row[aria-selected="true"]'))
    row.setAttribute('aria-selected', 'false');
  list
    .querySelector<HTMLElement>(`.row[data-key="${CSS.escape(key)}"]`)
    ?.setAttribute('aria-selected', 'true');
  renderDetail();
}

const eventItem = (event: StoredEvent): Item => ({
  kind: 'event',
  key: `e${event.id}`,
  time: Date.parse(event.receivedAt),
  event,
});

function rejectionItem(rejection: Rejection): Item {
  refusedSeq += 1;
  return { kind: 'refused', key: `r${refusedSeq}`, time: rejection.at, rejection };
}

/** The query of one page of events under the current filters. */
function pageQuery(cursor?: string): string {
  const { source, problems, text } = currentFilter();
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), order: 'desc' });
  if (cursor) query.set('cursor', cursor);
  if (source) query.set('source', source);
  if (problems) query.set('problems', 'true');
  if (text?.trim()) query.set('text', text.trim());
  return `/api/events?${query}`;
}

const getJson = async (url: string) => (await fetch(url)).json();

/** Loads the newest page under the current filters, the refusals and the counts, and renders them. */
async function reload() {
  const mine = (generation += 1);
  const wantsEvents = filterSource.value !== 'refused';
  const [page, rejections, status] = await Promise.all([
    wantsEvents ? getJson(pageQuery()) : { events: [] },
    getJson('/api/rejections'),
    getJson('/api/status'),
  ]);
  if (mine !== generation) return;
  items.clear();
  refusedSeq = 0;
  for (const event of page.events as StoredEvent[]) items.set(`e${event.id}`, eventItem(event));
  for (const rejection of rejections.rejections as Rejection[]) {
    const item = rejectionItem(rejection);
    items.set(item.key, item);
  }
  nextCursor = page.nextCursor;
  Object.assign(counts, {
    events: status.events,
    duplicates: status.duplicates,
    problems: status.problems,
    refused: status.rejections,
  });
  const newest = [...items.values()].sort((a, b) => b.time - a.time)[0];
  if (!selected || !items.has(selected)) selected = newest?.key;
  renderList();
  renderDetail();
  performance.mark('inspector:rendered');
}

/** Appends the next page of older events (on scrolling to the end of the list, or the button). */
async function loadOlder() {
  if (nextCursor === undefined || more.disabled) return;
  const mine = generation;
  more.disabled = true;
  try {
    const page = await getJson(pageQuery(nextCursor));
    if (mine !== generation) return;
    for (const event of page.events as StoredEvent[]) {
      const item = eventItem(event);
      if (items.has(item.key)) continue;
      items.set(item.key, item);
      list.append(renderRow(item, false));
    }
    nextCursor = page.nextCursor;
    more.hidden = nextCursor === undefined;
  } finally {
    more.disabled = false;
  }
}

function onStored(event: StoredEvent) {
  counts.events += 1;
  if (!event.validation.ok) counts.problems += 1;
  const item = eventItem(event);
  items.set(item.key, item);
  prependRow(item);
  renderCounters();
  if (!selected) select(item.key);
}

function onDuplicate(event: StoredEvent) {
  counts.duplicates += 1;
  renderCounters();
  const key = `e${event.id}`;
  const known = items.get(key);
  if (!known || known.kind !== 'event') return;
  known.event.duplicates = event.duplicates;
  const row = list.querySelector(`.row[data-key="${CSS.escape(key)}"]`);
  row?.replaceWith(renderRow(known, false));
  if (selected === key) renderDetail();
}

function onRejected(rejection: Rejection) {
  counts.refused += 1;
  const item = rejectionItem(rejection);
  items.set(item.key, item);
  prependRow(item);
  renderCounters();
}

function connect() {
  const live = byId('live');
  const stream = new EventSource('/api/stream');
  const on = <T>(name: string, handle: (data: T) => void) =>
    stream.addEventListener(name, (message) => handle(JSON.parse((message as MessageEvent).data) as T));
  stream.addEventListener('open', () => {
    live.dataset.state = 'live';
    live.textContent = 'live';
    // Catch up on whatever arrived while the stream was down.
    void reload();
  });
  stream.addEventListener('error', () => {
    live.dataset.state = 'down';
    live.textContent = 'reconnecting…';
  });
  on('stored', onStored);
  on('duplicate', onDuplicate);
  // One request stored (or repeated) more events than are streamed one by one: load the newest page.
  on('batch', () => void reload());
  on('rejected', onRejected);
  on('cleared', () => {
    selected = undefined;
    void reload();
  });
}

let typing: ReturnType<typeof setTimeout> | undefined;
filterText.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => void reload(), 150);
});
for (const control of [filterSource, filterProblems]) control.addEventListener('input', () => void reload());
more.addEventListener('click', () => void loadOlder());
// Loads the next page as soon as the end of the list scrolls into view.
new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting)) void loadOlder();
}).observe(more);
byId('clear').addEventListener('click', () => {
  if (confirm('Delete every stored event?')) void fetch('/api/events', { method: 'DELETE' });
});
connect();
startConsentPanel();
