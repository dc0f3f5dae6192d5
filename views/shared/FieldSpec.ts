import type { Validator } from './validators';

/** What every field shows: the settings key it fills, a label and help text. */
interface BaseSpec {
  /** The key in the settings object. */
  name: string;
  label: string;
  help: string;
  required?: boolean;
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

/** Any field a view can show. */
export type FieldSpec = TextSpec | JsonSpec | CheckboxSpec | ChoiceSpec | RowsSpec;

/** A rendered field: its element, and how to read, fill and flag it. */
export interface FieldControl {
  element: HTMLElement;
  /** The value to save (`undefined` leaves the key out), or the message to show when it is wrong. */
  read(): { value?: unknown; error?: string };
  write(value: unknown): void;
  showError(message: string | undefined): void;
}
