import type { TagsPage } from '../createTagsPage';
import { describeError } from '../describeError';
import { noop } from '../../core/noop';
import { readVariableChange, readVariableName } from '../variables/readVariableChange';

/**
 * The "Update variable" action: sets a value at a path of a Variable, merges an object into it,
 * or clears it, so that rules can build up the XDM or data that a later send uses. Resolves when
 * done; a bad setting is logged and rejects (later actions of the rule then do not run).
 */
export function createUpdateVariable({
  logger,
  variables,
}: Pick<TagsPage, 'logger' | 'variables'>): (settings: unknown) => Promise<void> {
  const actionName = 'Update variable';
  return (settings) => {
    try {
      const name = readVariableName(settings);
      const change = readVariableChange(settings);
      variables.update(name, change);
      logger.log(`${actionName}: ${change.operation} on variable ${name}`);
      return Promise.resolve();
    } catch (error) {
      logger.error(`${actionName} failed: ${describeError(error)}`);
      const outcome = Promise.reject(error);
      // Nobody awaits it without rule component sequencing: no "Uncaught (in promise)" in the page.
      outcome.catch(noop);
      return outcome;
    }
  };
}
