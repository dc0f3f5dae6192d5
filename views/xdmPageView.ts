import { emailField, objectField, XDM_PLACEHOLDER } from './shared/commonFields';
import { registerView } from './shared/registerView';

/** The "XDM page view" data element view. */
export const view = registerView({
  title: 'XDM page view',
  intro: 'Returns the XDM that Send page view would send with these settings, for inspection or reuse.',
  fields: [
    { kind: 'text', name: 'name', label: 'Page name', help: 'Leave empty to use the page title.' },
    { kind: 'text', name: 'url', label: 'URL', help: 'Leave empty to use the page URL.' },
    emailField,
    objectField(
      'xdm',
      'XDM object',
      'Merged over the automatic fields: JSON, or a data element returning an object.',
      XDM_PLACEHOLDER,
    ),
  ],
});
