import { deepMerge, isPlainObject, type PlainObject } from '../../core/deepMerge';

/** One change Update variable makes to a Variable. */
export type VariableChange =
  | { operation: 'set'; path: string; value: unknown }
  | { operation: 'merge'; value: PlainObject }
  | { operation: 'clear' };

/**
 * The page's Variables: named objects built up across rules. Each change replaces the object
 * (copy on write), so an object already handed to a send never changes under it.
 */
export interface VariableStore {
  /** The Variable's current object (`{}` until something is set); `clearAfterSend` is remembered. */
  read(name: string, options?: { clearAfterSend?: boolean }): PlainObject;
  /** Applies one change; throws an Error that says what is wrong with it. */
  update(name: string, change: VariableChange): void;
  /**
   * Clears the Variables marked "clear after send" whose current object is one of `used` (the
   * XDM and data a send just took), and returns their names.
   */
  clearUsed(used: unknown[]): string[];
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Splits a dotted path such as `commerce.order.priceTotal`, refusing empty and prototype keys. */
export function splitPath(path: string): string[] {
  const keys = path.trim().split('.');
  if (!path.trim() || keys.some((key) => !key || UNSAFE_KEYS.has(key)))
    throw new Error(`"${path}" is not a path such as commerce.order.priceTotal`);
  return keys;
}

/** A copy of `object` with `value` at `keys` (objects created along the way), the rest shared. */
function setAt(object: PlainObject, keys: string[], value: unknown): PlainObject {
  const [key, ...rest] = keys as [string, ...string[]];
  const child = object[key];
  return {
    ...object,
    [key]: rest.length ? setAt(isPlainObject(child) ? child : {}, rest, value) : value,
  };
}

/** Creates an empty set of Variables. */
export function createVariableStore(): VariableStore {
  const values = new Map<string, PlainObject>();
  const clearAfterSend = new Set<string>();
  const read = (name: string) => values.get(name) ?? {};
  return {
    read(name, options) {
      if (options?.clearAfterSend) clearAfterSend.add(name);
      else clearAfterSend.delete(name);
      if (!values.has(name)) values.set(name, {});
      return read(name);
    },
    update(name, change) {
      if (change.operation === 'clear') values.set(name, {});
      else if (change.operation === 'merge') values.set(name, deepMerge(read(name), change.value));
      else values.set(name, setAt(read(name), splitPath(change.path), change.value));
    },
    clearUsed(used) {
      const cleared = [...clearAfterSend].filter((name) => used.includes(values.get(name)));
      for (const name of cleared) values.set(name, {});
      return cleared;
    },
  };
}
