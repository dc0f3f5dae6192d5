import type { Plugin } from 'rollup';

/** The core's exports an add-on takes from the core script: [module file, export name], in the order lent. */
export const SHARED_CORE: ReadonlyArray<readonly [file: string, name: string]>;
/** Rollup plugin for the add-ons: each shared module becomes reads of the core's loan. */
export function shareCore(): Plugin;
