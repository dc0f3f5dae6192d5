/**
 * Reads (`value` omitted) or writes a small value in localStorage under `{namespace}:{name}`.
 * Where storage is refused the value lasts for this page only, and nothing throws into the page.
 */
export function rememberLocally(
  namespace: string,
): (name: string, value?: string) => string | null | undefined {
  return (name, value) => {
    const key = `${namespace}:${name}`;
    try {
      if (value === undefined) return localStorage.getItem(key);
      localStorage.setItem(key, value);
    } catch {
      // Storage disabled or full: nothing persists, sending goes on.
    }
    return undefined;
  };
}
