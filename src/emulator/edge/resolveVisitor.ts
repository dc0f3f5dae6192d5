import { randomInt } from 'node:crypto';

/** Six months and a half, as the Edge Network keeps its identity cookie. */
export const IDENTITY_MAX_AGE = 34_128_000;

/** The visitor a request belongs to, and the state to store so the next request finds it. */
export interface Visitor {
  ecid: string;
  isNew: boolean;
  cookieName: string;
  cookieValue: string;
}

/** What identifies a returning visitor, in the order it is trusted. */
export interface VisitorClues {
  orgId: string;
  /** `meta.state.entries` sent back by the collector. */
  stateEntries?: unknown;
  /** The request's `Cookie` header. */
  cookieHeader?: string;
  /** The event's `identityMap`, which may carry an `ECID`. */
  identityMap?: unknown;
}

const ECID = /^\d{38}$/;

/** The first-party cookie that keeps the visitor id: `kndctr_<org with @ as _>_identity`. */
export function identityCookieName(orgId: string): string {
  return `kndctr_${orgId.replace(/[^\w]/g, '_')}_identity`;
}

/** Encodes the id opaquely, as the real cookie is opaque to the page. */
export function encodeIdentity(ecid: string): string {
  return Buffer.from(`ECID:${ecid}`, 'utf8').toString('base64url');
}

/** Reads an id back from a cookie value; anything else (tampered, foreign) gives undefined. */
export function decodeIdentity(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const text = Buffer.from(decodeURIComponent(value), 'base64url').toString('utf8');
  const ecid = text.startsWith('ECID:') ? text.slice(5) : '';
  return ECID.test(ecid) ? ecid : undefined;
}

/** Makes a new ECID-like id: 38 digits, never starting with 0. */
export function createEcid(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 38) digits += String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  return digits.slice(0, 38);
}

function fromState(entries: unknown, name: string): string | undefined {
  if (!Array.isArray(entries)) return undefined;
  const entry = entries.find(
    (item) => item && typeof item === 'object' && (item as { key?: unknown }).key === name,
  ) as { value?: unknown } | undefined;
  return decodeIdentity(entry?.value);
}

function fromCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeIdentity(part.slice(at + 1).trim());
  }
  return undefined;
}

function fromIdentityMap(identityMap: unknown): string | undefined {
  const list = (identityMap as { ECID?: unknown } | undefined)?.ECID;
  const id = Array.isArray(list) ? (list[0] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' && ECID.test(id) ? id : undefined;
}

/**
 * Finds the visitor's id (state entries the collector sent back, then the cookie, then an ECID in
 * the identity map) or makes a new one, so the same browser keeps the same id across requests.
 */
export function resolveVisitor(clues: VisitorClues): Visitor {
  const cookieName = identityCookieName(clues.orgId);
  const known =
    fromState(clues.stateEntries, cookieName) ??
    fromCookie(clues.cookieHeader, cookieName) ??
    fromIdentityMap(clues.identityMap);
  const ecid = known ?? createEcid();
  return { ecid, isNew: !known, cookieName, cookieValue: encodeIdentity(ecid) };
}
