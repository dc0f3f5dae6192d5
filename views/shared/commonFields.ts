import type { JsonSpec, TextSpec } from './FieldSpec';

/** The e-mail field shared by the send actions and identity views. */
export const emailField: TextSpec = {
  kind: 'text',
  name: 'email',
  label: 'E-mail address',
  placeholder: '%user email%',
  help: 'Hashed in the page (Email_LC_SHA256) before sending; the address itself is never sent. Empty: no e-mail identity.',
};

/** An object setting (XDM, data, a record) with its label, help and an example of its own. */
export function objectField(name: string, label: string, help: string, placeholder: string): JsonSpec {
  return { kind: 'json', name, label, help, placeholder };
}

/** Placeholder of an XDM object field. */
export const XDM_PLACEHOLDER =
  '{ "web": { "webPageDetails": { "siteSection": "shop" } } } or %xdm data element%';

/** Placeholder of a free-form data field. */
export const DATA_PLACEHOLDER = '{ "cartId": "c-123", "coupon": "SPRING" } or %data element%';

/** The XDM object of the send actions, merged over the automatic fields. */
export const sendXdmField: JsonSpec = objectField(
  'xdm',
  'XDM object',
  'Merged over the automatic fields (yours win): JSON, or a data element returning an object.',
  XDM_PLACEHOLDER,
);

/** The free-form data of the send actions. */
export const sendDataField: JsonSpec = objectField(
  'data',
  'Data',
  'Free-form data sent beside the XDM: JSON, or a data element returning an object.',
  DATA_PLACEHOLDER,
);

/** The name that ties Update variable actions to their Variable data element. */
export function variableNameField(help: string): TextSpec {
  return {
    kind: 'text',
    name: 'name',
    label: 'Variable name',
    required: true,
    dataElement: false,
    placeholder: 'checkout',
    help,
  };
}
