/**
 * Turns one of Adobe's XDM schema files (JSON-LD names such as `xdm:web`, `@id`, `dc:language`)
 * into the JSON Schema of the data Platform takes (`web`, `_id`, `_dc.language`), following the
 * naming rules of adobe/xdm's own XED converter (bin/xed-validation/xedConverter.js): `xdm:` is
 * dropped, `@id`/`@type` become `_id`/`_type`, other namespaces nest under `_<namespace>`, and the
 * `@context` part of the extensibility base (which only allows JSON-LD keys) is left out. `$ref`s
 * to `https://ns.adobe.com/xdm/…` ids stay, for ajv to resolve against the other converted files;
 * `meta:*` annotations, descriptions and examples are dropped.
 */
export function convertXdmSchema(schema: unknown): Record<string, unknown> {
  return convertNode(schema) as Record<string, unknown>;
}

const CONTEXT_REF = /^https:\/\/ns\.adobe\.com\/xdm\/common\/extensible#\/definitions\/@context$/;
const DROPPED = new Set(['$schema', 'description', 'examples', 'title']);

/** The path of a field in the data, from its JSON-LD name: `xdm:web` → `web`, `dc:language` → `_dc.language`. */
export function xdmFieldPath(name: string): string[] {
  if (name.startsWith('xdm:')) return [name.slice(4)];
  if (name === '@id' || name === '@type') return [`_${name.slice(1)}`];
  if (!/[:/@]/.test(name)) return [name];
  const segments = name
    .replace(/^https?:\/\//, '')
    .replace(/^ns\.adobe\.com\/(xdm\/)?/, '')
    .split(/[/:]/)
    .filter(Boolean)
    .map((segment) => segment.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()));
  segments[0] = `_${segments[0]}`;
  return segments;
}

function convertNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNode);
  if (node === null || typeof node !== 'object') return node;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('meta:') || DROPPED.has(key)) continue;
    if (key === 'properties') converted.properties = convertProperties(value as Record<string, unknown>);
    else if (key === 'definitions' || key === 'patternProperties')
      converted[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, part]) => [name, convertNode(part)]),
      );
    else if (key === 'required' && Array.isArray(value))
      converted.required = value.map((name: string) => xdmFieldPath(name)[0]);
    else if (key === 'allOf' && Array.isArray(value))
      converted.allOf = value
        .filter((part) => !CONTEXT_REF.test((part as { $ref?: string })?.$ref ?? ''))
        .map(convertNode);
    else converted[key] = convertNode(value);
  }
  return converted;
}

/** Renames and nests the properties of one object: `dc:language` goes into an object `_dc`. */
function convertProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const [first, ...rest] = xdmFieldPath(name);
    let holder = converted;
    let key = first!;
    for (const segment of rest) {
      const parent = (holder[key] ??= { type: 'object', properties: {} }) as {
        properties: Record<string, unknown>;
      };
      holder = parent.properties;
      key = segment;
    }
    holder[key] = convertNode(schema);
  }
  return converted;
}
