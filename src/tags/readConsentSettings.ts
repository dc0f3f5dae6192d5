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

/** Turns one row into the entry the collector takes; the collector then checks it. */
function toEntry({ standard, version, value, gdprApplies }: ConsentRow) {
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
 * rows (or a data element returning an entry list or Adobe's `{ consent: [...] }`). Checking is
 * the collector's (one source for the rules); this only reshapes.
 */
export function readConsentSettings(settings: unknown): unknown {
  const saved = isPlainObject(settings) ? settings : {};
  if (saved.value !== STANDARDS) return word(saved.value);
  const rows = saved.consent;
  if (isPlainObject(rows)) return rows;
  return { consent: Array.isArray(rows) ? rows.map((row) => toEntry(isPlainObject(row) ? row : {})) : rows };
}
