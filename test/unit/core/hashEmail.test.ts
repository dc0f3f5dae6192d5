// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashEmail, hashEmailSync } from '../../../src/core/hashEmail';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const ECID_DIGEST = 'a6ea4cde5da5ae7cc68baae894d1d6544fca26254433b0fff7c2cb4843b4a097';

describe('hashEmailSync', () => {
  it('hashes the trimmed, lower-cased address (Adobe documentation vector)', () => {
    expect(hashEmailSync('ecid@adobe.com')).toEqual({ digest: ECID_DIGEST });
    expect(hashEmailSync('  ECID@Adobe.COM \n')).toEqual({ digest: ECID_DIGEST });
  });

  it('passes a 64-character hex digest through, lower-cased', () => {
    expect(hashEmailSync(ECID_DIGEST.toUpperCase())).toEqual({ digest: ECID_DIGEST });
    expect(hashEmailSync(` ${ECID_DIGEST} `)).toEqual({ digest: ECID_DIGEST });
  });

  it.each([
    [42, 'expected a string, got number'],
    [null, 'expected a string, got null'],
    [undefined, 'expected a string, got undefined'],
    [{ email: 'x@y.z' }, 'expected a string, got object'],
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['not-an-address', 'not an e-mail address'],
    ['two@at@signs', 'not an e-mail address'],
    ['spa ce@example.com', 'not an e-mail address'],
  ])('refuses %j with a warning saying why', (value, why) => {
    const result = hashEmailSync(value);
    expect(result.digest).toBeUndefined();
    expect(result.warning).toContain(why);
  });

  it('never repeats the value in a warning', () => {
    const result = hashEmailSync('secret-person@@example.com');
    expect(result.warning).toBeDefined();
    expect(result.warning).not.toContain('secret-person');
  });
});

describe('hashEmailSync, the last address remembered', () => {
  // A fresh copy of the module, so that nothing is remembered yet.
  const freshHashEmailSync = async () => {
    vi.resetModules();
    return (await import('../../../src/core/hashEmail')).hashEmailSync;
  };

  it('refuses a missing or empty value when it is the first call of the page', async () => {
    for (const value of [undefined, NaN, '']) {
      const hash = await freshHashEmailSync();
      expect(hash(value).warning).toBeDefined();
      expect(hash(value).digest).toBeUndefined();
    }
  });

  it('gives each address its own digest, whatever came before', async () => {
    const hash = await freshHashEmailSync();
    const calls: [unknown, string | undefined][] = [
      ['ada@example.com', sha256('ada@example.com')],
      ['ada@example.com', sha256('ada@example.com')],
      ['bob@example.com', sha256('bob@example.com')],
      [' ADA@Example.com ', sha256('ada@example.com')],
      ['not-an-address', undefined],
      [undefined, undefined],
      ['ada@example.com', sha256('ada@example.com')],
      [ECID_DIGEST.toUpperCase(), ECID_DIGEST],
      ['ada@example.com', sha256('ada@example.com')],
    ];
    for (const [value, digest] of calls) expect(hash(value).digest).toBe(digest);
  });

  it('hands out a new result object each time, so a caller that changes one changes no other', async () => {
    const hash = await freshHashEmailSync();
    const first = hash('ada@example.com');
    (first as { digest: string }).digest = 'changed';
    expect(hash('ada@example.com')).toEqual({ digest: sha256('ada@example.com') });
  });
});

describe('hashEmail (WebCrypto)', () => {
  it.each([
    'ecid@adobe.com',
    ' Ada.Lovelace@Example.com',
    'josé@exämple.org',
    `${'x'.repeat(200)}@example.com`,
  ])('agrees with the synchronous digest for %j', async (address) => {
    const viaWebCrypto = await hashEmail(address);
    expect(viaWebCrypto.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(viaWebCrypto).toEqual(hashEmailSync(address));
  });

  it('falls back to the synchronous digest where WebCrypto is missing (plain http pages)', async () => {
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      expect(await hashEmail('ecid@adobe.com')).toEqual({ digest: ECID_DIGEST });
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
      else delete (globalThis.crypto as { subtle?: unknown }).subtle;
    }
    expect(globalThis.crypto.subtle).toBeDefined();
  });

  it('gives the same warnings as the synchronous path', async () => {
    expect(await hashEmail('nope')).toEqual(hashEmailSync('nope'));
  });
});
