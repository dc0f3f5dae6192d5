/** True when the page URL asks for debug logs with `?edgeCollectorDebug=true`. */
export function isDebugRequested(): boolean {
  try {
    return new URLSearchParams(location.search).get('edgeCollectorDebug') === 'true';
  } catch {
    return false;
  }
}
