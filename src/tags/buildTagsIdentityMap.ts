import { AUTHENTICATED_STATES } from '../core/authenticatedStates';
import { isPlainObject } from '../core/deepMerge';
import { EMAIL_NAMESPACE, type IdentityMap } from '../core/emailIdentityMap';
import { hashEmailSync } from '../core/hashEmail';

/** One identity row of the Identity map data element. */
export interface IdentityRow {
  namespace?: unknown;
  id?: unknown;
  authenticatedState?: unknown;
  primary?: unknown;
}

/** Reads a setting (after token replacement) as text; numbers are allowed since ids often are numeric. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * Builds an XDM `identityMap` from an e-mail (hashed to `Email_LC_SHA256`) and other identities.
 * Rows with an empty id (a data element without a value) are skipped. The e-mail identity is
 * primary unless a row says otherwise. Pure; returns warnings for values that were left out.
 */
export function buildTagsIdentityMap(settings: unknown): { identityMap: IdentityMap; warnings: string[] } {
  const saved = isPlainObject(settings) ? settings : {};
  const identityMap: IdentityMap = {};
  const warnings: string[] = [];
  const rows: IdentityRow[] = Array.isArray(saved.identities) ? saved.identities.filter(isPlainObject) : [];
  const rowIsPrimary = rows.some((row) => row.primary === true && text(row.id));
  if (saved.email !== undefined && saved.email !== null && saved.email !== '') {
    const hashed = hashEmailSync(saved.email);
    if (hashed.digest)
      identityMap[EMAIL_NAMESPACE] = [
        { id: hashed.digest, primary: !rowIsPrimary, authenticatedState: 'authenticated' },
      ];
    else if (hashed.warning) warnings.push(hashed.warning);
  }
  let primaryGiven = false;
  for (const row of rows) {
    const namespace = text(row.namespace);
    const id = text(row.id);
    if (!namespace || !id) continue;
    const state = text(row.authenticatedState);
    // An identity map has at most one primary identity (XDM): the first marked one is.
    const primary: boolean = row.primary === true && !primaryGiven;
    if (row.primary === true && primaryGiven)
      warnings.push(`${namespace} is not primary: an identity map has one primary identity`);
    primaryGiven ||= primary;
    const entry: IdentityMap[string][number] = { id, primary };
    if (AUTHENTICATED_STATES.includes(state as never)) entry.authenticatedState = state;
    (identityMap[namespace] ??= []).push(entry);
  }
  return { identityMap, warnings };
}
