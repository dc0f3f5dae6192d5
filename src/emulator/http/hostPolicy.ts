const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `localhost` and its subdomains: clients resolve them to loopback themselves (RFC 6761, 6.3), so they cannot be rebound. */
const isLocalhostName = (name: string) => name === 'localhost' || name.endsWith('.localhost');

/**
 * True when a `Host` header names this machine on the emulator's port: `127.0.0.1`, `localhost`
 * (or a subdomain of it, e.g. `edge.localhost`) or `[::1]`. Anything else is a DNS rebinding
 * attempt (a foreign name that resolves to 127.0.0.1, https://en.wikipedia.org/wiki/DNS_rebinding)
 * and is refused. With `https`, a `localhost` name without a port (443, the only port Adobe's Web
 * SDK calls, mapped to the emulator's by the browser or a port forward) is served too.
 */
export function isLoopbackHost(host: string | undefined, port: number, https = false): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  const name = match?.[1];
  if (!name || !(LOOPBACK_NAMES.has(name) || isLocalhostName(name))) return false;
  if (match[2] !== undefined) return Number(match[2]) === port;
  return port === 80 || (https && isLocalhostName(name));
}
