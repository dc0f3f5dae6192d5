declare const __LIBRARY_VERSION__: string | undefined;

/**
 * The URI this library reports as `implementationDetails.name`: XDM requires a URI there
 * (`format: uri`, as Adobe's Web SDK sends `https://ns.adobe.com/experience/alloy`). The face that
 * built the event (`standalone`, `module`, `node`, `tags`) is added as its fragment.
 */
export const LIBRARY_URI = 'https://www.npmjs.com/package/edge-collector';

/** The package.json version, put in by the build (and by vitest's `define`). */
export const LIBRARY_VERSION: string =
  typeof __LIBRARY_VERSION__ === 'string' ? __LIBRARY_VERSION__ : '0.0.0-dev';
