/**
 * Linking picked files to students and evidence kinds.
 *
 * A file belongs to the student whose key (学号, 注册证号, or on the graduate sheet also the 学号 column)
 * appears in its own name or in one of its folders, looked for in the file name first, then in the folders
 * from the innermost out. Keys match as whole digit runs (a 13-digit 学号 inside an 18-digit number does
 * not count) and the longest key wins. Two students' keys in the same name make the file ambiguous: it stays
 * unlinked rather than guessed. Without any key, a name segment that is exactly a student's 姓名 (after
 * removing kind words, digits and separators: 张三_身份证 → 张三) links the file, but only when that 姓名
 * belongs to one student in the workbook — namesakes are common and a wrong guess would put someone's ID card
 * in another's folder. Manual assignments (from the task pane) override every guess.
 */
import type { EvidenceKind, Policy } from '../rules/policy';
import { rowText } from '../rules/rows';
import type { EvidenceLink, ScanInfo, ScanSet, UnresolvedScan } from '../rules/scans';
import type { Student } from '../rules/students';
import { type AliasIndex, aliasIndex, guessKind, nameText, pathSegments, withoutAliases } from './kinds';

/** The registrar's choice for one file: `studentRef: null` means "not evidence"; an absent field keeps the guess. */
export interface ManualAssignment {
  file: string;
  studentRef?: string | null;
  kind?: EvidenceKind;
}

interface FileMatch {
  file: string;
  studentRef: string | null;
  kind: EvidenceKind | null;
  manual: boolean;
  byName: boolean;
  /** Why there is no link, when there is none. */
  reason?: UnresolvedScan['reason'];
}

interface KeyIndex {
  /** [key, student ids], longest key first. */
  keys: [string, string[]][];
  /**
   * The same keys by value, when every key is a run of digits (学号 and 注册证号 are): such a key matches exactly a
   * whole run of digits in a segment, and runs never overlap, so a segment costs one lookup per run instead of a
   * search for each of a thousand keys.
   */
  digitKeys?: Map<string, string[]>;
  /** nameText(姓名) → student ids. */
  names: Map<string, string[]>;
}

function keyIndex(students: Student[]): KeyIndex {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    const k = key.normalize('NFKC').trim();
    if (!k) return;
    if (!byKey.has(k)) byKey.set(k, new Set());
    byKey.get(k)!.add(id);
  };
  const names = new Map<string, string[]>();
  for (const s of students) {
    add(s.key, s.ref);
    if (s.kind === 'graduate') for (const row of s.rows) add(rowText(row, 'studentId'), s.ref);
    const n = nameText(s.name);
    if (n) names.set(n, [...(names.get(n) ?? []), s.ref]);
  }
  const keys = [...byKey].map(([k, ids]): [string, string[]] => [k, [...ids]]).sort((a, b) => b[0].length - a[0].length);
  const digitKeys = keys.every(([k]) => /^[0-9]+$/.test(k)) ? new Map(keys) : undefined;
  return { keys, digitKeys, names };
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Student ids whose keys occur in the segment as whole digit runs, longest key first (a matched key is masked out). */
function keysIn(segment: string, index: KeyIndex): Set<string> {
  let text = segment.normalize('NFKC');
  const found = new Set<string>();
  if (index.digitKeys) {
    for (const run of text.match(/[0-9]+/g) ?? []) index.digitKeys.get(run)?.forEach((id) => found.add(id));
    return found;
  }
  for (const [key, ids] of index.keys) {
    let at = text.indexOf(key);
    while (at >= 0) {
      const end = at + key.length;
      if (!(isDigit(key[0]) && isDigit(text[at - 1])) && !(isDigit(key[key.length - 1]) && isDigit(text[end]))) {
        ids.forEach((id) => found.add(id));
        text = text.slice(0, at) + '\u0000'.repeat(key.length) + text.slice(end);
      }
      at = text.indexOf(key, at + 1);
    }
  }
  return found;
}

interface Guess {
  studentRef: string | null;
  ambiguous: boolean;
  byName: boolean;
}

function guessStudent(path: string, keys: KeyIndex, aliases: AliasIndex): Guess {
  const segments = pathSegments(path);
  for (const s of segments) {
    const ids = keysIn(s, keys);
    if (ids.size === 1) return { studentRef: [...ids][0], ambiguous: false, byName: false };
    if (ids.size > 1) return { studentRef: null, ambiguous: true, byName: false };
  }
  for (const s of segments) {
    const ids = keys.names.get(withoutAliases(s, aliases));
    if (ids?.length === 1) return { studentRef: ids[0], ambiguous: false, byName: true };
    if (ids && ids.length > 1) return { studentRef: null, ambiguous: true, byName: false };
  }
  return { studentRef: null, ambiguous: false, byName: false };
}

function matchScans(students: Student[], files: Pick<ScanInfo, 'path'>[], policy: Policy, manual: ManualAssignment[] = []): FileMatch[] {
  const keys = keyIndex(students);
  const aliases = aliasIndex(policy);
  const known = new Set(students.map((s) => s.ref));
  const byFile = new Map(manual.filter((m) => m.studentRef == null || known.has(m.studentRef)).map((m) => [m.file, m]));
  return files.map(({ path }) => {
    const m = byFile.get(path);
    const guess: Guess = m?.studentRef !== undefined ? { studentRef: m.studentRef, ambiguous: false, byName: false } : guessStudent(path, keys, aliases);
    const kind = m?.kind ?? guessKind(path, aliases);
    const match: FileMatch = { file: path, studentRef: guess.studentRef, kind, manual: m !== undefined, byName: guess.byName };
    if (m?.studentRef === null) match.reason = 'excluded';
    else if (!guess.studentRef) match.reason = guess.ambiguous ? 'ambiguous' : 'no-student';
    else if (!kind) match.reason = 'no-kind';
    return match;
  });
}

function toLinks(matches: FileMatch[]): EvidenceLink[] {
  return matches.flatMap((m): EvidenceLink[] =>
    m.studentRef && m.kind && !m.reason ? [{ file: m.file, studentRef: m.studentRef, kind: m.kind, manual: m.manual, ...(m.byName ? { byName: true as const } : {}) }] : [],
  );
}

export function linkScans(students: Student[], files: Pick<ScanInfo, 'path'>[], policy: Policy, manual?: ManualAssignment[]): EvidenceLink[] {
  return toLinks(matchScans(students, files, policy, manual));
}

/** The scan facts the rules read: the files, their links and why the others have none. */
export function buildScanSet(students: Student[], files: ScanInfo[], policy: Policy, manual?: ManualAssignment[]): ScanSet {
  const matches = matchScans(students, files, policy, manual);
  const unresolved = matches.flatMap((m): UnresolvedScan[] =>
    m.reason ? [{ file: m.file, reason: m.reason, ...(m.studentRef ? { studentRef: m.studentRef } : {}) }] : [],
  );
  return { files, links: toLinks(matches), unresolved };
}
