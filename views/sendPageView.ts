import { emailField, sendDataField, sendXdmField } from './shared/commonFields';
import { checkOverrides, overridesField } from './shared/overridesField';
import { instanceField } from './shared/createInstanceField';
import { registerView } from './shared/registerView';

/** The "Send page view" action view. */
export const view = registerView({
  title: 'Send page view',
  intro:
    'Sends an XDM page view (web.webpagedetails.pageViews) with the page URL, referrer, device and time filled in.',
  fields: [
    instanceField,
    {
      kind: 'text',
      name: 'name',
      label: 'Page name',
      help: 'Leave empty to use the page title.',
      placeholder: 'home',
    },
    {
      kind: 'text',
      name: 'url',
      label: 'URL',
      help: 'Leave empty to use the page URL. Any e-mail address in it is removed before sending.',
    },
    emailField,
    sendXdmField,
    sendDataField,
    overridesField('Only for this page view, over those of the extension configuration.'),
  ],
  check: checkOverrides,
});
