// The answer the bench's Edge gives every interact request, shaped like the real one for a new visitor.
import { Buffer } from 'node:buffer';

/** The Adobe organization the bench configures alloy with (alloy requires one). */
export const ORG_ID = '5BFE274A5F6980A50A495C08@AdobeOrg';

/** Alloy's cookie names: `kndctr_` plus the org ID with `@` made safe. */
const cookiePrefix = `kndctr_${ORG_ID.replace('@', '_')}`;

/** A fixed 38-digit ECID, as the Edge Network mints them. */
export const ECID = '12345678901234567890123456789012345678';

/** Encodes the ECID as the identity cookie does: protobuf field 1 (length-delimited), base64url. */
function identityCookieValue(ecid) {
  const bytes = Buffer.concat([Buffer.from([0x0a, ecid.length]), Buffer.from(ecid, 'utf8')]);
  return bytes.toString('base64url');
}

/**
 * The JSON body the Edge Network returns to a first page view: the visitor's ECID, the cookies the
 * client should keep (`state:store`, which alloy writes and then requires before it sends the next
 * event), and a location hint. Both libraries get exactly this.
 */
export function edgeAnswer(requestId) {
  return {
    requestId,
    handle: [
      { type: 'identity:result', payload: [{ id: ECID, namespace: { code: 'ECID' } }] },
      {
        type: 'state:store',
        payload: [
          { key: `${cookiePrefix}_identity`, value: identityCookieValue(ECID), maxAge: 34128000 },
          { key: `${cookiePrefix}_cluster`, value: 'or2', maxAge: 1800 },
        ],
      },
      { type: 'locationHint:result', payload: [{ scope: 'EdgeNetwork', hint: 'or2', ttlSeconds: 1800 }] },
    ],
  };
}
