import { isPlainObject } from './deepMerge';

// The local part leaves out `=`, `&`, `?` and `/` so that only the address in `?email=…` is replaced.
// Every quantifier is bounded (RFC 5321 lengths) so a long string costs linear time, never quadratic.
const EMAIL_ANYWHERE =
  /[\w.!#$%'*+^`{|}~-]{1,64}(?:@|%40)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/gi;
const AT_SIGN = /@|%40/;

/** What replaces a plain e-mail address found in an outgoing value. */
export const REDACTED_EMAIL = '[redacted-email]';

/**
 * Replaces every plain e-mail address found in the strings of `value` (for example in a page URL
 * like `/thanks?email=ada@example.com`) and returns the cleaned copy with the paths where it
 * found one. This is the last guard before anything leaves the page.
 */
export function redactEmails<T>(value: T, path = ''): { value: T; paths: string[] } {
  const paths: string[] = [];
  const visit = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      if (!AT_SIGN.test(node)) return node;
      const cleaned = node.replace(EMAIL_ANYWHERE, REDACTED_EMAIL);
      if (cleaned !== node) paths.push(at);
      return cleaned;
    }
    if (Array.isArray(node)) return node.map((item, index) => visit(item, `${at}[${index}]`));
    if (isPlainObject(node)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) copy[key] = visit(item, at ? `${at}.${key}` : key);
      return copy;
    }
    return node;
  };
  return { value: visit(value, path) as T, paths };
}
