// Property: whatever script an address is written in, however it is encoded and wherever a page
// puts it, no plain address leaves the page: not on the wire (URL, headers, body), not in the
// persistent queue, not in cookies or localStorage. Runs through the real core and the browser's
// own delivery (happy-dom), with a transport that records instead of sending.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { browserDelivery } from '../../../src/browser/delivery/browserDelivery';
import { resolveConfig } from '../../../src/core/CollectorConfig';
import { createCollector } from '../../../src/core/createCollector';
import type { QueueStore } from '../../../src/core/delivery/QueueStore';
import type { EnvironmentSnapshot } from '../../../src/core/EnvironmentSnapshot';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

// Letters of many scripts (Latin with diacritics, Greek, Cyrillic, Arabic, Hebrew, Devanagari with
// its combining signs, Thai, CJK, Hangul, kana), digits, and the ASCII specials RFC 5322 allows in
// a local part, except `=`, `&`, `?` and `/`, which the guard takes for query-string syntax.
const LETTERS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'äöüßéèçñøåÄÖÜÉ',
  ...'αβγδεζηθλμπσω',
  ...'абвгдежзиклмнопрстуфхцчшщыэюя',
  ...'ابتثجحخدرسشصطعفقكلمنهوي',
  ...'אבגדהוזחטיכלמנסעפצקרשת',
  ...'कखगघचछजटडतदनपबमयरलवसहािीुेो्',
  ...'กขคงจฉชซดตถทนบปผพฟมยรลวสหอ',
  ...'用户例子测试广告邮件中文',
  ...'사용자예시메일',
  ...'ユーザーれいテスト',
];
const letter = fc.constantFrom(...LETTERS);
const digit = fc.constantFrom(...'0123456789');
const localChar = fc.oneof(
  { weight: 6, arbitrary: letter },
  { weight: 2, arbitrary: digit },
  { weight: 1, arbitrary: fc.constantFrom(...".!#$%'*+^`{|}~_-") },
);
const text = (char: fc.Arbitrary<string>, minLength: number, maxLength: number) =>
  fc.array(char, { minLength, maxLength }).map((chars) => chars.join(''));
// At least 6 characters, so that finding the local part anywhere in the output means it leaked.
const localPart = text(localChar, 6, 20).filter((local) => /[^.!#$%'*+^`{|}~_-]{3}/u.test(local));
const label = text(fc.oneof(letter, digit), 1, 12);
const topLevel = text(letter, 2, 6);
const address = fc
  .tuple(localPart, fc.array(label, { minLength: 1, maxLength: 3 }), topLevel)
  .map(([local, labels, tld]) => ({ local, address: `${local}@${[...labels, tld].join('.')}` }));

/** The ways a page may hold an address: as it is, percent-encoded once or more, or only its "@" encoded. */
const ENCODINGS: Record<string, (value: string) => string> = {
  plain: (value) => value,
  uri: encodeURI,
  component: encodeURIComponent,
  twice: (value) => encodeURIComponent(encodeURIComponent(value)),
  thrice: (value) => encodeURIComponent(encodeURIComponent(encodeURIComponent(value))),
  at: (value) => value.replace('@', '%40'),
  atTwice: (value) => value.replace('@', '%2540'),
};

/** Where a page may put it: the options of a send and the page it is read from. */
type Place = (encoded: string) => { options?: Record<string, unknown>; page?: Partial<EnvironmentSnapshot> };
const PLACES: Record<string, Place> = {
  value: (a) => ({ options: { data: { contact: a } } }),
  key: (a) => ({ options: { data: { [a]: 1 } } }),
  keyPart: (a) => ({ options: { xdm: { _acme: { [`key.${a}`]: true } } } }),
  nestedArrays: (a) => ({ options: { data: { list: [[['x', [a]]], { deep: [a] }] } } }),
  xdmField: (a) => ({ options: { xdm: { web: { webPageDetails: { siteSection: `for ${a}` } } } } }),
  urlOption: (a) => ({ options: { url: `https://shop.example/thanks?email=${a}&step=2` } }),
  pageQuery: (a) => ({ page: { url: `https://shop.example/thanks?step=2&email=${a}` } }),
  pagePath: (a) => ({ page: { url: `https://shop.example/u/${a}/orders#${a}` } }),
  referrer: (a) => ({ page: { referrer: `https://mail.example/read?from=${a}` } }),
  title: (a) => ({ page: { title: `Thanks, ${a}!` } }),
  name: (a) => ({ options: { name: `Welcome ${a}` } }),
};

/** Every percent-decoding of `value` up to four levels deep, so that an encoded leak is seen. */
function decodings(value: string): string[] {
  const found = [value];
  for (let level = 0; level < 4; level += 1) {
    const last = found.at(-1)!;
    const next = last.replace(/(%[\da-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    if (next === last) break;
    found.push(next);
  }
  return found;
}

/** A collector on the browser's delivery whose transport and queue record what they are given. */
function recordingCollector(page: EnvironmentSnapshot) {
  const seen: string[] = [];
  const delivery = browserDelivery(DATASTREAM);
  const queue: QueueStore = {
    ...delivery.store!,
    put: (entry) => {
      seen.push(JSON.stringify(entry));
      return delivery.store!.put(entry);
    },
  };
  const collector = createCollector(resolveConfig({ datastreamId: DATASTREAM }), {
    ...delivery,
    store: queue,
    snapshot: () => page,
    transport: async (request) => {
      seen.push(request.url, JSON.stringify(request.headers), request.body);
      return { status: 200, body: JSON.stringify({ requestId: request.requestId, handle: [] }) };
    },
  });
  return { collector, seen };
}

afterEach(() => {
  localStorage.clear();
});

describe('the privacy guard (property)', () => {
  it('lets no address, in any script, encoding or place, reach the wire, the queue, cookies or storage', async () => {
    await fc.assert(
      fc.asyncProperty(
        address,
        fc.constantFrom(...Object.keys(ENCODINGS)),
        fc.constantFrom(...Object.keys(PLACES)),
        fc.boolean(),
        async ({ local, address: plain }, encoding, place, pageView) => {
          const encoded = ENCODINGS[encoding]!(plain);
          const { options = {}, page = {} } = PLACES[place]!(encoded);
          const snapshot: EnvironmentSnapshot = {
            now: new Date('2026-11-23T12:00:00.000Z'),
            timezoneOffset: 0,
            environment: 'browser',
            url: 'https://shop.example/',
            title: 'Shop',
            ...page,
          };
          const { collector, seen } = recordingCollector(snapshot);
          if (pageView) await collector.sendPageView(options);
          else await collector.sendEvent({ eventType: 'web.webinteraction.linkClicks', ...options });
          const stored = [document.cookie, JSON.stringify({ ...localStorage })];
          expect(seen.length).toBeGreaterThan(1);
          for (const output of [...seen, ...stored]) {
            for (const decoded of decodings(output)) {
              expect(decoded.toLowerCase()).not.toContain(plain.toLowerCase());
              expect(decoded.toLowerCase()).not.toContain(local.toLowerCase());
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
