import { createButton } from './createButton';
import { createFieldShell } from './createFieldShell';
import { createTextInput } from './createTextInput';
import { uniqueId } from './dom';
import { getExtensionBridge } from './ExtensionBridge';
import type { CodeSpec, FieldControl } from './FieldSpec';

/**
 * A JavaScript setting: a code text area, with a button that opens the Tags code editor when the
 * bridge offers it. Saved as text (left out when empty); Tags turns it into a function.
 */
export function createCodeField(spec: CodeSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const { wrapper, input } = createTextInput(id, { multiline: true, placeholder: spec.placeholder });
  input.rows = 6;
  wrapper.classList.add('ec-code');
  const open = createButton('ec-editor', 'Open editor');
  open.addEventListener('click', () => {
    const bridge = getExtensionBridge();
    bridge?.openCodeEditor?.({ code: input.value, language: 'javascript' }).then(
      (code) => {
        if (typeof code !== 'string') return;
        input.value = code;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      () => undefined,
    );
  });
  shell.row.append(wrapper, open);
  return {
    element: shell.element,
    read() {
      const code = input.value;
      if (!code.trim()) return spec.required ? { error: `${spec.label} is required.` } : {};
      return { value: code };
    },
    write(value) {
      input.value = typeof value === 'string' ? value : '';
    },
    showError: shell.showError,
  };
}
