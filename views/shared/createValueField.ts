import { createFieldShell } from './createFieldShell';
import { createPickerButton, insertToken } from './createPickerButton';
import { createTextInput } from './createTextInput';
import { uniqueId } from './dom';
import type { FieldControl, ValueSpec } from './FieldSpec';
import { isToken } from './tokens';

/** Text that can only be meant as JSON: an object, a list or a quoted string. */
const LOOKS_LIKE_JSON = /^[{["]/;

/**
 * Reads a typed value: one data element token, JSON (42, true, "text", { … }), or else the text
 * itself. Text that starts as JSON does (`{`, `[`, `"`) but does not parse is a typo, not text.
 */
export function readValueText(text: string): { value?: unknown; error?: string } {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (isToken(trimmed)) return { value: trimmed };
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch (error) {
    return LOOKS_LIKE_JSON.test(trimmed)
      ? { error: `is not valid JSON: ${(error as Error).message}` }
      : { value: trimmed };
  }
}

/** The value typed text stands for (see readValueText), or `undefined` when it stands for none. */
export function parseValueText(text: string): unknown {
  return readValueText(text).value;
}

/** Shows a saved value the way it is typed: text as it is, anything else as JSON. */
function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return JSON.stringify(value, null, 2);
  // Text that would read back as JSON (e.g. "42") is shown quoted, so that it stays text.
  return parseValueText(value) === value ? value : JSON.stringify(value);
}

/** Any value: JSON, one data element, or plain text. */
export function createValueField(spec: ValueSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const { wrapper, input } = createTextInput(id, { multiline: true, placeholder: spec.placeholder });
  input.rows = 3;
  shell.row.append(
    wrapper,
    createPickerButton(spec.label, (token) => insertToken(input, token)),
  );
  return {
    element: shell.element,
    read() {
      const { value, error } = readValueText(input.value);
      if (error) return { error: `${spec.label} ${error}` };
      if (value === undefined && spec.required) return { error: `${spec.label} is required.` };
      return value === undefined ? {} : { value };
    },
    write(value) {
      input.value = showValue(value);
    },
    showError: shell.showError,
  };
}
