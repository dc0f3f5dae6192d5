// Generated at build time from extension.json by build/settingsValidators.mjs.
declare module 'virtual:settings-validators' {
  /** One of ajv's errors: where (`/field`), which rule failed, and its message. */
  export interface SchemaError {
    instancePath: string;
    schemaPath: string;
    keyword: string;
    params: Record<string, unknown>;
    message?: string;
  }
  /** An ajv validate function: true when the settings fit, with `errors` set otherwise. */
  export interface SettingsValidator {
    (settings: unknown): boolean;
    errors?: SchemaError[] | null;
  }
  /** The validators by view name (`streamRecord` for streamRecord.html). */
  const validators: Record<string, SettingsValidator | undefined>;
  export default validators;
}
