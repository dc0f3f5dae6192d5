import { ECID } from './patterns';

// The `adobe_mc` query parameter carries a visitor's ECID from one site of an organization to
// another, in the format Adobe's Visitor API introduced and Adobe's Web SDK keeps
// (https://experienceleague.adobe.com/en/docs/experience-platform/web-sdk/commands/appendidentitytourl):
// `adobe_mc=` + encodeURIComponent(`TS=<unix seconds>|MCMID=<ECID>|MCORGID=<encoded org ID>`).

/** The query parameter's name. */
export const ADOBE_MC = 'adobe_mc';

/**
 * How long a link stays good after it was made, in seconds: 5 minutes, as in Adobe's Web SDK
 * (a link copied, bookmarked or shared later must not hand its visitor's identity to someone else).
 */
export const ADOBE_MC_TTL_SECONDS = 300;

/** The parameter's value (already encoded for a query string) for `ecid` of `orgId` at `nowMs`. */
export function formatAdobeMc(ecid: string, orgId: string, nowMs: number): string {
  return encodeURIComponent(
    `TS=${Math.round(nowMs / 1000)}|MCMID=${ecid}|MCORGID=${encodeURIComponent(orgId)}`,
  );
}

/**
 * `url` with `adobe_mc` for `ecid` added to its query, before any `#fragment`. An `adobe_mc` it
 * already had is replaced (a landing page takes the last one; an old one would only lengthen
 * the URL). Relative URLs stay relative: only the query changes.
 */
export function appendAdobeMc(url: string, ecid: string, orgId: string, nowMs: number): string {
  const [, base, query = '', fragment] = /^([^?#]*)(?:\?([^#]*))?([\s\S]*)$/.exec(url)!;
  const kept = query.split('&').filter((pair) => pair && pair.split('=')[0] !== ADOBE_MC);
  kept.push(`${ADOBE_MC}=${formatAdobeMc(ecid, orgId, nowMs)}`);
  return `${base}?${kept.join('&')}${fragment}`;
}

/** Decodes a percent-encoded piece, or gives it back as it is when it is not valid. */
function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The ECID that a page's query (`location.search`) hands over in `adobe_mc`, or `undefined`
 * when there is none or it must not be used: made for another organization than `orgId`, older
 * than {@link ADOBE_MC_TTL_SECONDS} (or as far in the future: the link was not made by a
 * browser's clock), or malformed (no `TS`, no 38-digit `MCMID`). Of several `adobe_mc`, the
 * last counts, as in Adobe's Web SDK. Never throws.
 */
export function readAdobeMc(search: string, orgId: string, nowMs: number): string | undefined {
  const value = new URLSearchParams(search).getAll(ADOBE_MC).pop() ?? '';
  // No prototype: a key such as `__proto__` is only a key here.
  const fields: Record<string, string | undefined> = Object.create(null);
  for (const pair of value.split('|')) {
    const [key = '', text] = pair.split('=');
    fields[key] = text;
  }
  const age = nowMs / 1000 - Number(fields.TS);
  const fresh = /^\d+(\.\d+)?$/.test(fields.TS ?? '') && Math.abs(age) <= ADOBE_MC_TTL_SECONDS;
  const ecid = fields.MCMID ?? '';
  return fresh && ECID.test(ecid) && decodeSafely(fields.MCORGID ?? '') === orgId ? ecid : undefined;
}
