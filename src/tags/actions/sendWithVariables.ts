import { mergeConfigOverrides, type EdgeConfigOverrides } from '../../core/configOverrides';
import { isPlainObject } from '../../core/deepMerge';
import type { SendResult } from '../../core/readEdgeAnswer';
import type { TagsPage } from '../createTagsPage';
import { readConfigOverrides } from '../readConfigOverrides';
import type { SendOptions } from '../readSendOptions';

/** What a send action takes from the page besides the collector. */
export type SendContext = Pick<TagsPage, 'logger' | 'variables' | 'stage' | 'configOverrides'>;

/**
 * The overrides a send goes with: the action's (`edgeConfigOverrides` by environment, as in
 * Adobe's Send event) over the configuration's, product by product. Throws for a wrong one: the
 * event would go to the wrong datastream or dataset.
 */
export function actionOverrides(
  { stage, configOverrides }: SendContext,
  settings: unknown,
  actionName: string,
): EdgeConfigOverrides {
  const saved = isPlainObject(settings) ? settings.edgeConfigOverrides : undefined;
  return mergeConfigOverrides(configOverrides(), readConfigOverrides(saved, stage, actionName));
}

/**
 * Starts a send, then clears the Variables marked "clear after send" that gave it its XDM or
 * data. The send already holds those objects (Variables are copied on write), so clearing cannot
 * change what goes out; the next rule starts from an empty Variable.
 */
export function sendWithVariables(
  { logger, variables }: SendContext,
  actionName: string,
  options: SendOptions,
  send: () => Promise<SendResult>,
): Promise<SendResult> {
  const sending = send();
  const cleared = variables.clearUsed([options.xdm, options.data].filter(Boolean));
  if (cleared.length) logger.log(`${actionName}: cleared the variable(s) ${cleared.join(', ')}`);
  return sending;
}

/** Logs what a send came back with: the request id (or that on-before-send cancelled it), and any warning. */
export function logSendResult({ logger }: SendContext, actionName: string, result: SendResult): void {
  if (result.requestId) logger.log(`${actionName}: request ${result.requestId} answered`);
  else logger.log(`${actionName}: cancelled by on before event send; nothing was sent`);
  for (const warning of result.warnings) logger.warn(`${actionName}: ${warning}`);
}
