/**
 * Names of scans inside a student's package folder: by content (`身份证.jpg`), numbered when one kind has
 * several files (`户口本1.jpg`, `户口本2.jpg`), with the extension of the real format (.jpeg/.JPG → .jpg).
 */
import { EVIDENCE_KINDS } from './policy';
import type { EvidenceLink, ScanInfo } from './scans';

function packageExtension(file: Pick<ScanInfo, 'format' | 'extension'>): string {
  if (file.format === 'jpeg') return 'jpg';
  if (file.format === 'png') return 'png';
  const ext = file.extension.toLowerCase();
  return ext === 'jpeg' ? 'jpg' : ext;
}

/** The package name of each linked file of one student, keyed by file path. Links are ordered by kind, then path. */
export function evidenceFileNames(links: EvidenceLink[], files: Map<string, ScanInfo>): Map<string, string> {
  const ordered = [...links].sort(
    (a, b) => EVIDENCE_KINDS.indexOf(a.kind) - EVIDENCE_KINDS.indexOf(b.kind) || a.file.localeCompare(b.file, 'zh-CN'),
  );
  const perKind = new Map<string, number>();
  for (const l of ordered) perKind.set(l.kind, (perKind.get(l.kind) ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  for (const l of ordered) {
    const n = (seen.get(l.kind) ?? 0) + 1;
    seen.set(l.kind, n);
    const info = files.get(l.file);
    const ext = info ? packageExtension(info) : (l.file.split('.').pop() ?? '').toLowerCase();
    names.set(l.file, `${l.kind}${perKind.get(l.kind)! > 1 ? n : ''}${ext ? '.' + ext : ''}`);
  }
  return names;
}
