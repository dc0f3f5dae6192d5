/** True when the page URL asks for debug logs with `?edgeCollectorDebug=true`. */
export const isDebugRequested = (): boolean => /[?&]edgeCollectorDebug=true(&|$)/.test(location.search);
