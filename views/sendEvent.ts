import { emailField, sendDataField, sendXdmField } from './shared/commonFields';
import { registerView } from './shared/registerView';
import { eventType } from './shared/validators';

/** The "Send event" action view. */
export const view = registerView({
  title: 'Send event',
  intro: 'Sends one XDM experience event of the type you choose.',
  fields: [
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
  ],
});
