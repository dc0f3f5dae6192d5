import { isPlainObject } from './deepMerge';
import { EdgeCollectorError } from './EdgeCollectorError';

// An address in any script (`müller@`, `ä@`, `idn@bücher.de`), with its "@" as such or
// percent-encoded once or more (`%40`, `%2540`, ...), and its non-ASCII letters percent-encoded
// too (`b%C3%BCcher`, hence `%` among its characters). Every non-ASCII character counts as a
// letter: Unicode property escapes (`\p{L}`) would be ES2018, and Tags' own minifier parses
// ES2017; taking a non-ASCII neighbour along replaces more, never less. The local part leaves out
// `=`, `&`, `?` and `/`, so that only the address in `?email=…` is replaced. Linear time on any
// string: a match starts only where a run of local-part characters starts (group 1 takes the
// character before it), and a domain stops at the next "@", encoded or not, so no character is
// scanned twice.
const EMAIL_ANYWHERE =
  /(^|[^\w.!#$%'*+^`{|}~\x80-\uffff-])[\w.!#$%'*+^`{|}~\x80-\uffff-]+(?:@|%(?:25)*40)(?:[a-z\d\x80-\uffff-]|%(?!(?:25)*40))+(?:\.(?:[a-z\d\x80-\uffff-]|%(?!(?:25)*40))+)*\.(?:[a-z\x80-\uffff]|%(?:25)*[\da-f]{2}){2,}/gi;
const AT_SIGN = /@|%(?:25)*40/i;

/** What replaces a plain e-mail address found in an outgoing value. */
export const REDACTED_EMAIL = '[redacted-email]';

/** True if `text` holds a plain e-mail address, by the same rule {@link redactEmails} replaces them. */
export const containsEmail = (text: string): boolean =>
  AT_SIGN.test(text) && text.search(EMAIL_ANYWHERE) >= 0;

/**
 * Replaces every plain e-mail address found in the strings and keys of `value` (for example in a
 * page URL like `/thanks?email=ada@example.com`) and returns the cleaned copy with the paths where
 * it found one (with the keys already cleaned: a path never repeats an address). This is the last
 * guard before anything leaves the page. Throws an `invalid-options` error for a value that
 * contains itself, which could never be sent as JSON.
 */
export function redactEmails<T>(value: T, path = ''): { value: T; paths: string[] } {
  const paths: string[] = [];
  const open = new Set<unknown>();
  const clean = (text: string, at: (cleaned: string) => string) => {
    if (!AT_SIGN.test(text)) return text;
    const cleaned = text.replace(EMAIL_ANYWHERE, `$1${REDACTED_EMAIL}`);
    if (cleaned !== text) paths.push(at(cleaned));
    return cleaned;
  };
  const visit = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') return clean(node, () => at);
    if (!Array.isArray(node) && !isPlainObject(node)) return node;
    if (open.has(node))
      throw new EdgeCollectorError('invalid-options', `${at} contains a circular reference`);
    open.add(node);
    let copy: unknown;
    if (Array.isArray(node)) copy = node.map((item, index) => visit(item, `${at}[${index}]`));
    else {
      const object: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        const name = clean(key, (cleaned) => `${at ? `${at}.` : ''}${cleaned} (key)`);
        object[name] = visit(item, at ? `${at}.${name}` : name);
      }
      copy = object;
    }
    open.delete(node);
    return copy;
  };
  return { value: visit(value, path) as T, paths };
}
