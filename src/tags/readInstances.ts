import { isPlainObject } from '../core/deepMerge';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import type { TagsExtensionSettings } from './TagsExtensionSettings';

/** One instance of the extension configuration: its own datastreams, consent, link tracking… and a name. */
export interface TagsInstanceSettings extends TagsExtensionSettings {
  /** What actions, data elements and events pick it by (`instanceName`); a JavaScript identifier. */
  name?: unknown;
}

/**
 * The name of the instance of a configuration saved before instances existed (its settings are
 * that one instance), and of the first instance of a new configuration.
 */
export const DEFAULT_INSTANCE_NAME = 'edgeCollector';

/**
 * What an instance name must be: a JavaScript identifier, as Adobe's Web SDK extension asks
 * (https://experienceleague.adobe.com/en/docs/experience-platform/tags/extensions/client/web-sdk/configure/configure-sdk-instance),
 * so that it can also name a global.
 */
export const INSTANCE_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * The configured instances, in order: the saved `instances` list, or (a configuration saved with
 * one instance, before the list existed) the whole settings as one instance named `edgeCollector`.
 */
export function listInstances(settings: Record<string, unknown> | undefined): TagsInstanceSettings[] {
  const saved = settings ?? {};
  if (!Array.isArray(saved.instances)) return [{ ...saved, name: DEFAULT_INSTANCE_NAME }];
  return saved.instances.filter(isPlainObject) as TagsInstanceSettings[];
}

/** An instance's name as saved (trimmed), or `undefined` when it has none. */
const nameOf = (instance: TagsInstanceSettings): string | undefined =>
  typeof instance.name === 'string' && instance.name.trim() ? instance.name.trim() : undefined;

/**
 * The instance name a module's settings pick (`instanceName`), or the first instance's when they
 * name none (every item saved before instances existed, as in Adobe's extension).
 */
export function pickInstanceName(
  settings: Record<string, unknown> | undefined,
  moduleSettings: unknown,
): string {
  const picked = isPlainObject(moduleSettings) ? moduleSettings.instanceName : undefined;
  if (typeof picked === 'string' && picked.trim()) return picked.trim();
  const [first] = listInstances(settings);
  return (first && nameOf(first)) ?? DEFAULT_INSTANCE_NAME;
}

/**
 * The settings of the instance called `name`. Throws an `invalid-config` error, listing the
 * configured names, when there is none (a rule saved before its instance was renamed or removed)
 * or when two have that name (the configuration view refuses both).
 */
export function findInstance(
  settings: Record<string, unknown> | undefined,
  name: string,
): TagsInstanceSettings {
  const instances = listInstances(settings);
  const found = instances.filter((instance) => nameOf(instance) === name);
  if (found.length === 1) return found[0]!;
  const names = instances.map((instance) => `"${nameOf(instance) ?? ''}"`).join(', ');
  throw new EdgeCollectorError(
    'invalid-config',
    found.length
      ? `${found.length} instances are named "${name}": give each its own name`
      : `there is no instance named "${name}" (the configuration has ${names}): pick one in the rule's action, data element or event`,
  );
}
