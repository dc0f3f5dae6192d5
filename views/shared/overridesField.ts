import { isPlainObject } from '../../src/core/deepMerge';
import { TAGS_STAGES } from '../../src/tags/TagsExtensionSettings';
import { readConfigOverrides } from '../../src/tags/readConfigOverrides';
import { describeError } from '../../src/tags/describeError';
import type { OverridesSpec } from './FieldSpec';
import { hasToken } from './tokens';

/**
 * Datastream configuration overrides, saved as Adobe's Web SDK extension saves them: by
 * environment, each with a datastream ID and the products' settings.
 */
export function overridesField(help: string): OverridesSpec {
  return {
    kind: 'overrides',
    name: 'edgeConfigOverrides',
    label: 'Datastream configuration overrides',
    help: `${help} By environment (production, staging, development; each stands alone, as in the Web SDK). Set the overrides up in the datastream first. Any value may be a data element.`,
  };
}

/** The value with every data element token left out: only the page knows what it gives. */
function withoutTokens(value: unknown): unknown {
  if (typeof value === 'string' && hasToken(value)) return undefined;
  if (Array.isArray(value)) return value.filter((item) => !(typeof item === 'string' && hasToken(item)));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutTokens(item)]));
}

/** The runtime's own check of the overrides (readConfigOverrides), for every environment. */
export function checkOverrides(settings: Record<string, unknown>): { edgeConfigOverrides?: string } {
  const value = withoutTokens(settings.edgeConfigOverrides);
  try {
    for (const stage of TAGS_STAGES) readConfigOverrides(value, stage, 'Datastream configuration overrides');
    return {};
  } catch (error) {
    return { edgeConfigOverrides: describeError(error) };
  }
}
