/** Where Debian's `chromium` package puts the browser. */
export declare const CHROMIUM_PATH: string;
/** Flags for headless Chromium on this machine. */
export declare const CHROMIUM_ARGS: string[];
