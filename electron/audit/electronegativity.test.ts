import { describe, expect, it } from 'vitest';
import { acceptedFileSchema, classifyFindings, formatReport, isScannedSource, type Finding } from './electronegativity.ts';

function finding(check: string, severity: string, file = 'electron/main/index.ts'): Finding {
  return { check, severity, confidence: 'FIRM', file, line: 3, column: 4, sample: 'new BrowserWindow({})' };
}

const reason = 'The URL is checked by isSafeExternalUrl first (http/https only), see security.test.ts.';

describe('classifyFindings', () => {
  it('fails on a HIGH or MEDIUM finding nobody explained', () => {
    const result = classifyFindings([finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'), finding('SANDBOX_JS_CHECK', 'MEDIUM')], []);
    expect(result.unexplained.map((f) => f.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']);
    expect(formatReport(result)).toContain('electronegativity: FAILED');
  });

  it('accepts a finding only for the check and file it names', () => {
    const accepted = [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/security.ts', reason }];
    const result = classifyFindings(
      [finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main/security.ts'), finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main/index.ts')],
      accepted,
    );
    expect(result.explained.map((e) => e.finding.file)).toEqual(['electron/main/security.ts']);
    expect(result.unexplained.map((f) => f.file)).toEqual(['electron/main/index.ts']);
    expect(result.stale).toEqual([]);
  });

  it('reports LOW and INFORMATIONAL without failing, and flags stale entries', () => {
    const stale = { check: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts', reason };
    const result = classifyFindings([finding('CSP_GLOBAL_CHECK', 'LOW'), finding('X', 'INFORMATIONAL')], [stale]);
    expect(result.unexplained).toEqual([]);
    expect(result.informational).toHaveLength(2);
    expect(result.stale).toEqual([stale]);
    const report = formatReport(result);
    expect(report).toContain('electronegativity: OK');
    expect(report).toContain('stale');
  });
});

describe('accepted file', () => {
  it('requires a real reason for every entry', () => {
    expect(acceptedFileSchema.safeParse({ accepted: [{ check: 'PRELOAD_JS_CHECK', file: 'a.ts', reason: 'fine' }] }).success).toBe(false);
    expect(acceptedFileSchema.safeParse({ accepted: [{ check: 'PRELOAD_JS_CHECK', file: 'a.ts', reason }] }).success).toBe(true);
    expect(acceptedFileSchema.safeParse({ accepted: [{ check: 'PRELOAD_JS_CHECK', file: 'a.ts' }] }).success).toBe(false);
  });
});

describe('isScannedSource', () => {
  it('scans shipped code, not tests', () => {
    expect(isScannedSource('electron/main/index.ts')).toBe(true);
    expect(isScannedSource('renderer/src/app/App.tsx')).toBe(true);
    expect(isScannedSource('renderer/index.html')).toBe(true);
    expect(isScannedSource('electron/main/index.test.ts')).toBe(false);
    expect(isScannedSource('renderer/src/x.spec.tsx')).toBe(false);
    expect(isScannedSource('renderer/src/data.json')).toBe(false);
  });
});
