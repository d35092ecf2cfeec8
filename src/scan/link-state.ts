/**
 * The registrar's manual assignments as plain JSON, so they survive closing the workbook: saved with each
 * file's relative path, size and fingerprint, and restored after the folder is picked again. A saved file is
 * found by the same path, size and fingerprint, or else (moved or renamed) by size and fingerprint when
 * exactly one unclaimed file has them; assignments whose file or student is gone are returned as lost.
 */
import { z } from 'zod';
import { EVIDENCE_KINDS } from '../rules/policy';
import type { ScanInfo } from '../rules/scans';
import type { Student } from '../rules/students';
import type { ManualAssignment } from './link';

const entrySchema = z.object({
  file: z.string(),
  size: z.number().int().min(0),
  fingerprint: z.string(),
  /** A `Student.ref` (saved under this name by version 1, so assignments saved before still restore). */
  studentId: z.string().nullable().optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
});

const stateSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

export type LinkStateEntry = z.infer<typeof entrySchema>;
export type LinkState = z.infer<typeof stateSchema>;

export function saveLinkState(manual: ManualAssignment[], files: ScanInfo[]): LinkState {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entries = manual.flatMap((m): LinkStateEntry[] => {
    const f = byPath.get(m.file);
    if (!f?.fingerprint) return [];
    return [{ file: m.file, size: f.size, fingerprint: f.fingerprint, ...(m.studentRef !== undefined ? { studentId: m.studentRef } : {}), ...(m.kind ? { kind: m.kind } : {}) }];
  });
  return { version: 1, entries };
}

export interface RestoredLinks {
  manual: ManualAssignment[];
  /** Saved assignments that could not be applied: their file is not among the picked ones, or their student is gone. */
  lost: LinkStateEntry[];
}

/** Restores saved assignments onto freshly inspected files. Throws (in Chinese) when `saved` is not a link state. */
export function restoreLinkState(saved: unknown, files: ScanInfo[], students: Student[]): RestoredLinks {
  const parsed = stateSchema.safeParse(saved);
  if (!parsed.success) throw new Error('保存的材料对应关系无法读取(格式不对或版本不同),请重新指定');
  const known = new Set(students.map((s) => s.ref));
  const claimed = new Set<string>();
  const manual: ManualAssignment[] = [];
  const lost: LinkStateEntry[] = [];
  const same = (f: ScanInfo, e: LinkStateEntry) => f.size === e.size && f.fingerprint === e.fingerprint;
  for (const e of parsed.data.entries) {
    let file = files.find((f) => f.path === e.file && same(f, e) && !claimed.has(f.path));
    if (!file) {
      const moved = files.filter((f) => same(f, e) && !claimed.has(f.path));
      file = moved.length === 1 ? moved[0] : undefined;
    }
    if (!file || (e.studentId && !known.has(e.studentId))) {
      lost.push(e);
      continue;
    }
    claimed.add(file.path);
    manual.push({ file: file.path, ...(e.studentId !== undefined ? { studentRef: e.studentId } : {}), ...(e.kind ? { kind: e.kind } : {}) });
  }
  return { manual, lost };
}
