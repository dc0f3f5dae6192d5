import { isPlainObject } from '../../core/deepMerge';
import type { VariableChange } from './createVariableStore';

/** A Variable's name: what the Variable data element and Update variable share. */
export function readVariableName(settings: unknown): string {
  const name = isPlainObject(settings) ? settings.name : undefined;
  if (typeof name !== 'string' || !name.trim())
    throw new Error('the variable name is empty: set it to the name of a Variable data element');
  return name.trim();
}

/**
 * Reads Update variable's settings, after Turbine replaced the data element tokens: set a value
 * at a path, merge an object, or clear. Throws an Error that says what is wrong.
 */
export function readVariableChange(settings: unknown): VariableChange {
  const saved = isPlainObject(settings) ? settings : {};
  const operation = saved.operation ?? 'set';
  if (operation === 'clear') return { operation };
  if (operation === 'merge') {
    if (!isPlainObject(saved.value))
      throw new Error('merge needs an object: JSON, or a data element that returns an object');
    return { operation, value: saved.value };
  }
  if (operation === 'set') {
    if (typeof saved.path !== 'string') throw new Error('set needs a path such as commerce.order.priceTotal');
    return { operation, path: saved.path, value: saved.value };
  }
  throw new Error(`the operation must be "set", "merge" or "clear", got ${JSON.stringify(operation)}`);
}
