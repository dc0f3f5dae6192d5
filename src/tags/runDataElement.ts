import { describeError } from './describeError';
import type { TurbineLogger } from './Turbine';

/**
 * Wraps a data element's work: Turbine wants the value synchronously, and a failure must become
 * a logged error and an empty value, never an exception in the page.
 */
export function runDataElement<T>(
  logger: TurbineLogger,
  name: string,
  work: (settings: unknown) => T | undefined,
): (settings: unknown) => T | undefined {
  return (settings) => {
    try {
      return work(settings);
    } catch (error) {
      logger.error(`${name} data element failed: ${describeError(error)}`);
      return undefined;
    }
  };
}
