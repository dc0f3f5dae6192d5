import type { PlainObject } from '../../core/deepMerge';
import { isPlainObject } from '../../core/deepMerge';
import type { TagsPage } from '../createTagsPage';
import { runDataElement } from '../runDataElement';
import { readVariableName } from '../variables/readVariableChange';

/**
 * The "Variable" data element: an object that Update variable actions build up across rules, to
 * use as the XDM or data of Send page view and Send event. `{}` until something is set.
 */
export function createVariable({
  logger,
  variables,
}: Pick<TagsPage, 'logger' | 'variables'>): (settings: unknown) => PlainObject | undefined {
  return runDataElement(logger, 'Variable', (settings) =>
    variables.read(readVariableName(settings), {
      clearAfterSend: isPlainObject(settings) && settings.clearAfterSend === true,
    }),
  );
}
