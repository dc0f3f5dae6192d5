declare const __LIBRARY_VERSION__: string | undefined;

/** The name this library reports in `implementationDetails`. */
export const LIBRARY_NAME = 'edge-collector';

/** The package.json version, put in by the build (and by vitest's `define`). */
export const LIBRARY_VERSION: string =
  typeof __LIBRARY_VERSION__ === 'string' ? __LIBRARY_VERSION__ : '0.0.0-dev';
