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
    // A fresh copy of the module: the address is not remembered from the tests above.
    vi.resetModules();
    const { hashEmail } = await import('../../../src/core/hashEmail');
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

describe('hashEmailWith, the last value remembered for the page', () => {
  const fresh = async () => {
    vi.resetModules();
    return await import('../../../src/core/hashEmail');
  };

  it('digests an address once for the page, a burst of sends with it included', async () => {
    const { hashEmailWith } = await fresh();
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    const fallback = vi.fn(sha256);
    try {
      // Called in one task, as a burst of sends is: the second waits for the first digest.
      const results = await Promise.all([
        hashEmailWith('ada@example.com', fallback),
        hashEmailWith('ada@example.com', fallback),
      ]);
      expect(await hashEmailWith('ada@example.com', fallback)).toEqual({ digest: sha256('ada@example.com') });
      expect(results).toEqual([{ digest: sha256('ada@example.com') }, { digest: sha256('ada@example.com') }]);
      expect(digest).toHaveBeenCalledTimes(1);
      // Another address is digested, and so is the first one again after it (only the last is kept).
      expect(await hashEmailWith('bob@example.com', fallback)).toEqual({ digest: sha256('bob@example.com') });
      expect(await hashEmailWith('ada@example.com', fallback)).toEqual({ digest: sha256('ada@example.com') });
      expect(digest).toHaveBeenCalledTimes(3);
      expect(fallback).not.toHaveBeenCalled();
    } finally {
      digest.mockRestore();
    }
  });

  it('tries again after a failure (the sha256 add-on not loaded), and remembers the success', async () => {
    const { hashEmailWith } = await fresh();
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      const fallback = vi.fn().mockRejectedValueOnce(new Error('not loaded')).mockImplementation(sha256);
      await expect(hashEmailWith('ada@example.com', fallback)).rejects.toThrow('not loaded');
      expect(await hashEmailWith('ada@example.com', fallback)).toEqual({ digest: sha256('ada@example.com') });
      expect(await hashEmailWith('ada@example.com', fallback)).toEqual({ digest: sha256('ada@example.com') });
      expect(fallback).toHaveBeenCalledTimes(2);
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
    }
  });

  it('gives callers of the exported hashEmail their own result object', async () => {
    const { hashEmail } = await fresh();
    const first = await hashEmail('ada@example.com');
    (first as { digest: string }).digest = 'changed';
    expect(await hashEmail('ada@example.com')).toEqual({ digest: sha256('ada@example.com') });
  });
});
