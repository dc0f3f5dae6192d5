import { describe, expect, it } from 'vitest';
import { renderSchemaViolations } from '../../../../src/emulator/inspector/renderSchemaViolations';

describe('renderSchemaViolations', () => {
  it('shows each violation with its path, rule, schema file and message, as text', () => {
    const nodes = renderSchemaViolations([
      {
        path: 'xdm._acme.<img src=x onerror=alert(1)>',
        rule: 'format: uri',
        schemaFile: 'components/datatypes/industry-verticals/implementationdetails.schema.json',
        message: 'must match format "uri"',
      },
    ]);
    expect(nodes.map((node) => node.tagName)).toEqual(['H3', 'TABLE']);
    expect(nodes[0]!.textContent).toBe('Schema violations (1), against github.com/adobe/xdm');
    const cells = [...nodes[1]!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells).toEqual([
      'xdm._acme.<img src=x onerror=alert(1)>',
      'format: uri',
      'components/datatypes/industry-verticals/implementationdetails.schema.json',
      'must match format "uri"',
    ]);
    expect(nodes[1]!.querySelector('img')).toBeNull();
  });

  it('renders nothing for a clean event or one stored before schemas were checked', () => {
    expect(renderSchemaViolations([])).toEqual([]);
    expect(renderSchemaViolations(undefined)).toEqual([]);
  });
});
