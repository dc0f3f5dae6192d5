import { MAX_REPORTED_PER_REQUEST } from '../http/limits';

/** How many report entries a request may still list; its events share one. */
export interface ReportBudget {
  /** The entries of `list` still listed (at least the first, so no kind of finding goes unseen), and how many were left out. */
  take<T>(list: T[]): { listed: T[]; omitted: number };
}

/**
 * A request's allowance of listed validation entries (findings, plain-address paths, schema
 * violations), shared by all its events so that what is stored stays within a small multiple of
 * the request (issue 23, F1: one 64 KB body once stored 32,000 violations, 4.66 MB).
 */
export function createReportBudget(limit = MAX_REPORTED_PER_REQUEST): ReportBudget {
  let remaining = limit;
  return {
    take(list) {
      const count = Math.min(list.length, Math.max(remaining, 1));
      remaining = Math.max(remaining - count, 0);
      return { listed: list.slice(0, count), omitted: list.length - count };
    },
  };
}
