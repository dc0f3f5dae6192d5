/**
 * The identity cookie's value as the Edge Network writes it, so that Adobe's Web SDK can read the
 * visitor's ECID from it (alloy's `createDecodeKndctrCookie`): a protobuf `Identity` message whose
 * field 1 is the ECID, in base64 with `+` written `-` and `/` written `_`. The emulator writes only
 * that field; any field it does not know is skipped when reading, as alloy does.
 */

const ECID = /^\d{38}$/;
const ECID_FIELD_TAG = (1 << 3) | 2; // field 1, wire type 2 (length-delimited)

/** Encodes an ECID as the value of `kndctr_<org>_identity`. */
export function encodeIdentityCookie(ecid: string): string {
  const bytes = Buffer.concat([Buffer.from([ECID_FIELD_TAG, ecid.length]), Buffer.from(ecid, 'ascii')]);
  return bytes.toString('base64').replace(/\//g, '_').replace(/\+/g, '-');
}

/** Reads a varint at `offset`: its value and how many bytes it took; undefined past the end. */
function readVarint(bytes: Buffer, offset: number): { value: number; length: number } | undefined {
  let value = 0;
  for (let length = 0; length < 5 && offset + length < bytes.length; length++) {
    const byte = bytes[offset + length]!;
    value += (byte & 0x7f) * 2 ** (7 * length);
    if (!(byte & 0x80)) return { value, length: length + 1 };
  }
  return undefined;
}

/** How many bytes the value of a field of `wireType` at `offset` takes; undefined when unknown. */
function skipLength(bytes: Buffer, offset: number, wireType: number): number | undefined {
  if (wireType === 0) return readVarint(bytes, offset)?.length;
  if (wireType === 1) return 8;
  if (wireType === 5) return 4;
  if (wireType === 2) {
    const size = readVarint(bytes, offset);
    return size && size.length + size.value;
  }
  return undefined;
}

/** The ECID in an identity cookie value (URL-encoded or not); undefined for anything else. */
export function decodeIdentityCookie(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 1024) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(value).replace(/_/g, '/').replace(/-/g, '+');
  } catch {
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  let offset = 0;
  while (offset < bytes.length) {
    const tag = readVarint(bytes, offset);
    if (!tag) return undefined;
    offset += tag.length;
    const wireType = tag.value & 7;
    if (tag.value >>> 3 === 1 && wireType === 2) {
      const size = readVarint(bytes, offset);
      if (!size) return undefined;
      const start = offset + size.length;
      const ecid = bytes.subarray(start, start + size.value).toString('ascii');
      return ECID.test(ecid) ? ecid : undefined;
    }
    const skip = skipLength(bytes, offset, wireType);
    if (skip === undefined) return undefined;
    offset += skip;
  }
  return undefined;
}
