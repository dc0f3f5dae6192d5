import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../../src/emulator/streaming/applyMapping';
import { buildMappingSet } from '../../../../src/emulator/streaming/flowServiceObjects';
import { ProblemError } from '../../../../src/emulator/http/ProblemError';

describe('applyMapping', () => {
  it('copies own attributes of the record to their XDM paths and names the missing ones', () => {
    const { xdm, missing } = applyMapping({ user: { id: 'u1' }, page: 'home' }, [
      { sourceAttribute: 'user.id', destinationXdmPath: '_acme.userId' },
      { sourceAttribute: 'page', destinationXdmPath: 'web.webPageDetails.name' },
      { sourceAttribute: 'absent', destinationXdmPath: '_acme.absent' },
    ]);
    expect(xdm).toEqual({ _acme: { userId: 'u1' }, web: { webPageDetails: { name: 'home' } } });
    expect(missing).toEqual(['absent']);
  });

  it('never reaches Object.prototype, even with a mapping set kept from before the check', () => {
    const { xdm } = applyMapping({ flag: true }, [
      { sourceAttribute: '__proto__', destinationXdmPath: 'a' },
      { sourceAttribute: 'flag', destinationXdmPath: 'a.authenticationRequired' },
      { sourceAttribute: 'constructor.prototype', destinationXdmPath: 'b' },
      { sourceAttribute: 'flag', destinationXdmPath: 'b.polluted' },
      { sourceAttribute: 'flag', destinationXdmPath: '__proto__.polluted' },
    ]);
    expect(({} as Record<string, unknown>).authenticationRequired).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(xdm).toEqual({ a: { authenticationRequired: true }, b: { polluted: true } });
  });
});

describe('buildMappingSet', () => {
  it.each([
    ['sourceAttribute', { sourceAttribute: '__proto__', destinationXdmPath: 'a' }],
    ['sourceAttribute', { sourceAttribute: 'x.constructor.prototype', destinationXdmPath: 'a' }],
    ['destinationXdmPath', { sourceAttribute: 'x', destinationXdmPath: 'a.__proto__.b' }],
    ['destinationXdmPath', { sourceAttribute: 'x', destinationXdmPath: 'prototype' }],
  ])('refuses a %s with a prototype segment (400)', (field, mapping) => {
    let thrown: unknown;
    try {
      buildMappingSet({ mappings: [mapping] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    expect((thrown as ProblemError).status).toBe(400);
    expect((thrown as ProblemError).body.detail).toContain(`mappings[0].${field}`);
  });
});
