/**
 * Reads (`value` omitted) or writes a small value in localStorage under `{namespace}:{name}`; a
 * write returns the value once stored, and nothing where storage is refused or full (the caller
 * keeps it for this page: see createDelivery's `setConsent`). Nothing throws into the page.
 */
export function rememberLocally(
  namespace: string,
): (name: string, value?: string) => string | null | undefined {
  return (name, value) => {
    const key = `${namespace}:${name}`;
    try {
      if (value === undefined) return localStorage.getItem(key);
      localStorage.setItem(key, value);
      return value;
    } catch {
      // Storage disabled or full: nothing persists, sending goes on.
    }
    return undefined;
  };
}
