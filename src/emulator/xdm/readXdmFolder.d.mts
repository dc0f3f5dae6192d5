import type { XdmSchemaBundle } from './XdmSchemaBundle';

/** Reads a folder of vendored adobe/xdm files: every `*.schema.json` by its path in adobe/xdm, and the commit of `VERSION.json`. */
export declare function readXdmFolder(folder: string): XdmSchemaBundle;
