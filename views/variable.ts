import { variableNameField } from './shared/commonFields';
import { registerView } from './shared/registerView';

/** The "Variable" data element view. */
export const view = registerView({
  title: 'Variable',
  intro:
    'An object that Update variable actions build up across rules. Use this data element as the XDM object or data of Send page view or Send event.',
  fields: [
    variableNameField(
      'Update variable actions change the variable of this name. Letters, digits, ., - and _.',
    ),
    {
      kind: 'checkbox',
      name: 'clearAfterSend',
      label: 'Clear after send',
      text: 'Empty the variable once a send has used it',
      help: 'When Send page view or Send event uses this variable as its XDM object or data, the variable starts empty again for the next rule.',
    },
  ],
  defaults: { clearAfterSend: false },
});
