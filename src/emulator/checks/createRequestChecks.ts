import { createReportBudget } from './createReportBudget';
import { findPlainEmails } from './findPlainEmails';
import type { Validation, ValidationContext } from './validateEvent';

/** The checks of one request's events, and how their identical results are shared. */
export interface RequestChecks extends ValidationContext {
  /**
   * The one object for all of this request's validations equal to `validation` (never to be
   * changed after): 5,956 identical events hold one in memory, and the store writes it once.
   */
  share(validation: Validation): Validation;
}

/**
 * What the checks of one request's events share: its headers read for plain addresses once (not
 * once an event: 5,956 events in one request scanned them 5,956 times), one report budget, and
 * one copy of each distinct validation.
 */
export function createRequestChecks(headers: Record<string, string | string[] | undefined>): RequestChecks {
  const byText = new Map<string, Validation>();
  return {
    headerEmails: findPlainEmails(headers, 'headers'),
    budget: createReportBudget(),
    share(validation) {
      const text = JSON.stringify(validation);
      const known = byText.get(text);
      if (known) return known;
      byText.set(text, validation);
      return validation;
    },
  };
}
