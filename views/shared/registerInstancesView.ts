import { DEFAULT_INSTANCE_NAME } from '../../src/tags/readInstances';
import { createButton } from './createButton';
import { el } from './dom';
import type { InitInfo, ViewMethods } from './ExtensionBridge';
import type { TextSpec } from './FieldSpec';
import {
  createFormPart,
  registerWithBridge,
  viewRoot,
  type FormPart,
  type ViewDefinition,
} from './registerView';
import { findSettingsValidator } from './schemaErrors';
import { instanceName } from './validators';

/** The name every instance has, first in its form. */
const NAME_FIELD: TextSpec = {
  kind: 'text',
  name: 'name',
  label: 'Instance name',
  required: true,
  dataElement: false,
  validate: instanceName,
  placeholder: DEFAULT_INSTANCE_NAME,
  help: "What actions, data elements and events pick this instance by, and its shared module's instance(name). Each instance has its own name.",
};

/** One instance's form and its tab. */
interface InstancePart extends FormPart {
  tab: HTMLButtonElement;
}

/** The first of `edgeCollector`, `edgeCollector2`, … that no instance has yet. */
function freeName(taken: unknown[]): string {
  for (let index = 1; ; index += 1) {
    const name = index === 1 ? DEFAULT_INSTANCE_NAME : `${DEFAULT_INSTANCE_NAME}${index}`;
    if (!taken.includes(name)) return name;
  }
}

/**
 * The saved instances: the `instances` list, or the settings of a configuration saved before the
 * list existed as one instance named edgeCollector (saved back as a list), or none for a new one.
 */
function savedInstances(settings: Record<string, unknown> | null): Array<Record<string, unknown>> {
  if (!settings) return [];
  if (Array.isArray(settings.instances)) return settings.instances as Array<Record<string, unknown>>;
  return [{ ...settings, name: DEFAULT_INSTANCE_NAME }];
}

/**
 * A view holding a list of named instances, each a form of `definition`'s fields behind its tab
 * (Adobe's Web SDK extension's instances), saved as `{ instances: [...] }`: instances can be added
 * and removed (one always stays), each name is checked to be a JavaScript identifier that no other
 * instance has, and a configuration of the old one-instance shape opens as one instance.
 */
export function registerInstancesView(definition: ViewDefinition): ViewMethods {
  const root = viewRoot();
  const validator = findSettingsValidator('/configurationInstance.html');
  const parts: InstancePart[] = [];
  const tabs = el('div', 'ec-tabs');
  tabs.setAttribute('role', 'tablist');
  const add = createButton('ec-add-instance', 'Add instance');
  const remove = createButton('ec-remove-instance', 'Remove this instance', 'quiet');
  const body = el('div', 'ec-instances');
  const header = el('form', 'ec-form ec-header');
  header.append(el('h1', 'spectrum-Heading ec-title', definition.title));
  if (definition.intro)
    header.append(el('p', 'spectrum-Body spectrum-Body--sizeS ec-intro', definition.intro));
  const bar = el('div', 'ec-row ec-instance-bar');
  bar.append(tabs, add, remove);
  header.append(bar);
  root.replaceChildren(header, body);
  let extensionSettings: Record<string, unknown> | undefined;

  const nameOf = (part: FormPart) => part.getSettings().name;
  const select = (chosen: InstancePart) => {
    for (const part of parts) {
      const on = part === chosen;
      part.element.hidden = !on;
      part.tab.setAttribute('aria-selected', String(on));
      part.tab.classList.toggle('is-selected', on);
    }
    remove.disabled = parts.length < 2;
  };
  const label = (part: InstancePart) => {
    part.tab.querySelector('.spectrum-Button-label')!.textContent = String(nameOf(part) ?? '') || '(no name)';
  };
  /** Another instance's name equal to this one's is an error on this one's name field. */
  const uniqueName = (settings: Record<string, unknown>) =>
    settings.name !== undefined && parts.filter((part) => nameOf(part) === settings.name).length > 1
      ? { name: `Another instance is named "${String(settings.name)}": give each its own name.` }
      : {};
  const partDefinition: ViewDefinition = {
    ...definition,
    fields: [NAME_FIELD, ...definition.fields],
    check: (settings) => ({ ...definition.check?.(settings), ...uniqueName(settings) }),
  };

  const addPart = (settings: Record<string, unknown>, isNew: boolean): InstancePart => {
    const form = createFormPart(partDefinition, validator, false);
    const tab = createButton('ec-tab', '', 'quiet');
    tab.setAttribute('role', 'tab');
    const part: InstancePart = { ...form, tab };
    tab.addEventListener('click', () => select(part));
    form.element.addEventListener('input', () => label(part));
    parts.push(part);
    tabs.append(tab);
    body.append(form.element);
    form.init(settings, isNew, extensionSettings);
    label(part);
    return part;
  };
  add.addEventListener('click', () =>
    select(addPart({ ...definition.defaults, name: freeName(parts.map(nameOf)) }, true)),
  );
  remove.addEventListener('click', () => {
    const index = parts.findIndex((part) => !part.element.hidden);
    if (parts.length < 2 || index < 0) return;
    const [gone] = parts.splice(index, 1);
    gone!.element.remove();
    gone!.tab.remove();
    select(parts[Math.max(0, index - 1)]!);
  });

  const methods: ViewMethods = {
    init(info: InitInfo) {
      extensionSettings = info?.extensionSettings;
      for (const part of parts.splice(0)) {
        part.element.remove();
        part.tab.remove();
      }
      const saved = savedInstances(info?.settings ?? null);
      if (saved.length) for (const instance of saved) addPart(instance, false);
      else addPart({ ...definition.defaults, name: DEFAULT_INSTANCE_NAME }, true);
      select(parts[0]!);
    },
    getSettings: () => ({ instances: parts.map((part) => part.getSettings()) }),
    validate() {
      const verdicts = parts.map((part) => part.validate());
      const firstWrong = parts[verdicts.indexOf(false)];
      if (firstWrong) select(firstWrong);
      return !firstWrong;
    },
  };
  // A new configuration's form shows at once; Tags then calls init with what is saved.
  methods.init({ settings: null });
  return registerWithBridge(methods, root);
}
