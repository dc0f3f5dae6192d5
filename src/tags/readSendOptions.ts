import { isPlainObject, type PlainObject } from '../core/deepMerge';

/** The options a Send page view / Send event action passes to the collector. */
export interface SendOptions {
  name?: string;
  url?: string;
  email?: unknown;
  eventType?: string;
  xdm?: PlainObject;
  data?: PlainObject;
}

/** What the action settings gave: the options to send, and problems with fields that were left out. */
export interface ReadSendOptionsResult {
  options: SendOptions;
  problems: string[];
}

const LABELS = {
  name: 'Page name',
  url: 'URL',
  eventType: 'Event type',
  xdm: 'XDM object',
  data: 'Data',
} as const;
const TOKEN = /%[^%]+%/;

/** A blank setting (never filled, or a data element that had no value) counts as not given. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

function describeNonObject(label: string, value: unknown): string {
  if (typeof value === 'string' && TOKEN.test(value)) {
    return `${label}: "${value}" is not a known data element, or it did not return an object; check its name`;
  }
  return `${label}: expected an object (from JSON or a data element), got ${Array.isArray(value) ? 'an array' : typeof value}`;
}

/**
 * Reads an action's settings, after Turbine replaced the data element tokens, into collector
 * options. A field with a wrong type is left out with a problem to log, rather than losing the
 * whole event for it. Pure.
 */
export function readSendOptions(settings: unknown): ReadSendOptionsResult {
  const saved = isPlainObject(settings) ? settings : {};
  const options: SendOptions = {};
  const problems: string[] = [];
  for (const key of ['name', 'url', 'eventType'] as const) {
    const value = saved[key];
    if (isBlank(value)) continue;
    if (typeof value === 'string' || typeof value === 'number') options[key] = String(value).trim();
    else problems.push(`${LABELS[key]}: expected text, got ${typeof value}`);
  }
  for (const key of ['xdm', 'data'] as const) {
    const value = saved[key];
    if (isBlank(value)) continue;
    if (isPlainObject(value)) options[key] = value;
    else problems.push(describeNonObject(LABELS[key], value));
  }
  if (!isBlank(saved.email)) options.email = saved.email;
  return { options, problems };
}
