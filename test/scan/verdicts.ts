/** Runs the scan rules over inspected files (each linked to one student) and lists each file's verdicts. */
import scanCorrupt from '../../src/rules/checks/scan-corrupt';
import scanDensityTag from '../../src/rules/checks/scan-density-tag';
import scanFormat from '../../src/rules/checks/scan-format';
import scanLowResolution from '../../src/rules/checks/scan-low-resolution';
import scanPhonePhoto from '../../src/rules/checks/scan-phone-photo';
import scanScreenshot from '../../src/rules/checks/scan-screenshot';
import scanTooLarge from '../../src/rules/checks/scan-too-large';
import { validateWorkbook } from '../../src/rules/engine';
import type { EvidenceKind } from '../../src/rules/policy';
import type { RuleModule } from '../../src/rules/rule';
import type { ScanInfo } from '../../src/rules/scans';
import { SHEETS, ZHANG, scanSet } from './fixtures';

const RULES = [scanFormat, scanCorrupt, scanTooLarge, scanLowResolution, scanDensityTag, scanPhonePhoto, scanScreenshot] as RuleModule[];

/** "rule" for errors, "rule:warning" for warnings, per file path, in rule order. */
export function verdicts(files: ScanInfo[], kind: EvidenceKind = '户口本'): Map<string, string[]> {
  const scans = scanSet(files, files.map((f) => [f.path, ZHANG.ref, kind]));
  const { problems } = validateWorkbook({ sheets: SHEETS }, { asOf: '2026-11-29', scans, rules: RULES });
  const out = new Map<string, string[]>(files.map((f) => [f.path, []]));
  for (const rule of RULES)
    for (const p of problems.filter((q) => q.rule === rule.meta.id)) out.get(p.file!)!.push(p.severity === 'error' ? p.rule : `${p.rule}:${p.severity}`);
  return out;
}
