import type { JsonSpec, TextSpec } from './FieldSpec';

/** The e-mail field shared by the send actions and identity views. */
export const emailField: TextSpec = {
  kind: 'text',
  name: 'email',
  label: 'E-mail address',
  placeholder: '%user email%',
  help: 'Hashed in the page (Email_LC_SHA256) before sending; the address itself is never sent. Empty: no e-mail identity.',
};

/** An object setting (XDM or data) with its label and help. */
export function objectField(name: string, label: string, help: string): JsonSpec {
  return {
    kind: 'json',
    name,
    label,
    help,
    placeholder: '{ "web": { "webPageDetails": { "siteSection": "shop" } } } or %xdm data element%',
  };
}
