import { createReportBudget, type ReportBudget } from './createReportBudget';
import { isObject } from '../http/isObject';
import { findPlainEmails } from './findPlainEmails';
import {
  MAX_REPORTED_PATH,
  MAX_REPORTED_PER_REQUEST,
  REPORTED_CHARS_PER_REQUEST,
  SCHEMA_CHECK_BOUNDS,
} from '../http/limits';
import { shortenPath } from './shortenPath';
import type { XdmValidator } from '../xdm/createXdmValidator';
import { loadXdmValidator } from '../xdm/loadXdmValidator';
import type { SchemaViolation } from '../xdm/SchemaViolation';
import { AUTHENTICATED_STATES } from '../../core/authenticatedStates';

/** One finding about a stored event. `privacy` findings are the loud ones: personal data leaked. */
export interface Finding {
  severity: 'error' | 'warning' | 'privacy';
  path: string;
  message: string;
}

/** The result of checking one event, stored with it and shown by the inspector. */
export interface Validation {
  /** No errors and no privacy findings. */
  ok: boolean;
  findings: Finding[];
  /** Paths holding a plain e-mail address, `headers.…` included (also listed as `privacy` findings). */
  plainEmails: string[];
  /** Where the XDM breaks Adobe's schemas (github.com/adobe/xdm): its class and the field groups its fields come from. */
  schemaViolations: SchemaViolation[];
}

/** What else a check may use: what the request's headers leak, the XDM validator, the report budget. */
export interface ValidationContext {
  /** Paths of the request's headers that hold a plain address (`headers.referer`), found once a request (createRequestChecks). */
  headerEmails?: string[];
  /** Default: the emulator's own, built from the vendored adobe/xdm schemas. */
  schemas?: XdmValidator;
  /** The entries the request may still list, shared by its events; default: a request's worth for this event alone. */
  budget?: ReportBudget;
}

/** What is being checked: an ExperienceEvent (Edge, or an inlet event) or a profile record from an inlet. */
export type RecordKind = 'event' | 'record';

const HEX_64 = /^[0-9a-f]{64}$/i;

/** What a `privacy` finding says of a plain e-mail address. */
export const PLAIN_EMAIL_MESSAGE =
  'PLAIN E-MAIL ADDRESS: the sender leaked personal data; hash it (Email_LC_SHA256) or remove it';

function checkIdentityMap(identityMap: unknown, findings: Finding[]) {
  const at = 'xdm.identityMap';
  if (!isObject(identityMap)) {
    findings.push({
      severity: 'error',
      path: at,
      message: 'identityMap must be an object of namespace → array of identities',
    });
    return;
  }
  for (const [namespace, identities] of Object.entries(identityMap)) {
    const nsPath = `${at}.${namespace}`;
    if (!Array.isArray(identities) || identities.length === 0) {
      findings.push({
        severity: 'error',
        path: nsPath,
        message: 'each namespace must hold a non-empty array of identities',
      });
      continue;
    }
    identities.forEach((identity, index) => {
      const path = `${nsPath}[${index}]`;
      if (!isObject(identity)) {
        findings.push({ severity: 'error', path, message: 'an identity must be an object with an "id"' });
        return;
      }
      if (typeof identity.id !== 'string' || !identity.id) {
        findings.push({ severity: 'error', path: `${path}.id`, message: 'id must be a non-empty string' });
      } else if (namespace === 'Email_LC_SHA256' && !HEX_64.test(identity.id)) {
        findings.push({
          severity: 'error',
          path: `${path}.id`,
          message: 'Email_LC_SHA256 ids must be SHA-256 digests: 64 hex characters',
        });
      }
      if (identity.primary !== undefined && typeof identity.primary !== 'boolean') {
        findings.push({
          severity: 'error',
          path: `${path}.primary`,
          message: 'primary must be true or false',
        });
      }
      if (
        identity.authenticatedState !== undefined &&
        !AUTHENTICATED_STATES.includes(identity.authenticatedState as never)
      ) {
        findings.push({
          severity: 'error',
          path: `${path}.authenticatedState`,
          message: `authenticatedState must be ${AUTHENTICATED_STATES.join(', ')}`,
        });
      }
    });
  }
}

/** Checks the XDM against Adobe's schemas; what it finds beyond violations becomes findings. */
function checkSchemas(
  xdm: Record<string, unknown>,
  kind: RecordKind,
  findings: Finding[],
  schemas: XdmValidator | undefined,
): SchemaViolation[] {
  const validator = schemas ?? loadXdmValidator().validator;
  if (!validator) {
    findings.push({
      severity: 'warning',
      path: 'xdm',
      message: loadXdmValidator().error ?? 'no XDM schemas',
    });
    return [];
  }
  const { violations, unknownFields, partlyChecked } = validator.check(xdm, kind);
  if (partlyChecked)
    findings.push({
      severity: 'warning',
      path: 'xdm',
      message: `${partlyChecked} array(s) or object(s) are longer than the schema check reads (the first ${SCHEMA_CHECK_BOUNDS.items} items, ${SCHEMA_CHECK_BOUNDS.keys} keys): the rest was not checked against Adobe's schemas`,
    });
  if (violations.length)
    findings.push({
      severity: 'error',
      path: 'xdm',
      message: `${violations.length} violation(s) of Adobe's XDM schemas: Platform would not ingest this ${kind === 'event' ? 'event' : 'record'} as sent (see the schema violations)`,
    });
  for (const field of unknownFields)
    findings.push({
      severity: 'warning',
      path: `xdm.${field}`,
      message: `no field group the emulator knows (adobe/xdm ${validator.commit.slice(0, 8)}) defines this field: check that your schema has it`,
    });
  return violations;
}

/** Checks the required XDM fields: `_id`, `timestamp`, `eventType` for events; `_id` for records. */
function checkRequired(xdm: Record<string, unknown>, kind: RecordKind, findings: Finding[]) {
  const required = kind === 'event' ? (['_id', 'timestamp', 'eventType'] as const) : (['_id'] as const);
  for (const field of required) {
    const value = xdm[field];
    if (typeof value !== 'string' || !value.trim()) {
      findings.push({
        severity: kind === 'event' ? 'error' : 'warning',
        path: `xdm.${field}`,
        message: `${field} is required (a non-empty string)`,
      });
    }
  }
  if (typeof xdm.timestamp === 'string' && Number.isNaN(Date.parse(xdm.timestamp))) {
    findings.push({
      severity: 'error',
      path: 'xdm.timestamp',
      message: 'timestamp must be an ISO 8601 date-time',
    });
  }
}

/**
 * Checks one event as the platform would care: the required XDM fields (`_id`, `timestamp`,
 * `eventType` for events; `_id` for records), the identity map's shape, hashed e-mail ids, Adobe's
 * XDM schemas (the class and the field groups the event uses), and any plain e-mail address
 * anywhere in `payload` (xdm, data, raw record...) or in the request's headers.
 */
export function validateEvent(
  xdm: unknown,
  payload: unknown,
  kind: RecordKind = 'event',
  context: ValidationContext = {},
): Validation {
  const findings: Finding[] = [];
  let schemaViolations: SchemaViolation[] = [];
  if (!isObject(xdm)) {
    findings.push({ severity: 'error', path: 'xdm', message: 'xdm must be an object' });
  } else {
    checkRequired(xdm, kind, findings);
    if (xdm.identityMap !== undefined) checkIdentityMap(xdm.identityMap, findings);
    schemaViolations = checkSchemas(xdm, kind, findings, context.schemas);
  }
  const plainEmails = [...findPlainEmails(payload), ...(context.headerEmails ?? [])];
  for (const path of plainEmails) findings.push({ severity: 'privacy', path, message: PLAIN_EMAIL_MESSAGE });
  return listWithin(
    {
      ok: !findings.some((finding) => finding.severity !== 'warning'),
      findings,
      plainEmails,
      schemaViolations,
    },
    context.budget ?? createReportBudget(),
  );
}

/** An entry with its path shortened as reports list it (shortenPath). */
const withShortPath = <T extends { path: string }>(entry: T): T =>
  entry.path.length > MAX_REPORTED_PATH ? { ...entry, path: shortenPath(entry.path) } : entry;

/** The validation with its lists held to the request's budget; what is left out is counted in one more warning. */
function listWithin(validation: Validation, budget: ReportBudget): Validation {
  const findings = budget.take(validation.findings.map(withShortPath));
  const schemaViolations = budget.take(validation.schemaViolations.map(withShortPath));
  const plainEmails = budget.take(validation.plainEmails); // shortened as found (findPlainEmails)
  const omitted = findings.omitted + schemaViolations.omitted + plainEmails.omitted;
  if (omitted)
    findings.listed.push({
      severity: 'warning',
      path: '(report)',
      message: `${omitted} more finding(s), violation(s) or address path(s) are not listed: the emulator lists at most ${MAX_REPORTED_PER_REQUEST} (and ${REPORTED_CHARS_PER_REQUEST} characters of them) a request`,
    });
  return {
    ok: validation.ok,
    findings: findings.listed,
    plainEmails: plainEmails.listed,
    schemaViolations: schemaViolations.listed,
  };
}
