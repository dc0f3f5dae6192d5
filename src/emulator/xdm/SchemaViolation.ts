/** One way an XDM entity breaks Adobe's schema, as the inspector shows it. */
export interface SchemaViolation {
  /** Where in the event, e.g. `xdm.implementationDetails.name`. */
  path: string;
  /** The JSON Schema rule broken, e.g. `format`, `enum`, `type`, `required`. */
  rule: string;
  /** The adobe/xdm file that states the rule, e.g. `components/datatypes/environment.schema.json`. */
  schemaFile: string;
  /** What is wrong, in words. */
  message: string;
}
