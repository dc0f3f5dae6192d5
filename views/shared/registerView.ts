import { HAS_DATA_ELEMENT } from '../../src/core/patterns';
import { el } from './dom';
import { getExtensionBridge, type InitInfo, type ViewMethods } from './ExtensionBridge';
import type { FieldControl, FieldSpec } from './FieldSpec';
import { renderField } from './renderField';
import { findSettingsValidator, readSchemaErrors } from './schemaErrors';
import type { SettingsValidator } from 'virtual:settings-validators';

/** A view: a title, an optional introduction, and its fields in order. */
export interface ViewDefinition {
  title: string;
  intro?: string;
  fields: FieldSpec[];
  /** Settings shown for a new item (when Tags passes `settings: null`). */
  defaults?: Record<string, unknown>;
  /**
   * What the runtime would refuse in settings that the fields and the schema accept (a consent
   * entry the collector cannot post, say): messages by settings key. Runs the runtime's own rule.
   */
  check?: (settings: Record<string, unknown>) => Partial<Record<string, string>>;
}

type Controls = Array<[FieldSpec, FieldControl]>;

/** True when a field applies to what is chosen now (see `shownWhen`). */
function applies(spec: FieldSpec, controls: Controls): boolean {
  const rule = spec.shownWhen;
  if (!rule) return true;
  const chooser = controls.find(([other]) => other.name === rule.field);
  const chosen = chooser && chooser[1].read().value;
  return typeof chosen !== 'string' || HAS_DATA_ELEMENT.test(chosen) || rule.values.includes(chosen);
}

/** The fields that apply to what is chosen now: only they are shown, checked and saved. */
const applying = (controls: Controls): Controls => controls.filter(([spec]) => applies(spec, controls));

/** The settings the fields hold; a field whose value is wrong is left out. */
function collectSettings(controls: Controls): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [spec, control] of applying(controls)) {
    const { value, error } = control.read();
    if (value !== undefined && !error) settings[spec.name] = value;
  }
  return settings;
}

/**
 * Every error of the form: each field's own check first (it says best what to type), then the
 * view's `check` (the runtime's own rules), then the manifest's schema over the settings the form
 * would save, so the view can never save what the schema or the runtime refuses.
 */
function findErrors(
  controls: Controls,
  validator: SettingsValidator | undefined,
  definition: ViewDefinition,
) {
  const byField = new Map<string, string>();
  const shown = applying(controls);
  for (const [spec, control] of shown) {
    const { error } = control.read();
    if (error) byField.set(spec.name, error);
  }
  const settings = collectSettings(controls);
  for (const [field, message] of Object.entries(definition.check?.(settings) ?? {}))
    if (message && !byField.has(field)) byField.set(field, message);
  let general: string[] = [];
  if (validator && !validator(settings)) {
    // Only a field on show can carry its error; one about a hidden field would refuse in silence.
    const visible = new Map(shown.map(([spec]) => [spec.name, spec]));
    const verdict = readSchemaErrors(validator.errors ?? [], (field) => visible.get(field));
    for (const [field, message] of verdict.byField) if (!byField.has(field)) byField.set(field, message);
    // Beside a field's own message, a general one (often about a hidden field) only confuses.
    general = byField.size ? [] : verdict.general;
    if (!byField.size && !general.length)
      general.push('These settings do not fit together: check each field.');
  }
  return { byField, general };
}

/** The saved value a field shows: the setting, or what the runtime assumes when the item lacks it. */
function savedValue(spec: FieldSpec, settings: Record<string, unknown>, isNew: boolean): unknown {
  const value = settings[spec.name];
  return value === undefined && !isNew ? spec.whenMissing : value;
}

/** Builds the form: title, introduction, a place for errors of no one field, then the fields. */
function renderForm(definition: ViewDefinition, controls: Controls) {
  const form = el('form', 'ec-form');
  form.noValidate = true;
  form.addEventListener('submit', (event) => event.preventDefault());
  if (definition.title) form.append(el('h1', 'spectrum-Heading ec-title', definition.title));
  if (definition.intro) form.append(el('p', 'spectrum-Body spectrum-Body--sizeS ec-intro', definition.intro));
  const formError = el('div', 'spectrum-HelpText-text ec-form-error');
  formError.setAttribute('role', 'alert');
  formError.hidden = true;
  form.append(formError);
  for (const [, control] of controls) form.append(control.element);
  return { form, formError };
}

/** Hides the fields that do not apply to what is chosen now, and their errors. */
function showApplying(controls: Controls): void {
  for (const [spec, control] of controls) {
    const hidden = !applies(spec, controls);
    control.element.hidden = hidden;
    if (hidden) control.showError(undefined);
  }
}

/**
 * Shows errors beside their fields (and those of no one field above them), and checks a field
 * that shows an error again as it changes, so that a fixed field clears at once.
 */
function createErrorDisplay(
  form: HTMLFormElement,
  formError: HTMLElement,
  controls: Controls,
  validator: SettingsValidator | undefined,
  definition: ViewDefinition,
) {
  const shown = new Set<string>();
  const show = (errors: ReturnType<typeof findErrors>, only?: Set<string>) => {
    for (const [spec, control] of controls) {
      if (only && !only.has(spec.name)) continue;
      const message = errors.byField.get(spec.name);
      control.showError(message);
      if (message) shown.add(spec.name);
      else shown.delete(spec.name);
    }
    formError.textContent = errors.general.join(' ');
    formError.hidden = !errors.general.length;
  };
  const recheck = () => {
    showApplying(controls);
    if (shown.size || !formError.hidden) show(findErrors(controls, validator, definition), new Set(shown));
  };
  form.addEventListener('input', recheck);
  form.addEventListener('change', recheck);
  // The picker fills a field after its dialog closes.
  form.addEventListener('click', () => setTimeout(recheck, 0));
  return show;
}

/** One form of a view: its element, and how to fill, read and check it. */
export interface FormPart {
  element: HTMLFormElement;
  /** Fills the form with saved settings (`isNew`: an item made now, so missing settings are not "saved before"). */
  init(settings: Record<string, unknown>, isNew: boolean, extensionSettings?: Record<string, unknown>): void;
  getSettings(): Record<string, unknown>;
  /** Shows every error beside its field; true when there is none. */
  validate(): boolean;
}

/**
 * Builds one form of `definition`'s fields, checked by each field, the definition's `check` and
 * `validator` (the manifest's schema), with errors beside their field that go away as soon as the
 * field is fixed. `heading` puts the title and introduction at its top.
 */
export function createFormPart(
  definition: ViewDefinition,
  validator: SettingsValidator | undefined,
  heading = true,
): FormPart {
  const controls: Controls = definition.fields.map((spec) => [spec, renderField(spec)]);
  const { form, formError } = renderForm(heading ? definition : { fields: [], title: '' }, controls);
  const show = createErrorDisplay(form, formError, controls, validator, definition);
  return {
    element: form,
    init(settings, isNew, extensionSettings) {
      for (const [, control] of controls) control.readConfiguration?.(extensionSettings);
      for (const [spec, control] of controls) control.write(savedValue(spec, settings, isNew));
      showApplying(controls);
      show({ byField: new Map(), general: [] });
    },
    getSettings: () => collectSettings(controls),
    validate() {
      const errors = findErrors(controls, validator, definition);
      show(errors);
      return !errors.byField.size && !errors.general.length;
    },
  };
}

/**
 * Registers `methods` with the Tags UI, or, outside it (no extension bridge loaded), says so at
 * the top of `root`. Returns them (tests call them directly).
 */
export function registerWithBridge(methods: ViewMethods, root: HTMLElement): ViewMethods {
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

/** The element views render into. */
export const viewRoot = (): HTMLElement => document.getElementById('root') ?? document.body;

/**
 * Renders a view's form into `#root` and registers `init`, `getSettings` and `validate` with the
 * Tags UI. Validation runs each field's check, then the manifest's schema for this view (found by
 * the page's file name); errors show beside their field and go away as soon as the field is fixed.
 * Returns the registered methods (tests call them directly).
 */
export function registerView(definition: ViewDefinition): ViewMethods {
  const root = viewRoot();
  const part = createFormPart(definition, findSettingsValidator(location.pathname));
  root.replaceChildren(part.element);
  return registerWithBridge(
    {
      init(info: InitInfo) {
        const isNew = !info?.settings;
        part.init(info?.settings ?? definition.defaults ?? {}, isNew, info?.extensionSettings);
      },
      getSettings: part.getSettings,
      validate: part.validate,
    },
    root,
  );
}
