// The inspector page: lists stored events and refused requests live (server-sent events from
// /api/stream), filters them, and shows one in detail. Every value from a payload is written as
// text (textContent), never as HTML: the payloads come from any page and may hold markup.

import type { Rejection } from '../EmulatorContext';
import type { StoredEvent } from '../createEventStore';
import { renderSchemaViolations } from './renderSchemaViolations';

type Item =
  | { kind: 'event'; key: string; time: number; event: StoredEvent }
  | { kind: 'refused'; key: string; time: number; rejection: Rejection };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el(tag: string, className?: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const items = new Map<string, Item>();
let selected: string | undefined;
let duplicates = 0;
let refusedSeq = 0;

const list = byId<HTMLOListElement>('list');
const detail = byId<HTMLElement>('detail');
const filterText = byId<HTMLInputElement>('filter-text');
const filterSource = byId<HTMLSelectElement>('filter-source');
const filterProblems = byId<HTMLInputElement>('filter-problems');

const hasProblem = (item: Item) => item.kind === 'refused' || !item.event.validation.ok;
const shortId = (id: string | undefined) =>
  id && id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : (id ?? '');
const clock = (time: number) =>
  new Date(time).toLocaleTimeString([], { hour12: false }) + `.${String(time % 1000).padStart(3, '0')}`;

function searchText(item: Item): string {
  if (item.kind === 'refused') {
    const r = item.rejection;
    return [r.path, r.title, r.detail, r.requestId, r.type, String(r.status)].join(' ').toLowerCase();
  }
  const e = item.event;
  return [
    e.eventType,
    e.requestId,
    e.eventId,
    e.dataStreamId,
    e.inletId,
    e.flowId,
    e.xactionId,
    e.ecid,
    e.endpoint,
  ]
    .join(' ')
    .toLowerCase();
}

function matches(item: Item): boolean {
  const source = filterSource.value;
  if (
    source === 'refused'
      ? item.kind !== 'refused'
      : source && (item.kind !== 'event' || item.event.source !== source)
  )
    return false;
  if (filterProblems.checked && !hasProblem(item)) return false;
  const words = filterText.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const text = searchText(item);
  return words.every((word) => text.includes(word));
}

function statusBadge(item: Item): HTMLElement {
  if (item.kind === 'refused') return el('span', 'badge bad', `refused ${item.rejection.status}`);
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
      el('span', 'source refused', 'refused'),
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
  const all = [...items.values()];
  const events = all.filter((item) => item.kind === 'event');
  byId('count-events').textContent = String(events.length);
  byId('count-duplicates').textContent = String(duplicates);
  byId('count-problems').textContent = String(events.filter(hasProblem).length);
  byId('count-refused').textContent = String(all.length - events.length);
}

function renderList(newKey?: string) {
  const visible = [...items.values()].filter(matches).sort((a, b) => b.time - a.time);
  list.replaceChildren(...visible.map((item) => renderRow(item, item.key === newKey)));
  byId('empty').hidden = items.size > 0;
  renderCounters();
}

function fact(dl: HTMLElement, name: string, value: string | number | undefined) {
  if (value === undefined || value === '') return;
  dl.append(el('dt', undefined, name), el('dd', undefined, String(value)));
}

function section(title: string, value: unknown): HTMLElement[] {
  if (value === undefined) return [];
  return [el('h3', undefined, title), el('pre', 'json', JSON.stringify(value, null, 2))];
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
    head.append(el('span', 'source refused', 'refused'), el('h2', undefined, `${r.status} ${r.title}`));
    fact(facts, 'request', `${r.method} ${r.path}`);
    fact(facts, 'requestId', r.requestId);
    fact(facts, 'type', r.type);
    fact(facts, 'detail', r.detail);
    fact(facts, 'at', new Date(r.at).toISOString());
    detail.replaceChildren(head, facts);
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
    ...section('xdm', e.xdm),
    ...section('data', e.data),
    ...section(e.source === 'inlet' ? 'record as received' : 'raw', e.raw),
    ...section('headers', e.headers),
  );
  detail.replaceChildren(...nodes);
}

function select(key: string) {
  selected = key;
  for (const row of list.querySelectorAll<HTMLElement>('.row'))
    row.setAttribute('aria-selected', String(row.dataset.key === key));
  renderDetail();
}

function addEvent(event: StoredEvent, live: boolean) {
  const key = `e${event.id}`;
  items.set(key, { kind: 'event', key, time: Date.parse(event.receivedAt), event });
  if (!selected) selected = key;
  if (live) renderList(key);
}

function addRejection(rejection: Rejection, live: boolean) {
  refusedSeq += 1;
  const key = `r${refusedSeq}`;
  items.set(key, { kind: 'refused', key, time: rejection.at, rejection });
  if (live) renderList(key);
}

async function loadAll() {
  const [events, rejections] = await Promise.all([
    fetch('/api/events').then((r) => r.json()),
    fetch('/api/rejections').then((r) => r.json()),
  ]);
  items.clear();
  refusedSeq = 0;
  duplicates = 0;
  for (const event of events.events as StoredEvent[]) {
    duplicates += event.duplicates;
    addEvent(event, false);
  }
  for (const rejection of rejections.rejections as Rejection[]) addRejection(rejection, false);
  const newest = [...items.values()].sort((a, b) => b.time - a.time)[0];
  if (newest && (!selected || !items.has(selected))) selected = newest.key;
  renderList();
  renderDetail();
}

function connect() {
  const live = byId('live');
  const stream = new EventSource('/api/stream');
  stream.addEventListener('open', () => {
    live.dataset.state = 'live';
    live.textContent = 'live';
    // Catch up on whatever arrived while the stream was down.
    void loadAll();
  });
  stream.addEventListener('error', () => {
    live.dataset.state = 'down';
    live.textContent = 'reconnecting…';
  });
  stream.addEventListener('stored', (message) => {
    const hadSelection = Boolean(selected);
    addEvent(JSON.parse((message as MessageEvent).data) as StoredEvent, true);
    if (!hadSelection) renderDetail();
  });
  stream.addEventListener('duplicate', (message) => {
    const event = JSON.parse((message as MessageEvent).data) as StoredEvent;
    duplicates += 1;
    const key = `e${event.id}`;
    const known = items.get(key);
    if (known && known.kind === 'event') known.event.duplicates = event.duplicates;
    renderList();
    if (selected === key) renderDetail();
  });
  stream.addEventListener('rejected', (message) =>
    addRejection(JSON.parse((message as MessageEvent).data) as Rejection, true),
  );
  stream.addEventListener('cleared', () => {
    items.clear();
    duplicates = 0;
    selected = undefined;
    renderList();
    renderDetail();
  });
}

for (const control of [filterText, filterSource, filterProblems])
  control.addEventListener('input', () => renderList());
byId('clear').addEventListener('click', () => {
  if (confirm('Delete every stored event?')) void fetch('/api/events', { method: 'DELETE' });
});
connect();
