import { instanceField } from './shared/createInstanceField';
import { registerView } from './shared/registerView';

/**
 * The view of the items whose only setting is the instance they run on: the Last request ID and
 * Web vitals data elements, the Edge response received and Web vital reported events.
 */
export const view = registerView({
  title: 'Instance',
  intro: 'Which instance of the extension configuration this reads or listens to.',
  fields: [instanceField],
});
