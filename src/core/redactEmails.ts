import { isPlainObject, type PlainObject } from './deepMerge';
import { EdgeCollectorError } from './EdgeCollectorError';
import { readEncoded } from './readEncoded';

// An address, as `readEncoded` reads it: a character, "@", then a domain with a dot followed by
// two letters (so that `react@18.2.0` and `name@localhost` are left alone). Every non-ASCII
// character counts as a letter, so an address in any script (`idn@bücher.de`, `用户@例子.广告`)
// is found: Unicode property escapes (`\p{L}`) would be ES2018, and Tags' own minifier parses
// ES2017. Linear time on any string: a try starts only at an "@" and its domain stops at the
// next one, so each character is looked at a bounded number of times.
const EMAIL = /[^@]@[^@]*\.[a-z\x80-\uffff]{2}/i;

// A stretch of text that no address crosses, however it is percent-encoded: whitespace, `/`, `?`,
// `=`, `:`, `"`, `,` and `&` are in no address (the guard takes them for URL, query and sentence
// syntax, so `ada&bob@…` keeps `ada&`) and in no escape. A stretch that reads as holding an
// address is replaced whole: more than the address at times (`<ada@example.com>!`), never less.
const STRETCH = /[^\s/?=:",&]+/g;

/** What replaces a plain e-mail address found in an outgoing value. */
export const REDACTED_EMAIL = '[redacted-email]';

// What a text needs for `readEncoded` to find an "@" in it: an "@", an escape, or a character that
// NFKC may fold into one (`＠`, `﹫`). Most strings of an event (ids, times, types, a plain URL) have
// none, and skip the search for stretches, which costs each send more than anything else it builds.
const MAYBE_AT = /[@%\x80-\uffff]/;

/** `text` with each stretch that reads as holding an address replaced, whole. */
const redactText = (text: string): string =>
  MAYBE_AT.test(text)
    ? text.replace(STRETCH, (stretch) => (EMAIL.test(readEncoded(stretch)) ? REDACTED_EMAIL : stretch))
    : text;

/** True if `text` holds a plain e-mail address, by the same rule {@link redactEmails} replaces them. */
export const containsEmail = (text: string): boolean => redactText(text) !== text;

/**
 * Replaces every plain e-mail address found in the strings and keys of `value` (for example in a
 * page URL like `/thanks?email=ada@example.com`) and returns the cleaned copy with the paths where
 * it found one (with the keys already cleaned: a path never repeats an address). The copy is
 * what `JSON.stringify` sends (`toJSON` called, so a `URL` or `Date` becomes its string; `new
 * String(…)` unboxed; a class instance as its own fields; functions as JSON writes them), so that
 * nothing reaches the wire or the queue unseen. This is the last guard before anything leaves the
 * page. Throws an `invalid-options` error, saying where, for arrays and plain objects that contain
 * themselves; what JSON itself cannot write (a BigInt, a class instance that contains itself)
 * throws JSON's own TypeError, as it would when sent.
 */
export function redactEmails<T>(value: T): { value: T; paths: string[] } {
  const paths: string[] = [];
  const open = new Set<unknown>();
  const visit = (node: unknown, at: string, key: string | number): unknown => {
    // Anything but a string, an array or a plain object, and anything with a `toJSON` (called
    // with `key`, as JSON calls it), is first made what JSON writes for it.
    if (
      typeof node !== 'string' &&
      (!(Array.isArray(node) || isPlainObject(node)) || (node as PlainObject).toJSON)
    )
      node = JSON.parse(JSON.stringify({ [key]: node }))[key];
    if (typeof node === 'string') {
      const cleaned = redactText(node);
      if (cleaned !== node) paths.push(at);
      return cleaned;
    }
    if (!node || typeof node !== 'object') return node;
    if (open.has(node))
      throw new EdgeCollectorError('invalid-options', `${at} contains a circular reference`);
    open.add(node);
    // An `undefined` left in an array or object is written as JSON writes it (`null`, or nothing).
    let copy: unknown;
    if (Array.isArray(node)) copy = node.map((item, index) => visit(item, `${at}[${index}]`, index));
    else {
      const object: PlainObject = {};
      for (const [name, item] of Object.entries(node)) {
        const cleanName = redactText(name);
        const child = at ? `${at}.${cleanName}` : cleanName;
        if (cleanName !== name) paths.push(`${child} (key)`);
        object[cleanName] = visit(item, child, name);
      }
      copy = object;
    }
    open.delete(node);
    return copy;
  };
  return { value: visit(value, '', '') as T, paths };
}
