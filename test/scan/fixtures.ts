/** Scan facts and a small correction table for the scan and evidence rule tests. */
import { type EvidenceKind, parsePolicy } from '../../src/rules/policy';
import type { ScanInfo, ScanSet, UnresolvedScan } from '../../src/rules/scans';
import { extensionOf } from '../../src/scan/inspect';
import { correctionSheet } from '../helpers/sheets';

/** 张三 changes 民族 (needs 身份证); 李四 changes 姓名 (needs 身份证, and 户口本 or 户籍变更证明). */
export const ZHANG = { key: '2025101000001', name: '张三', ref: '新生#2025101000001', folder: '2025101000001张三' };
export const LI = { key: '2025101000002', name: '李四', ref: '新生#2025101000002', folder: '2025101000002李四' };

export const SHEETS = [
  correctionSheet('new', [
    { 学号: ZHANG.key, 姓名: ZHANG.name, 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', 入学学期: '2025秋' },
    { 学号: LI.key, 姓名: LI.name, 更正内容: '姓名', 更正前: '李五', 更正后: '李四', 更正原因: '信息变更', 入学学期: '2025秋' },
  ]),
];

/** A sound A4 scan at 200 dpi unless overridden. */
export function scan(path: string, over: Partial<ScanInfo> = {}): ScanInfo {
  return { path, size: 480_000, format: 'jpeg', extension: extensionOf(path), width: 1654, height: 2339, density: { x: 200, y: 200, source: 'jfif' }, ...over };
}

export function scanSet(files: ScanInfo[], links: [file: string, studentRef: string, kind: EvidenceKind][], unresolved?: UnresolvedScan[]): ScanSet {
  return { files, links: links.map(([file, studentRef, kind]) => ({ file, studentRef, kind, manual: false })), ...(unresolved ? { unresolved } : {}) };
}

/** A rule-tester case: the two-student sheet with these scans. */
export function withScans(name: string, scans: ScanSet) {
  return { name, sheets: SHEETS, options: { scans } };
}

/** A case run under a policy given as the user's JSON over the defaults. */
export function withPolicy<C extends ReturnType<typeof withScans>>(c: C, policy: Record<string, unknown>): C {
  return { ...c, options: { ...c.options, policy: parsePolicy(policy) } };
}
