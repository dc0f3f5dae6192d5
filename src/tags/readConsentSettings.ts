import { readShorthand } from '../core/consent/readShorthand';
import { isPlainObject } from '../core/deepMerge';

/** The Set consent action's `value` that selects the consent standards listed in `consent`. */
export const STANDARDS = 'standards';

/** One row of the action's consent list, tokens already replaced by Turbine. */
export interface ConsentRow {
  standard?: unknown;
  version?: unknown;
  /** Adobe 1.0: in / out; Adobe 2.0: y / n or the whole value object; IAB TCF: the TC string. */
  value?: unknown;
  /** IAB TCF only; anything but `false` / `"false"` means GDPR applies (the cautious reading). */
  gdprApplies?: unknown;
}

const word = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Turns one row into the entry the collector takes; the collector then checks it (so does the view). */
export function toEntry({ standard, version, value, gdprApplies }: ConsentRow) {
  if (standard === 'IAB TCF')
    return { standard, version, value, gdprApplies: gdprApplies !== false && gdprApplies !== 'false' };
  // A data element may return the whole value object; a choice or a plain word is the one purpose.
  if (isPlainObject(value)) return { standard, version, value };
  return {
    standard,
    version,
    value: version === '1.0' ? { general: word(value) } : { collect: { val: word(value) } },
  };
}

/**
 * What the Set consent settings ask the collector to set: the shorthand (`value`: in / out /
 * pending, any case, possibly from a data element), or with `value: "standards"` the `consent`
 * rows; or a data element returning Adobe's whole `{ consent: [...] }`. The identity map, when
 * set and with a value, goes with any decision that is posted (the shorthand then as the Adobe
 * 1.0 entry the core posts for it). Checking is the collector's (one source for the rules); this
 * only reshapes.
 */
export function readConsentSettings(settings: unknown): unknown {
  const saved = isPlainObject(settings) ? settings : {};
  // A data element without a value yet leaves the identity map out, as Adobe's extension does.
  const identityMap = isPlainObject(saved.identityMap) ? saved.identityMap : undefined;
  const withIdentities = (decision: object) => (identityMap ? { identityMap, ...decision } : decision);
  const chosen = saved.value === STANDARDS ? saved.consent : word(saved.value);
  if (isPlainObject(chosen)) return withIdentities(chosen);
  if (Array.isArray(chosen))
    return withIdentities({ consent: chosen.map((row) => toEntry(isPlainObject(row) ? row : {})) });
  if (saved.value === STANDARDS) return { consent: chosen };
  if (!identityMap || chosen === 'pending') return chosen;
  return withIdentities({ consent: readShorthand(chosen).consent });
}
