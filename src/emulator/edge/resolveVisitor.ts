import { randomInt } from 'node:crypto';
import { decodeIdentityCookie, encodeIdentityCookie } from './identityCookie';

/** Six months and a half, as the Edge Network keeps its identity cookie. */
export const IDENTITY_MAX_AGE = 34_128_000;

/** The visitor a request belongs to, and the state to store so the next request finds it. */
export interface Visitor {
  ecid: string;
  /** No ECID came with the request: one was made here. */
  isNew: boolean;
  /** The request carried no identity state (cookie or `meta.state` entry): the answer stores one. */
  storeIdentity: boolean;
  /** `kndctr_<org>_…` with the org id's `@` as `_`; the cookies are this plus `identity`, `cluster`, `consent`. */
  cookiePrefix: string;
  cookieName: string;
  cookieValue: string;
}

/** What identifies a returning visitor, in the order it is trusted. */
export interface VisitorClues {
  orgId: string;
  /** `meta.state.entries` sent back by the client. */
  stateEntries?: unknown;
  /** The request's `Cookie` header, read only when the client sent `meta.state.cookiesEnabled: true`. */
  cookieHeader?: string;
  /** The request's `identityMap` (the event's, or a consent request's), which may carry an `ECID`. */
  identityMap?: unknown;
}

const ECID = /^\d{38}$/;

/** The first-party cookies' common prefix: `kndctr_<org with every non-word character as _>`. */
export const cookiePrefixOf = (orgId: string) => `kndctr_${orgId.replace(/[^\w]/g, '_')}`;

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
  return decodeIdentityCookie(entry?.value);
}

function fromCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeIdentityCookie(part.slice(at + 1).trim());
  }
  return undefined;
}

function fromIdentityMap(identityMap: unknown): string | undefined {
  const list = (identityMap as { ECID?: unknown } | undefined)?.ECID;
  const id = Array.isArray(list) ? (list[0] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' && ECID.test(id) ? id : undefined;
}

/**
 * Finds the visitor's id (an ECID the identity map names, then the state entries the client sent
 * back, then the cookie) or makes a new one, so the same browser keeps the same id across
 * requests. The identity map's ECID wins over a stored one, and the answer stores it: the Web SDK
 * sends one from a landing page's `adobe_mc`, and the Edge Network answers with it and keeps it
 * on the next page (alloy's integration test C5594866, "Identity can be changed via the adobe_mc
 * query string parameter"); a new visitor's is kept too (ID migration from the Visitor API).
 */
export function resolveVisitor(clues: VisitorClues): Visitor {
  const cookiePrefix = cookiePrefixOf(clues.orgId);
  const cookieName = `${cookiePrefix}_identity`;
  const stored = fromState(clues.stateEntries, cookieName) ?? fromCookie(clues.cookieHeader, cookieName);
  const known = fromIdentityMap(clues.identityMap) ?? stored;
  const ecid = known ?? createEcid();
  return {
    ecid,
    isNew: !known,
    storeIdentity: stored !== ecid,
    cookiePrefix,
    cookieName,
    cookieValue: encodeIdentityCookie(ecid),
  };
}
