import { MAX_REPORTED_PER_REQUEST, REPORTED_CHARS_PER_REQUEST } from '../http/limits';

/** How many report entries a request may still list; its events share one. */
export interface ReportBudget {
  /**
   * The first entries of `list` still listed (at least the first, so no kind of finding goes
   * unseen), and how many were left out. An entry costs one of the entries and its JSON's length
   * of the characters.
   */
  take<T>(list: T[]): { listed: T[]; omitted: number };
}

/** A request's allowance: entries, and characters of them (paths and messages, as JSON). */
export interface ReportAllowance {
  entries: number;
  chars: number;
}

/**
 * A request's allowance of listed validation entries (findings, plain-address paths, schema
 * violations), shared by all its events so that what is stored stays within a small multiple of
 * the request (issue 23, F1: one 64 KB body once stored 32,000 violations, 4.66 MB; 100 paths
 * under one 30,000-character key, 3 MB).
 */
export function createReportBudget(
  allowance: ReportAllowance = { entries: MAX_REPORTED_PER_REQUEST, chars: REPORTED_CHARS_PER_REQUEST },
): ReportBudget {
  let { entries, chars } = allowance;
  return {
    take(list) {
      const listed: typeof list = [];
      for (const entry of list) {
        const size = JSON.stringify(entry).length;
        if (listed.length && (entries < 1 || size > chars)) break;
        listed.push(entry);
        entries = Math.max(entries - 1, 0);
        chars = Math.max(chars - size, 0);
      }
      return { listed, omitted: list.length - listed.length };
    },
  };
}
