import { createCheckboxField } from './createCheckboxField';
import { createCodeField } from './createCodeField';
import { createChoiceField } from './createChoiceField';
import { createInstanceField } from './createInstanceField';
import { createJsonField } from './createJsonField';
import { createOverridesField } from './createOverridesField';
import { createRowsField } from './createRowsField';
import { createTextField } from './createTextField';
import { createValueField } from './createValueField';
import type { FieldControl, FieldSpec } from './FieldSpec';

/** Renders one field of any kind. */
export function renderField(spec: FieldSpec): FieldControl {
  switch (spec.kind) {
    case 'text':
      return createTextField(spec);
    case 'json':
      return createJsonField(spec);
    case 'checkbox':
      return createCheckboxField(spec);
    case 'choice':
      return createChoiceField(spec);
    case 'rows':
      return createRowsField(spec);
    case 'code':
      return createCodeField(spec);
    case 'value':
      return createValueField(spec);
    case 'instance':
      return createInstanceField(spec);
    case 'overrides':
      return createOverridesField(spec);
  }
}
