// @vitest-environment node
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/sha256';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['ecid@adobe.com', 'a6ea4cde5da5ae7cc68baae894d1d6544fca26254433b0fff7c2cb4843b4a097'],
    ['ada.lovelace@example.com', 'e814ff3dc480a94c7ce9334062ec4733c75a002f4bcec0197f62ffea64059e2f'],
    ['josé@exämple.org', 'e1f6f7556080ee50b5534530b3b6fe302af4c62e39b6c7960311a156f7965b7a'],
    ['a'.repeat(1000), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'],
    // 55, 56 and 64 bytes: the lengths where padding spills into a second block.
    ['b'.repeat(55), 'eb2c86e932179f4ba13fe8715a26124b77d6bad290b9b4c1cc140cf633300c19'],
    ['b'.repeat(56), 'a5fc6e203a4c2b657d0d153885932414b2ffc6a93f0f8bf8b3183315e5a7212c'],
    ['b'.repeat(64), 'a0fab1377f49a759b57f63318262ebe89fabfc990e8e93ceac2984561482b9d4'],
  ])('hashes %j to the digest sha256sum gives', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it.each([
    'a\ud800b',
    '\udc00x',
    'x\ud83d',
    '\ud83d\ude00 and \ud800 and \ude00\ud83d',
    '\ude00\ud83d@example.com',
  ])('encodes a lone surrogate in %j as U+FFFD, as TextEncoder does, and keeps pairs whole', (text) => {
    const asTextEncoder = createHash('sha256').update(new TextEncoder().encode(text)).digest('hex');
    expect(sha256Hex(text)).toBe(asTextEncoder);
  });

  it('agrees with Node for every length from 0 to 300 bytes and random text', () => {
    // Every code point below 256 at every position of a word (UTF-8 puts bytes with the high bit,
    // negative once shifted into a word, at each of them): the message words are packed by hand.
    for (let length = 1; length <= 8; length++) {
      for (let byte = 0; byte < 256; byte++) {
        const bytes = Buffer.alloc(length, 0x61);
        bytes[length - 1] = byte;
        const text = bytes.toString('latin1');
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }
    }
    for (let length = 0; length <= 300; length++) {
      const text = Array.from({ length }, (_, i) => String.fromCharCode(32 + ((i * 7 + length) % 95))).join(
        '',
      );
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    const random = Array.from({ length: 500 }, () =>
      String.fromCodePoint(Math.floor(Math.random() * 0xd7ff) + 1),
    ).join('');
    expect(sha256Hex(random)).toBe(createHash('sha256').update(random, 'utf8').digest('hex'));
  });
});
