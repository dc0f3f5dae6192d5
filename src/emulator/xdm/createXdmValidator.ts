import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { boundForSchemaCheck } from './boundForSchemaCheck';
import { convertXdmSchema } from './convertXdmSchema';
import { readSchemaFields } from './readSchemaFields';
import type { SchemaViolation } from './SchemaViolation';
import { EXPERIENCE_EVENT_CLASS, PROFILE_CLASS, type XdmSchemaBundle } from './XdmSchemaBundle';

// ajv-formats is CommonJS: its default export arrives wrapped when imported from ES modules.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

type Schema = Record<string, unknown>;

/** What checking one entity found. */
export interface XdmCheck {
  /** The class and the field groups (file paths in adobe/xdm) the entity was checked against. */
  schemaFiles: string[];
  violations: SchemaViolation[];
  /** Top-level fields no vendored field group of the class defines (tenant `_…` fields are not listed). */
  unknownFields: string[];
  /** Arrays and objects too long for the check, read only in part ({@link boundForSchemaCheck}); 0 for any real event. */
  partlyChecked: number;
}

/** Checks XDM entities against Adobe's schemas. */
export interface XdmValidator {
  /** The adobe/xdm commit the schemas come from. */
  readonly commit: string;
  /** Checks an ExperienceEvent (`event`) or an Individual Profile record (`record`) against its class and the field groups its fields come from. */
  check(entity: Record<string, unknown>, kind: 'event' | 'record'): XdmCheck;
}

interface FieldGroup {
  id: string;
  fields: Set<string>;
  /** Empty: any class (the identity map). */
  classes: string[];
}

/** `/web/webPageDetails/URL` → `xdm.web.webPageDetails.URL`; `/productListItems/0/SKU` → `xdm.productListItems[0].SKU`. */
function toPath(instancePath: string, prefix: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : `${path}.${segment}`),
      prefix,
    );
}

/** The message of one ajv error, with the allowed values of an enum spelled out. */
function describeError(error: ErrorObject): string {
  const { params } = error;
  if (error.keyword === 'enum') return `${error.message}: ${(params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'required') return `${params.missingProperty} is required`;
  return error.message ?? error.keyword;
}

interface LoadedSchemas {
  ajv: Ajv;
  byId: Map<string, { schema: Schema; file: string; raw: Schema }>;
  /** Every object of every converted schema → its file, to name the file an error's rule is in. */
  fileOf: WeakMap<object, string>;
}

/** Converts every file of the bundle and gives it to ajv, which resolves the `$ref`s between them. */
function loadSchemas(bundle: XdmSchemaBundle): LoadedSchemas {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  // XDM's own `url` format is not a JSON Schema format; Platform takes any string there.
  ajv.addFormat('url', true);
  const fileOf = new WeakMap<object, string>();
  const byId: LoadedSchemas['byId'] = new Map();
  const mark = (node: unknown, file: string) => {
    if (node === null || typeof node !== 'object') return;
    fileOf.set(node, file);
    for (const child of Object.values(node)) mark(child, file);
  };
  for (const [file, raw] of Object.entries(bundle.files)) {
    const schema = convertXdmSchema(raw);
    if (typeof schema.$id !== 'string') continue;
    mark(schema, file);
    byId.set(schema.$id, { schema, file, raw: raw as Schema });
    ajv.addSchema(schema);
  }
  return { ajv, byId, fileOf };
}

/** The field groups of the bundle (the schemas that say which classes they extend) and the fields each defines. */
function readFieldGroups(
  { byId }: LoadedSchemas,
  schemaById: (id: string) => Schema | undefined,
): FieldGroup[] {
  const groups: FieldGroup[] = [];
  for (const [id, { schema, raw }] of byId) {
    const classes = raw['meta:intendedToExtend'];
    if (Array.isArray(classes))
      groups.push({ id, classes: classes as string[], fields: readSchemaFields(schema, schemaById) });
  }
  // In file order, so that a check always lists (and compiles) the same set the same way.
  return groups.sort((a, b) => (byId.get(a.id)!.file < byId.get(b.id)!.file ? -1 : 1));
}

function toViolation(error: ErrorObject, fileOf: WeakMap<object, string>): SchemaViolation {
  const at = toPath(error.instancePath, 'xdm');
  return {
    path: error.keyword === 'required' ? `${at}.${error.params.missingProperty}` : at,
    rule: error.keyword === 'format' ? `format: ${error.params.format}` : error.keyword,
    schemaFile: fileOf.get(error.parentSchema as object) ?? 'unknown',
    message: describeError(error),
  };
}

/**
 * Builds a validator from the vendored adobe/xdm files, converted from JSON-LD to the field names
 * Platform takes ({@link convertXdmSchema}). An entity is checked against its class plus every
 * field group of that class that defines one of its top-level fields, and each error names the
 * file its rule is in.
 */
export function createXdmValidator(bundle: XdmSchemaBundle): XdmValidator {
  const loaded = loadSchemas(bundle);
  const schemaById = (id: string) => loaded.byId.get(id)?.schema;
  const classFields = new Map(
    [EXPERIENCE_EVENT_CLASS, PROFILE_CLASS].map((id) => [
      id,
      readSchemaFields(schemaById(id) ?? {}, schemaById),
    ]),
  );
  const groups = readFieldGroups(loaded, schemaById);
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (ids: string[]) => {
    const key = ids.join(' ');
    let validate = compiled.get(key);
    if (!validate) {
      validate = loaded.ajv.compile({ allOf: ids.map(($ref) => ({ $ref })) });
      compiled.set(key, validate);
    }
    return validate;
  };

  return {
    commit: bundle.commit,
    check(entity, kind) {
      const classId = kind === 'event' ? EXPERIENCE_EVENT_CLASS : PROFILE_CLASS;
      const keys = Object.keys(entity);
      const used = groups.filter(
        (group) =>
          (!group.classes.length || group.classes.includes(classId)) &&
          keys.some((key) => group.fields.has(key)),
      );
      const known = new Set([
        ...(classFields.get(classId) ?? []),
        ...used.flatMap((group) => [...group.fields]),
      ]);
      const ids = [classId, ...used.map((group) => group.id)];
      const validate = validatorFor(ids);
      // Bounded first: ajv never sees more than a real event holds, whatever a 64 KB body carries.
      const bounded = boundForSchemaCheck(entity);
      validate(bounded.value);
      const violations = new Map<string, SchemaViolation>();
      for (const error of validate.errors ?? []) {
        const violation = toViolation(error, loaded.fileOf);
        violations.set(`${violation.path} ${violation.rule}`, violation);
      }
      return {
        schemaFiles: ids.map((id) => loaded.byId.get(id)!.file),
        violations: [...violations.values()],
        unknownFields: keys.filter((field) => !known.has(field) && !field.startsWith('_')),
        partlyChecked: bounded.cut,
      };
    },
  };
}
