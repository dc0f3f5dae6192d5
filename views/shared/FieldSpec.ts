import type { Validator } from './validators';

/** What every field shows: the settings key it fills, a label and help text. */
interface BaseSpec {
  /** The key in the settings object. */
  name: string;
  label: string;
  help: string;
  required?: boolean;
  /**
   * What the runtime assumes when a saved item lacks this setting (an item made through the
   * Reactor API, or saved before the setting existed): shown, so that re-saving keeps the behaviour.
   */
  whenMissing?: unknown;
  /**
   * Shown, checked and saved only while the choice `field` is one of `values` (or a data element,
   * whose value only the page knows): Path only for Set, for instance.
   */
  shownWhen?: { field: string; values: string[] };
}

/** A one-line text setting; a data element picker button unless `dataElement` is false. */
export interface TextSpec extends BaseSpec {
  kind: 'text';
  placeholder?: string;
  dataElement?: boolean;
  validate?: Validator;
}

/** An object setting: JSON typed in a text area, or one data element that returns an object. */
export interface JsonSpec extends BaseSpec {
  kind: 'json';
  placeholder?: string;
}

/** An on/off setting that may also come from a data element returning true or false. */
export interface CheckboxSpec extends BaseSpec {
  kind: 'checkbox';
  /** Label of the box itself. */
  text: string;
}

/** One of a few values, or a data element returning one of them. */
export interface ChoiceSpec extends BaseSpec {
  kind: 'choice';
  options: Array<{ value: string; label: string }>;
  /** What a data element may return, for the error without one; default the options' values. */
  dataElementReturns?: string;
}

/** A list of rows, each a small set of text columns (e.g. the identities of an identity map). */
export interface RowsSpec extends BaseSpec {
  kind: 'rows';
  /** Label of the "add a row" button. */
  addLabel: string;
  columns: Array<{
    name: string;
    label: string;
    required?: boolean;
    dataElement?: boolean;
    options?: Array<{ value: string; label: string }>;
    checkbox?: boolean;
  }>;
}

/** JavaScript that Tags turns into a function (`transforms` in extension.json); saved as text. */
export interface CodeSpec extends BaseSpec {
  kind: 'code';
  placeholder?: string;
}

/** Any value: JSON (a number, true, an object…), one data element, or else plain text. */
export interface ValueSpec extends BaseSpec {
  kind: 'value';
  placeholder?: string;
}

/**
 * Which instance of the extension configuration an item runs on (`instanceName`): a select of the
 * names the configuration has (see createInstanceField).
 */
export interface InstanceSpec extends BaseSpec {
  kind: 'instance';
}

/** Datastream configuration overrides, by environment (see createOverridesField). */
export interface OverridesSpec extends BaseSpec {
  kind: 'overrides';
}

/** Any field a view can show. */
export type FieldSpec =
  | TextSpec
  | JsonSpec
  | CheckboxSpec
  | ChoiceSpec
  | RowsSpec
  | CodeSpec
  | ValueSpec
  | InstanceSpec
  | OverridesSpec;

/** A rendered field: its element, and how to read, fill and flag it. */
export interface FieldControl {
  element: HTMLElement;
  /** The value to save (`undefined` leaves the key out), or the message to show when it is wrong. */
  read(): { value?: unknown; error?: string };
  write(value: unknown): void;
  showError(message: string | undefined): void;
  /** Given the extension configuration when the view opens (the instance field lists its instances). */
  readConfiguration?(extensionSettings: Record<string, unknown> | undefined): void;
}
