/** What the Tags UI passes to a view's `init`. */
export interface InitInfo {
  /** The saved settings, or `null` for a new item. */
  settings: Record<string, unknown> | null;
  extensionSettings?: Record<string, unknown>;
  propertySettings?: Record<string, unknown>;
}

/** The methods a view registers with the Tags UI. */
export interface ViewMethods {
  init(info: InitInfo): void;
  getSettings(): Record<string, unknown>;
  validate(): boolean;
}

/** The part of `window.extensionBridge` (loaded from Adobe's CDN) that the views use. */
export interface ExtensionBridge {
  register(methods: ViewMethods): void;
  /** Opens the Tags data element picker; with `tokenize` it resolves with `%name%`. */
  openDataElementSelector(options?: { tokenize?: boolean }): Promise<string | undefined>;
  /** Opens the Tags code editor on `code`; resolves with the edited code. */
  openCodeEditor?(options: { code: string; language?: string }): Promise<string | undefined>;
}

/** The bridge the page loaded, if any (a view opened outside Tags has none). */
export function getExtensionBridge(): ExtensionBridge | undefined {
  return (window as Window & { extensionBridge?: ExtensionBridge }).extensionBridge;
}
