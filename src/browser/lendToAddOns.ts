import { checkEssentials, DEFAULT_EDGE_BASE_PATH, DEFAULT_EDGE_URL } from '../core/CollectorConfig';
import type { EmailHasher } from '../core/createCollector';
import { CONSENT_STATES, parseConsent } from '../core/delivery/ConsentState';
import { createUuid } from '../core/createUuid';
import { deepMerge, isPlainObject } from '../core/deepMerge';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import { parseJson } from '../core/parseJson';
import { containsEmail, redactEmails } from '../core/redactEmails';
import { rememberLocally } from './delivery/rememberLocally';
import { logToConsole } from './logToConsole';

/**
 * What the core script lends the add-ons it loads, so that none carries a copy of a core module:
 * the add-ons' build (build/shareCore.mjs, whose list names these in the same order) turns each
 * import of one of them into a read of this list, which an add-on finds on its own script element
 * (`document.currentScript.core`: loadAddOn's `loan`). E-mails are hashed with the core's `hashEmail`.
 */
export const lendToAddOns = (hashEmail: EmailHasher): unknown[] => [
  redactEmails,
  containsEmail,
  isPlainObject,
  deepMerge,
  EdgeCollectorError,
  createUuid,
  parseJson,
  hashEmail,
  logToConsole,
  parseConsent,
  CONSENT_STATES,
  checkEssentials,
  DEFAULT_EDGE_BASE_PATH,
  DEFAULT_EDGE_URL,
  rememberLocally,
];
