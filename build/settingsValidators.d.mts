import type { Plugin } from 'rollup';

/** Every settings schema that has a view, by the view's name. */
export function schemasByView(manifest: unknown): Record<string, Record<string, unknown>>;
/** ES module source exporting one ajv validate function per view. */
export function settingsValidatorsSource(manifestPath?: string): string;
/** Rollup (and Vite) plugin serving `virtual:settings-validators`. */
export function settingsValidators(manifestPath?: string): Plugin;
