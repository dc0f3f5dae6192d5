import type { SchemaViolation } from '../xdm/SchemaViolation';

/**
 * The "Schema violations" part of an event's detail: one row per way the XDM breaks Adobe's
 * schemas, with where (path), which rule, the adobe/xdm file stating it and what is wrong. Every
 * value is written as text: a path can hold any key a page sent. Nothing for a clean event, or for
 * one stored before the emulator checked schemas.
 */
export function renderSchemaViolations(violations: SchemaViolation[] | undefined): HTMLElement[] {
  if (!violations?.length) return [];
  const cell = (tag: 'td' | 'th', text: string, className?: string) => {
    const node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const heading = document.createElement('h3');
  heading.textContent = `Schema violations (${violations.length}), against github.com/adobe/xdm`;
  const table = document.createElement('table');
  table.className = 'schema-violations';
  const head = document.createElement('tr');
  head.append(cell('th', 'path'), cell('th', 'rule'), cell('th', 'schema file'), cell('th', 'message'));
  table.append(head);
  for (const violation of violations) {
    const row = document.createElement('tr');
    row.append(
      cell('td', violation.path, 'code'),
      cell('td', violation.rule, 'code'),
      cell('td', violation.schemaFile, 'code'),
      cell('td', violation.message),
    );
    table.append(row);
  }
  return [heading, table];
}
