import type { OnBeforeEventSend } from '../core/CollectorConfig';
import { withEcid } from '../core/withEcid';

export { ORG_ID } from '../core/patterns';

/** The value of cookie `name` in `jar` (`document.cookie`), decoded; `undefined` when absent. */
function cookie(jar: string, name: string): string | undefined {
  const pair = jar.split(/;\s*/).find((entry) => entry.startsWith(`${name}=`));
  if (pair === undefined) return undefined;
  try {
    return decodeURIComponent(pair.slice(name.length + 1));
  } catch {
    return pair.slice(name.length + 1);
  }
}

/**
 * The ECID a visitor got from Adobe's Visitor API (AppMeasurement, at.js), to be kept by the Edge
 * Network, as Adobe's Web SDK does with `idMigrationEnabled`: read from the `AMCV_{orgId}` cookie
 * (`…|MCMID|{ecid}|…`, its name with `@` plain or as `%40`) or the `s_ecid` cookie (`MCMID|{ecid}`),
 * and only while the Edge Network's own identity cookie (`kndctr_{orgId with _ for @}_identity`)
 * is absent: once the Edge Network answered, its identity rules.
 * https://experienceleague.adobe.com/en/docs/experience-platform/web-sdk/identity/overview
 */
export function readLegacyEcid(orgId: string, jar: string): string | undefined {
  if (cookie(jar, `kndctr_${orgId.replace('@', '_')}_identity`) !== undefined) return undefined;
  const amcv = cookie(jar, `AMCV_${orgId}`) ?? cookie(jar, `AMCV_${encodeURIComponent(orgId)}`);
  const found =
    /(?:^|\|)MCMID\|(\d{38})(?:\||$)/.exec(amcv ?? '') ??
    /^MCMID\|(\d{38})$/.exec(cookie(jar, 's_ecid') ?? '');
  return found ? found[1] : undefined;
}

/**
 * `onBeforeEventSend` with the visitor's AppMeasurement ECID added first (see {@link withEcid}),
 * so that a site moving from AppMeasurement keeps its visitors. `readCookies` is read at each event.
 */
export function withIdMigration(
  orgId: string,
  readCookies: () => string,
  next: OnBeforeEventSend | undefined,
): OnBeforeEventSend {
  return withEcid(() => readLegacyEcid(orgId, readCookies()), next);
}
