import { DISTINCT_REPORT_CHARS_PER_REQUEST } from '../http/limits';
import { createReportBudget } from './createReportBudget';
import { findPlainEmails } from './findPlainEmails';
import { summarizeValidation } from './summarizeValidation';
import type { Validation, ValidationContext } from './validateEvent';

/** The checks of one request's events, and how their identical results are shared. */
export interface RequestChecks extends ValidationContext {
  /**
   * The one object for all of this request's validations equal to `validation` (never to be
   * changed after): 5,956 identical events hold one in memory, and the store writes it once.
   * Once the request's distinct reports reach their allowance, a new one is summarized
   * (summarizeValidation) and the summary shared.
   */
  share(validation: Validation): Validation;
}

/**
 * What the checks of one request's events share: its headers read for plain addresses once (not
 * once an event: 5,956 events in one request scanned them 5,956 times), one report budget, and
 * one copy of each distinct validation, `distinctChars` characters of them at most (and the
 * summaries), so that events built to each get a report of their own store in bounded space.
 */
export function createRequestChecks(
  headers: Record<string, string | string[] | undefined>,
  distinctChars = DISTINCT_REPORT_CHARS_PER_REQUEST,
): RequestChecks {
  const byText = new Map<string, Validation>();
  let spent = 0;
  /** The validation kept for `text`: the first one written so. */
  const keep = (validation: Validation, text: string) => {
    const kept = byText.get(text);
    if (kept) return kept;
    byText.set(text, validation);
    return validation;
  };
  return {
    headerEmails: findPlainEmails(headers, 'headers'),
    budget: createReportBudget(),
    share(validation) {
      const text = JSON.stringify(validation);
      if (byText.has(text)) return byText.get(text)!;
      const summary = summarizeValidation(validation);
      if (summary !== validation && spent + text.length > distinctChars)
        return keep(summary, JSON.stringify(summary));
      spent += text.length;
      return keep(validation, text);
    },
  };
}
