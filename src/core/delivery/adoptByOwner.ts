import type { Ownership } from './Ownership';

/**
 * Waits for the pages named `owners` to be gone and calls `granted` with them, in groups: every
 * owner already gone at once in one group (closed pages), a page that closes later in a group of its
 * own, a live page never. The group's names stay held, so that no other page adopts the same
 * leftovers, until `done` is called.
 */
export type AdoptOwners = (owners: string[], granted: (gone: string[], done: () => void) => void) => void;

/**
 * The `adoptLeftovers` of an ownership that can hold the names of pages that are gone (`adopt`):
 * for each group of gone owners, one group after another, reads the queue once more under their names (another page may
 * have adopted or delivered their entries meanwhile) and hands their entries to `take` in one
 * call. One read per group, not per owner: a thousand closed pages cost two reads of the queue,
 * not a thousand (issue 22). Part of the cross-tab code (the tabs add-on of the standalone
 * script), not of the core script.
 */
export const adoptByOwner =
  (id: string, adopt: AdoptOwners): Ownership['adoptLeftovers'] =>
  async (store, take) => {
    const owners = new Set<string>();
    for (const { owner = '' } of await store.all()) if (owner !== id) owners.add(owner);
    // One pass at a time: a pass reads what the one before has written under this page's name (a
    // read made while another pass is still taking its entries would hand some of them over twice).
    let passes: Promise<unknown> = Promise.resolve();
    adopt([...owners], (gone, done) => {
      const names = new Set(gone);
      passes = passes
        .then(() => store.all())
        .then((entries) => take(entries.filter((entry) => names.has(entry.owner || ''))))
        .then(done, done);
    });
  };
