const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True when a `Host` header names this machine on the emulator's port: `127.0.0.1`, `localhost`
 * or `[::1]`. Anything else is a DNS rebinding attempt (a foreign name that resolves to 127.0.0.1,
 * https://en.wikipedia.org/wiki/DNS_rebinding) and is refused.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!match || !LOOPBACK_NAMES.has(match[1]!)) return false;
  return match[2] === undefined ? port === 80 : Number(match[2]) === port;
}
