import { isPlainObject } from '../../core/deepMerge';
import { hashEmailSync } from '../../core/hashEmail';
import { runDataElement } from '../runDataElement';
import type { TurbineLogger } from '../Turbine';

/**
 * The "Hashed e-mail" data element: the `Email_LC_SHA256` digest (SHA-256 hex of the trimmed,
 * lower-cased address), computed synchronously. No address (an anonymous visitor) gives
 * `undefined` quietly; a value that is not an address gives `undefined` and a warning.
 */
export function createHashedEmail({
  logger,
}: {
  logger: TurbineLogger;
}): (settings: unknown) => string | undefined {
  return runDataElement(logger, 'Hashed e-mail', (settings) => {
    const email = isPlainObject(settings) ? settings.email : undefined;
    if (email === undefined || email === null || email === '') return undefined;
    const hashed = hashEmailSync(email);
    if (hashed.warning) logger.warn(`Hashed e-mail data element: ${hashed.warning}`);
    return hashed.digest;
  });
}
