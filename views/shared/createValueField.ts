import { createFieldShell } from './createFieldShell';
import { createPickerButton, insertToken } from './createPickerButton';
import { createTextInput } from './createTextInput';
import { uniqueId } from './dom';
import type { FieldControl, ValueSpec } from './FieldSpec';
import { isToken } from './tokens';

/** Reads a typed value: one data element token, JSON (42, true, "text", { … }), or else the text itself. */
export function parseValueText(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (isToken(trimmed)) return trimmed;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return trimmed;
  }
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
      const value = parseValueText(input.value);
      if (value === undefined && spec.required) return { error: `${spec.label} is required.` };
      return value === undefined ? {} : { value };
    },
    write(value) {
      input.value = showValue(value);
    },
    showError: shell.showError,
  };
}
