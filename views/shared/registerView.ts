import { el } from './dom';
import { getExtensionBridge, type InitInfo, type ViewMethods } from './ExtensionBridge';
import type { FieldControl, FieldSpec } from './FieldSpec';
import { renderField } from './renderField';

/** A view: a title, an optional introduction, and its fields in order. */
export interface ViewDefinition {
  title: string;
  intro?: string;
  fields: FieldSpec[];
  /** Settings shown for a new item (when Tags passes `settings: null`). */
  defaults?: Record<string, unknown>;
}

/**
 * Renders a view's form into `#root` and registers `init`, `getSettings` and `validate` with the
 * Tags UI. Returns the registered methods (tests call them directly).
 */
export function registerView(definition: ViewDefinition): ViewMethods {
  const root = document.getElementById('root') ?? document.body;
  const form = el('form', 'ec-form');
  form.noValidate = true;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(el('h1', 'spectrum-Heading ec-title', definition.title));
  if (definition.intro) form.append(el('p', 'spectrum-Body spectrum-Body--sizeS ec-intro', definition.intro));
  const controls: Array<[FieldSpec, FieldControl]> = definition.fields.map((spec) => [
    spec,
    renderField(spec),
  ]);
  for (const [, control] of controls) form.append(control.element);
  root.replaceChildren(form);

  const methods: ViewMethods = {
    init(info: InitInfo) {
      const settings = info?.settings ?? definition.defaults ?? {};
      for (const [spec, control] of controls) {
        control.write(settings[spec.name]);
        control.showError(undefined);
      }
    },
    getSettings() {
      const settings: Record<string, unknown> = {};
      for (const [spec, control] of controls) {
        const { value, error } = control.read();
        if (value !== undefined && !error) settings[spec.name] = value;
      }
      return settings;
    },
    validate() {
      let valid = true;
      for (const [, control] of controls) {
        const { error } = control.read();
        control.showError(error);
        if (error) valid = false;
      }
      return valid;
    },
  };
  const bridge = getExtensionBridge();
  if (bridge) bridge.register(methods);
  else
    root.prepend(
      el(
        'p',
        'spectrum-HelpText-text ec-warning',
        'This view runs inside the Tags UI; the extension bridge is not loaded here.',
      ),
    );
  return methods;
}
