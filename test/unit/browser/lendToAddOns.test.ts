import { describe, expect, it } from 'vitest';
import { SHARED_CORE } from '../../../build/shareCore.mjs';
import { hashEmailSync } from '../../../src/core/hashEmail';
import { lendToAddOns } from '../../../src/browser/lendToAddOns';

describe('lendToAddOns (what add-ons borrow from the core script)', () => {
  it('lends, in the order the add-ons build reads them, the very exports it names', async () => {
    const loan = lendToAddOns(hashEmailSync);
    expect(loan).toHaveLength(SHARED_CORE.length);
    for (const [index, [file, name]] of SHARED_CORE.entries()) {
      const module = (await import(`../../../${file}`)) as Record<string, unknown>;
      // `hashEmail` is the core's own hasher (the standalone script's: WebCrypto), given to lendToAddOns.
      expect(loan[index], `${file} ${name}`).toBe(name === 'hashEmail' ? hashEmailSync : module[name]);
    }
  });
});
