/**
 * Reads an IAB TCF 2.0 TC string's core segment far enough to tell whether the visitor consented to
 * purpose 1 (store and access information on a device), which the Edge Network requires to
 * collect. `undefined` when the string is not a TCF 2 core segment.
 * Layout: https://github.com/InteractiveAdvertisingBureau/GDPR-Transparency-and-Consent-Framework
 * (TCF v2.0 "TC string format": Version 6 bits, …, PurposesConsent from bit 152).
 */
export function readTcfPurposeOne(tcString: string): boolean | undefined {
  const core = tcString.split('.')[0] ?? '';
  if (!/^[A-Za-z0-9_-]{27,}$/.test(core)) return undefined;
  const bits = [...Buffer.from(core, 'base64url')].map((byte) => byte.toString(2).padStart(8, '0')).join('');
  if (parseInt(bits.slice(0, 6), 2) !== 2 || bits.length < 176) return undefined;
  return bits[152] === '1';
}
