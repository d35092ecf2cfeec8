/**
 * Guessing a scan's evidence kind from its name: the file name first, then its folders from the innermost
 * out, against the policy's aliases (NFKC, case-insensitive, longest alias first so 毕业生登记表 beats 登记表).
 * Digits, spaces and separators are ignored, so 身份证1.jpg and 户口本-2.png read as 身份证 and 户口本.
 */
import { EVIDENCE_KINDS, type EvidenceKind, type Policy } from '../rules/policy';

/** Text of a name as aliases are matched against it. */
export function nameText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\d\s_\-.,;:+()[\]{}()【】·、，。＿－]+/g, '');
}

/** The name without its extension. */
export function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export interface AliasIndex {
  /** [alias as matched, kind], longest alias first. */
  aliases: [string, EvidenceKind][];
}

export function aliasIndex(policy: Policy): AliasIndex {
  const aliases: [string, EvidenceKind][] = [];
  for (const kind of EVIDENCE_KINDS) for (const a of [kind, ...(policy.evidence.aliases[kind] ?? [])]) aliases.push([nameText(a), kind]);
  aliases.sort((a, b) => b[0].length - a[0].length);
  return { aliases: aliases.filter(([a]) => a.length > 0) };
}

/** The kind one name segment (file stem or folder name) names, if any. */
function kindOfSegment(segment: string, index: AliasIndex): EvidenceKind | null {
  const t = nameText(segment);
  return index.aliases.find(([a]) => t.includes(a))?.[1] ?? null;
}

/** The name segments of a relative path as they are searched: the file stem first, then the folders from the innermost out. */
export function pathSegments(path: string): string[] {
  const parts = path.split('/');
  return [stem(parts[parts.length - 1]), ...parts.slice(0, -1).reverse()];
}

/** The kind a relative path names: its file name first, then its folders from the innermost out. */
export function guessKind(path: string, index: AliasIndex): EvidenceKind | null {
  for (const s of pathSegments(path)) {
    const kind = kindOfSegment(s, index);
    if (kind) return kind;
  }
  return null;
}

/** A segment with every alias removed, as name matching sees it (张三_身份证 → 张三). */
export function withoutAliases(segment: string, index: AliasIndex): string {
  let t = nameText(segment);
  for (const [a] of index.aliases) t = t.split(a).join('');
  return t;
}
