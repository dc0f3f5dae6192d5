import validators, { type SchemaError, type SettingsValidator } from 'virtual:settings-validators';
import type { FieldSpec } from './FieldSpec';

/** What the manifest's schema says about a view's settings: messages by field, and those of no one field. */
export interface SchemaVerdict {
  byField: Map<string, string>;
  general: string[];
}

/** The schema validator of the view on this page (`streamRecord.html` → the Stream record schema). */
export function findSettingsValidator(pathname: string): SettingsValidator | undefined {
  const name = /([^/]+)\.html$/.exec(pathname)?.[1];
  return name ? validators[name] : undefined;
}

/** What a failed rule asks for, in words: a pattern is not worth showing a Tags user, an example is. */
function describeRule(error: SchemaError, spec: FieldSpec): string {
  const example =
    'placeholder' in spec && spec.placeholder ? `; enter something like ${spec.placeholder}` : '';
  if (error.keyword === 'pattern') return `it does not have the form this field takes${example}`;
  return error.message ?? error.keyword;
}

/** The settings key an error is about: the first step of its path, or the property it misses. */
function fieldOf(error: SchemaError): string | undefined {
  const [, first] = error.instancePath.split('/');
  if (first) return decodeURIComponent(first.replace(/~1/g, '/').replace(/~0/g, '~'));
  return error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
}

/**
 * Turns ajv's errors into messages a Tags user can act on, next to the field they concern. Inside
 * an `anyOf` only missing fields are reported: the other branches' mismatches ("must be raw") are
 * alternatives, not mistakes; the `anyOf` error itself speaks for a field, or for the form when
 * nothing more precise was said.
 */
export function readSchemaErrors(
  errors: SchemaError[],
  specOf: (field: string) => FieldSpec | undefined,
): SchemaVerdict {
  const byField = new Map<string, string>();
  const general: string[] = [];
  const sorted = [...errors].sort((a, b) => Number(a.keyword === 'anyOf') - Number(b.keyword === 'anyOf'));
  for (const error of sorted) {
    if (error.schemaPath.includes('/anyOf/') && error.keyword !== 'required') continue;
    const field = fieldOf(error);
    const spec = field === undefined ? undefined : specOf(field);
    if (field !== undefined && spec !== undefined) {
      if (byField.has(field)) continue;
      byField.set(
        field,
        error.keyword === 'required' && !error.instancePath
          ? `${spec.label} is required here.`
          : `${spec.label}: this value is not accepted (${describeRule(error, spec)}).`,
      );
    } else if (error.keyword === 'additionalProperties') {
      general.push(
        `The setting "${String(error.params.additionalProperty)}" is not known to this extension.`,
      );
    } else if (!byField.size && !general.length) {
      general.push(`These settings do not fit together (${error.message ?? error.keyword}).`);
    }
  }
  return { byField, general };
}
