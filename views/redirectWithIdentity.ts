import { checkOverrides, overridesField } from './shared/overridesField';
import { instanceField } from './shared/createInstanceField';
import { registerView } from './shared/registerView';

/** The "Redirect with identity" action view. */
export const view = registerView({
  title: 'Redirect with identity',
  intro:
    'Use it in a rule with a Core Click event on links to another domain of your organization (CSS selector such as a[href^="https://shop.example.com"]): the link opens with the visitor\'s ECID added as adobe_mc, so the other site keeps the visitor. It needs the organization ID in the extension configuration; while consent is not in, the link opens without it.',
  fields: [
    instanceField,
    overridesField(
      'For the identity request made when no ECID is known yet, over those of the extension configuration.',
    ),
  ],
  check: checkOverrides,
});
