import { emailField, sendDataField, sendXdmField } from './shared/commonFields';
import { checkOverrides, overridesField } from './shared/overridesField';
import { instanceField } from './shared/createInstanceField';
import { registerView } from './shared/registerView';
import { eventType } from './shared/validators';

/** The "Send event" action view. */
export const view = registerView({
  title: 'Send event',
  intro: 'Sends one XDM experience event of the type you choose.',
  fields: [
    instanceField,
    {
      kind: 'text',
      name: 'eventType',
      label: 'Event type',
      required: true,
      validate: eventType,
      placeholder: 'commerce.productViews',
      help: 'The XDM eventType, for example commerce.productViews or web.webinteraction.linkClicks.',
    },
    sendXdmField,
    sendDataField,
    emailField,
    {
      kind: 'checkbox',
      name: 'documentUnloading',
      label: 'Document will unload',
      text: 'The page is about to go away',
      help: 'Check when the event is sent as the visitor leaves the page (a link that navigates, a form that submits): the event is handed to the browser, which delivers it after the page is gone, and the rule does not wait for the answer. Edge response received may then not fire.',
    },
    overridesField('Only for this event, over those of the extension configuration.'),
  ],
  check: checkOverrides,
});
