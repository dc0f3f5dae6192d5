import { describe, expect, it } from 'vitest';
import { ADOBE_MC_TTL_SECONDS, appendAdobeMc, formatAdobeMc, readAdobeMc } from '../../../src/core/adobeMc';

const ORG = 'FAF554945B90342F0A495E2C@AdobeOrg';
const ECID = '77094828402023918047117570965393734545';
const TS = 1641432103;
const AT = TS * 1000;
// Adobe's own example of the parameter (alloy, injectAddQueryStringIdentityToPayload.js).
const ADOBES_EXAMPLE = `?adobe_mc=TS%3D${TS}%7CMCMID%3D${ECID}%7CMCORGID%3DFAF554945B90342F0A495E2C%40AdobeOrg`;

describe('formatAdobeMc and appendAdobeMc', () => {
  it("writes Adobe's format: TS in seconds, MCMID, MCORGID encoded, all encoded once more", () => {
    expect(formatAdobeMc(ECID, ORG, AT + 400)).toBe(
      encodeURIComponent(`TS=${TS}|MCMID=${ECID}|MCORGID=${encodeURIComponent(ORG)}`),
    );
  });

  it.each([
    ['https://shop.example/', 'https://shop.example/?adobe_mc=X'],
    ['https://shop.example/cart?id=1#top', 'https://shop.example/cart?id=1&adobe_mc=X#top'],
    ['https://shop.example/?', 'https://shop.example/?adobe_mc=X'],
    ['/relative/path#a?b', '/relative/path?adobe_mc=X#a?b'],
    ['https://shop.example/?adobe_mc=old&a=1&adobe_mc', 'https://shop.example/?a=1&adobe_mc=X'],
  ])('adds it to %s before any fragment, replacing an older one', (url, expected) => {
    const value = formatAdobeMc(ECID, ORG, AT);
    expect(appendAdobeMc(url, ECID, ORG, AT)).toBe(expected.replace('X', value));
  });
});

describe('readAdobeMc', () => {
  it("reads Adobe's example, and what appendAdobeMc writes (the org encoded twice)", () => {
    expect(readAdobeMc(ADOBES_EXAMPLE, ORG, AT)).toBe(ECID);
    const url = new URL(appendAdobeMc('https://b.example/?x=1', ECID, ORG, AT));
    expect(readAdobeMc(url.search, ORG, AT + 1000)).toBe(ECID);
  });

  it('takes the link for 5 minutes, exactly, as Adobe does', () => {
    expect(ADOBE_MC_TTL_SECONDS).toBe(300);
    expect(readAdobeMc(ADOBES_EXAMPLE, ORG, (TS + 300) * 1000)).toBe(ECID);
    expect(readAdobeMc(ADOBES_EXAMPLE, ORG, (TS + 301) * 1000)).toBeUndefined();
    // Made "in the future" by more than the window: not by a browser's clock.
    expect(readAdobeMc(ADOBES_EXAMPLE, ORG, (TS - 301) * 1000)).toBeUndefined();
  });

  it('ignores another organization', () => {
    expect(readAdobeMc(ADOBES_EXAMPLE, '53A16ACB5CC1D3760A495C99@AdobeOrg', AT)).toBeUndefined();
  });

  it.each([
    ['no parameter', '?a=1'],
    ['no TS', `?adobe_mc=${encodeURIComponent(`MCMID=${ECID}|MCORGID=${ORG}`)}`],
    ['a TS that is not a number', `?adobe_mc=${encodeURIComponent(`TS=soon|MCMID=${ECID}|MCORGID=${ORG}`)}`],
    ['no MCMID', `?adobe_mc=${encodeURIComponent(`TS=${TS}|MCORGID=${ORG}`)}`],
    ['an MCMID that is no ECID', `?adobe_mc=${encodeURIComponent(`TS=${TS}|MCMID=<script>|MCORGID=${ORG}`)}`],
    ['no MCORGID', `?adobe_mc=${encodeURIComponent(`TS=${TS}|MCMID=${ECID}`)}`],
    ['broken percent-encoding', `?adobe_mc=TS%3D${TS}%7CMCMID%3D${ECID}%7CMCORGID%3D%E0%A4%A`],
    ['garbage', '?adobe_mc=%%%|||===&adobe_mc'],
  ])('ignores a malformed value (%s), without throwing', (_, search) => {
    expect(readAdobeMc(search, ORG, AT)).toBeUndefined();
  });

  it('takes the last of several, as Adobe does', () => {
    const other = '12345678901234567890123456789012345678';
    const search = `?adobe_mc=${formatAdobeMc(other, ORG, AT)}&adobe_mc=${formatAdobeMc(ECID, ORG, AT)}`;
    expect(readAdobeMc(search, ORG, AT)).toBe(ECID);
  });
});
