import { isPlainObject } from './deepMerge';

// The local part leaves out `=`, `&`, `?` and `/` so that only the address in `?email=…` is replaced.
const EMAIL_ANYWHERE = /[\w.!#$%'*+^`{|}~-]+(?:@|%40)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

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
      EMAIL_ANYWHERE.lastIndex = 0;
      if (!EMAIL_ANYWHERE.test(node)) return node;
      paths.push(at);
      return node.replace(EMAIL_ANYWHERE, REDACTED_EMAIL);
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
