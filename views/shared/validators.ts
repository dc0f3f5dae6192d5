import { hasToken } from './tokens';
import { DATASTREAM_ID } from '../../src/core/patterns';
import { ORG_ID } from '../../src/tags/idMigration';
import { INSTANCE_NAME } from '../../src/tags/readInstances';

/** Checks one text value; returns the message to show next to the field, or `undefined` when fine. */
export type Validator = (value: string) => string | undefined;

/** A datastream ID (a UUID, as Data Collection > Datastreams shows it) or a data element. */
export const datastreamId: Validator = (value) =>
  hasToken(value) || DATASTREAM_ID.test(value)
    ? undefined
    : 'Enter a datastream ID such as 2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b, or pick a data element.';

/**
 * An http(s) URL with a host and no query or fragment (the collector appends
 * `/{base path}/v2/interact?…` to it), or a data element.
 */
export const httpUrl: Validator = (value) => {
  if (hasToken(value)) return undefined;
  try {
    const url = new URL(value);
    if (/[?#]/.test(value))
      return 'Leave out the ? query and # part: the collector adds its own path and query.';
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.host) return undefined;
  } catch {
    // Reported below.
  }
  return 'Enter a URL that starts with https:// (or http://), or pick a data element.';
};

/** A path such as `ee` or `edge/ee`, or a data element. */
export const basePath: Validator = (value) =>
  hasToken(value) || /^[\w-]+(\/[\w-]+)*$/.test(value)
    ? undefined
    : 'Enter a path such as ee (letters, digits, - and _ separated by /).';

/** An XDM event type such as `commerce.productViews`, or a data element. */
export const eventType: Validator = (value) =>
  hasToken(value) || /^[\w-]+(\.[\w-]+)*$/.test(value)
    ? undefined
    : 'Enter an event type such as commerce.productViews (no spaces).';

/** A regular expression (as `new RegExp` reads it), or a data element. */
export const regularExpression: Validator = (value) => {
  if (hasToken(value)) return undefined;
  try {
    new RegExp(value);
    return undefined;
  } catch (error) {
    return `Enter a regular expression such as \\.(pdf|zip)$: ${(error as Error).message}`;
  }
};

/** An IMS organization ID (`…@AdobeOrg`), or a data element. */
export const orgId: Validator = (value) =>
  hasToken(value) || ORG_ID.test(value.trim())
    ? undefined
    : 'Enter the IMS organization ID, 24 hexadecimal digits then @AdobeOrg (Data Collection shows it in the account menu), or pick a data element.';

/** An instance name: a JavaScript identifier, as Adobe's Web SDK extension asks (never a data element). */
export const instanceName: Validator = (value) =>
  INSTANCE_NAME.test(value)
    ? undefined
    : 'Enter a name such as edgeCollector or brand2: letters, digits, _ and $, not starting with a digit (as a JavaScript variable name).';
