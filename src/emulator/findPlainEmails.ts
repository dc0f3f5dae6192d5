const LOCAL_CHAR = /[\w.!#$%'*+^`{|}~-]/;
// A dotted domain ending in a top-level label of letters, read from just after the "@".
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;

/**
 * True if `text` holds an e-mail address (`local@domain.tld`, or with the `@` URL-encoded as
 * `%40`). It looks only around each `@`, so long strings cost linear time: a single regular
 * expression over the whole string backtracks quadratically on long runs of word characters.
 */
export function containsEmail(text: string): boolean {
  for (const separator of ['@', '%40']) {
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) {
      if (
        at > 0 &&
        LOCAL_CHAR.test(text[at - 1]!) &&
        DOMAIN.test(text.slice(at + separator.length, at + separator.length + 256))
      )
        return true;
    }
  }
  return false;
}

/**
 * Lists the paths (e.g. `xdm.web.webPageDetails.URL`) of every string in `value` that contains a
 * plain e-mail address, in keys too. A sender that lets one through leaks personal data.
 */
export function findPlainEmails(value: unknown, path = ''): string[] {
  const found: string[] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node === 'string') {
      if (containsEmail(node)) found.push(at || '(root)');
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${at}[${index}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const child = at ? `${at}.${key}` : key;
        if (containsEmail(key)) found.push(`${child} (key)`);
        visit(item, child);
      }
    }
  };
  visit(value, path);
  return found;
}
