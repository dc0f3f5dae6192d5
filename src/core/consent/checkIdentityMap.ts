import { AUTHENTICATED_STATES } from '../authenticatedStates';
import { isPlainObject } from '../deepMerge';
import { EdgeCollectorError } from '../EdgeCollectorError';
import { EMAIL_NAMESPACE, type IdentityMap } from '../emailIdentityMap';
import { containsEmail } from '../redactEmails';

const refuse = (message: string): never => {
  throw new EdgeCollectorError('invalid-options', `setConsent: identityMap${message}`);
};

/**
 * Checks the `identityMap` of a `setConsent` call, Adobe's `{ namespace: [{ id, authenticatedState?,
 * primary? }] }`, whose `ECID` names the device the decision is for (the Edge Network records
 * consent per device: a server posting for a visitor it knows). A plain e-mail address anywhere in it is refused, never sent: its
 * SHA-256 goes under `Email_LC_SHA256` (`hashEmail`). Throws an `invalid-options` error naming the
 * field.
 */
export function checkIdentityMap(value: unknown): IdentityMap {
  if (!isPlainObject(value)) return refuse(' must be an object such as { "ECID": [{ "id": "…" }] }');
  for (const [namespace, list] of Object.entries(value)) {
    if (!Array.isArray(list) || !list.length) refuse(`.${namespace} must be a non-empty list of { id }`);
    (list as unknown[]).forEach((identity, index) => {
      const at = `.${namespace}[${index}]`;
      if (!isPlainObject(identity) || typeof identity.id !== 'string' || !identity.id.trim())
        refuse(`${at}.id must be a non-empty string`);
      const { authenticatedState } = identity as Record<string, unknown>;
      if (authenticatedState !== undefined && !AUTHENTICATED_STATES.includes(authenticatedState as never))
        refuse(`${at}.authenticatedState must be ${AUTHENTICATED_STATES.join(', ')}`);
      if (containsEmail(namespace + JSON.stringify(identity)))
        refuse(`${at} holds a plain e-mail address: send its SHA-256 (hashEmail) under ${EMAIL_NAMESPACE}`);
    });
  }
  return value as IdentityMap;
}
