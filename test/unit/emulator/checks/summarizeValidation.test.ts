import { describe, expect, it } from 'vitest';
import { createRequestChecks } from '../../../../src/emulator/checks/createRequestChecks';
import { NOT_LISTED_PATH, summarizeValidation } from '../../../../src/emulator/checks/summarizeValidation';
import { PLAIN_EMAIL_MESSAGE, type Validation } from '../../../../src/emulator/checks/validateEvent';

const report = (overrides: Partial<Validation>): Validation => ({
  ok: true,
  findings: [],
  plainEmails: [],
  schemaViolations: [],
  ...overrides,
});

describe('summarizeValidation', () => {
  it('keeps the verdict, the address flag and the kinds of findings, without paths or counts', () => {
    const summary = summarizeValidation(
      report({
        ok: false,
        findings: [
          { severity: 'error', path: 'xdm.identityMap.a', message: 'each namespace must hold…' },
          { severity: 'warning', path: 'xdm.b', message: 'no field group…' },
          { severity: 'privacy', path: 'data.c', message: PLAIN_EMAIL_MESSAGE },
        ],
        plainEmails: ['data.c'],
      }),
    );
    expect(summary.ok).toBe(false);
    expect(summary.plainEmails).toEqual([NOT_LISTED_PATH]);
    expect(summary.findings.map((finding) => [finding.severity, finding.path])).toEqual([
      ['privacy', NOT_LISTED_PATH],
      ['error', NOT_LISTED_PATH],
      ['warning', NOT_LISTED_PATH],
    ]);
    expect(summary.schemaViolations).toEqual([]);
  });

  it('counts a schema violation as an error, and leaves a report with nothing listed as it is', () => {
    const violation = { path: 'xdm.a', rule: 'type', schemaFile: 'f', message: 'must be string' };
    const summary = summarizeValidation(report({ ok: false, schemaViolations: [violation] }));
    expect(summary.findings.map((finding) => finding.severity)).toEqual(['error']);
    const empty = report({});
    expect(summarizeValidation(empty)).toBe(empty);
  });
});

describe('createRequestChecks: share', () => {
  const flagged = (path: string) =>
    report({
      ok: false,
      findings: [{ severity: 'privacy', path, message: PLAIN_EMAIL_MESSAGE }],
      plainEmails: [path],
    });

  it('shares equal reports, and past its allowance of distinct ones shares their summaries', () => {
    const checks = createRequestChecks({}, 1000);
    const first = checks.share(flagged('data.a'));
    expect(checks.share(flagged('data.a'))).toBe(first);
    const shared = Array.from({ length: 50 }, (_, index) => checks.share(flagged(`data.k${index}`)));
    const listed = shared.filter((validation) => validation.plainEmails[0] !== NOT_LISTED_PATH);
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.length).toBeLessThan(10);
    // Every later one is flagged, by one shared summary.
    const summaries = new Set(shared.slice(listed.length));
    expect(summaries.size).toBe(1);
    expect([...summaries][0]).toMatchObject({ ok: false, plainEmails: [NOT_LISTED_PATH] });
    // A report with nothing to list is never summarized.
    expect(checks.share(report({})).findings).toEqual([]);
  });
});
