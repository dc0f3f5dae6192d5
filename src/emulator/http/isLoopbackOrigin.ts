const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

/** True for page origins on this machine (`http://127.0.0.1:*`, `http://localhost:*`, `http://[::1]:*`), the only ones the emulator answers with CORS. */
export function isLoopbackOrigin(origin: unknown): origin is string {
  return typeof origin === 'string' && LOOPBACK_ORIGIN.test(origin);
}
