/** Adobe's vendor id in the IAB Global Vendor List: the Edge Network collects only with its consent. */
export const ADOBE_TCF_VENDOR_ID = 565;

/** What the Edge Network reads of an IAB TCF 2.0 TC string to decide on collection. */
export interface TcfConsent {
  /** Purpose 1, "Store and/or access information on a device". */
  purposeOne: boolean;
  /** Consent for Adobe, vendor 565. */
  adobeVendor: boolean;
}

// Bit offsets in the core segment (IAB TCF v2.0, "TC String Format", core string fields).
const PURPOSES_CONSENT = 152;
const MAX_VENDOR_ID = 213;
const IS_RANGE_ENCODING = 229;
const VENDOR_BITS = 230;

const bitsOf = (core: string) =>
  [...Buffer.from(core, 'base64url')].map((byte) => byte.toString(2).padStart(8, '0')).join('');

const readInt = (bits: string, from: number, length: number) => parseInt(bits.slice(from, from + length), 2);

/** Whether the vendor section (bit field or ranges) gives `vendorId` consent; undefined when it is cut short. */
function readVendorConsent(bits: string, vendorId: number): boolean | undefined {
  const maxVendorId = readInt(bits, MAX_VENDOR_ID, 16);
  if (bits[IS_RANGE_ENCODING] === '0') {
    if (bits.length < VENDOR_BITS + maxVendorId) return undefined;
    return vendorId <= maxVendorId && bits[VENDOR_BITS + vendorId - 1] === '1';
  }
  if (bits.length < VENDOR_BITS + 12) return undefined;
  const entries = readInt(bits, VENDOR_BITS, 12);
  let at = VENDOR_BITS + 12;
  for (let index = 0; index < entries; index++) {
    const isRange = bits[at] === '1';
    const start = readInt(bits, at + 1, 16);
    const end = isRange ? readInt(bits, at + 17, 16) : start;
    at += isRange ? 33 : 17;
    if (at > bits.length) return undefined;
    if (vendorId >= start && vendorId <= end) return true;
  }
  return false;
}

/**
 * Reads an IAB TCF 2.0 TC string's core segment far enough to tell what the Edge Network requires
 * to collect: purpose 1 and Adobe's vendor consent (Experience League, "IAB TCF 2.0 support",
 * help/web-sdk/consent/iab-tcf/overview.md). `undefined` when the string is not a TCF 2 core segment.
 */
export function readTcfConsent(tcString: string): TcfConsent | undefined {
  const core = tcString.split('.')[0] ?? '';
  if (!/^[A-Za-z0-9_-]{27,}$/.test(core)) return undefined;
  const bits = bitsOf(core);
  if (readInt(bits, 0, 6) !== 2 || bits.length < VENDOR_BITS) return undefined;
  const adobeVendor = readVendorConsent(bits, ADOBE_TCF_VENDOR_ID);
  if (adobeVendor === undefined) return undefined;
  return { purposeOne: bits[PURPOSES_CONSENT] === '1', adobeVendor };
}
