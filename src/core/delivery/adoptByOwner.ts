import type { Ownership } from './Ownership';

/**
 * The `adoptLeftovers` of an ownership that can hold the name of a page that is gone (`adopt`):
 * owner by owner, once that page is gone, reads the queue again under its name (another page may
 * have adopted or delivered its entries meanwhile) and hands its entries to `take`. Part of the
 * cross-tab code (the tabs add-on of the standalone script), not of the core script.
 */
export const adoptByOwner =
  (id: string, adopt: (owner: string) => Promise<() => void>): Ownership['adoptLeftovers'] =>
  async (store, take) => {
    const owners = new Set<string>();
    for (const { owner = '' } of await store.all()) if (owner !== id) owners.add(owner);
    owners.forEach(
      (owner) =>
        void adopt(owner).then((done) =>
          store
            .all()
            .then((entries) => take(entries.filter((entry) => (entry.owner || '') === owner)))
            .then(done, done),
        ),
    );
  };
