/**
 * Adobe's XDM schema files as the emulator reads them: the raw JSON-LD files of the vendored subset
 * of github.com/adobe/xdm, keyed by their path in that repository, and the commit they come from.
 * The build writes it to `dist/emulator/xdm-schemas.json`; from source it is read from
 * `test/fixtures/xdm/`.
 */
export interface XdmSchemaBundle {
  /** The adobe/xdm commit the files come from. */
  commit: string;
  /** Path in adobe/xdm (e.g. `components/classes/experienceevent.schema.json`) → the file's JSON. */
  files: Record<string, unknown>;
}

/** The class ids the emulator validates against. */
export const EXPERIENCE_EVENT_CLASS = 'https://ns.adobe.com/xdm/context/experienceevent';
/** The XDM Individual Profile class. */
export const PROFILE_CLASS = 'https://ns.adobe.com/xdm/context/profile';
