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

const INDEX = /^\d+$/;

type Container = PlainObject | unknown[];

/** The container a path goes on through: the one there, or a new list when the next key is an index. */
function containerFor(child: unknown, nextKey: string): Container {
  if (Array.isArray(child) || isPlainObject(child)) return child;
  return INDEX.test(nextKey) ? [] : {};
}

/**
 * A copy of `container` with `value` at `keys`, the rest shared. Objects are created along the
 * way, lists where the next key is an index (`productListItems.0.SKU`), as XDM has them; an index
 * may add one item at the end of a list, no further, so that no list gets holes.
 */
function setAt(container: Container, keys: string[], value: unknown, path: string): Container {
  const [key, ...rest] = keys as [string, ...string[]];
  const child = (container as Record<string, unknown>)[key];
  const next = rest.length ? setAt(containerFor(child, rest[0]!), rest, value, path) : value;
  if (!Array.isArray(container)) return { ...container, [key]: next };
  if (!INDEX.test(key) || Number(key) > container.length)
    throw new Error(
      `"${path}": "${key}" is not an index of a list of ${container.length} item(s): use 0 to ${container.length}`,
    );
  const copy = [...container];
  copy[Number(key)] = next;
  return copy;
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
      else
        values.set(name, setAt(read(name), splitPath(change.path), change.value, change.path) as PlainObject);
    },
    clearUsed(used) {
      const cleared = [...clearAfterSend].filter((name) => used.includes(values.get(name)));
      for (const name of cleared) values.set(name, {});
      return cleared;
    },
  };
}
