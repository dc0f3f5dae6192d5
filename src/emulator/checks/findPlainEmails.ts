import { containsEmail, redactEmails } from '../../core/redactEmails';
import { shortenPath } from './shortenPath';

/**
 * Lists the paths (e.g. `xdm.web.webPageDetails.URL`, `headers.referer`) of every string in
 * `value` that contains a plain e-mail address, in keys too (named with the address replaced, so
 * that the report does not repeat it). A sender that lets one through leaks personal data. The
 * rule is the collector's own ({@link containsEmail}): any script, percent-encoding read at any
 * depth (dots and every byte included), the look-alikes of "@" and ".", in linear time. Paths are
 * shortened as they are built (shortenPath, the same result as shortening the whole): 2,000
 * addresses under a 30,000-character key would otherwise make 60 MB of paths.
 */
export function findPlainEmails(value: unknown, path = ''): string[] {
  const found: string[] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node === 'string') {
      if (containsEmail(node)) found.push(at || '(root)');
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, shortenPath(`${at}[${index}]`)));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const name = containsEmail(key) ? redactEmails(key).value : key;
        const child = shortenPath(at ? `${at}.${name}` : name);
        if (name !== key) found.push(`${child} (key)`);
        visit(item, child);
      }
    }
  };
  visit(value, path);
  return found;
}
