/** The JSON report of the SPEC (CLI `--json`): exactly its keys, nothing the contract does not name. */
import type { ValidationResult } from './engine';
import { evidenceFileNames } from './naming';
import type { Severity } from './problem';
import type { EvidenceLink, ScanInfo } from './scans';

export interface JsonReport {
  valid: boolean;
  asOf: string;
  tables: { sheet: string; kind: 'new' | 'enrolled' | 'graduate' | null; headerRow: number; rows: number }[];
  students: {
    sheet: string;
    key: string;
    name: string;
    folder: string;
    required: string[][];
    linked: { file: string; kind: string; as: string }[];
  }[];
  problems: { rule: string; severity: Severity; sheet: string | null; cell: string | null; file: string | null; message: string }[];
  counts: Record<Severity, number>;
}

type JsonStudent = JsonReport['students'][number];
type JsonProblem = JsonReport['problems'][number];

/**
 * The report with its two long lists (a student and a problem at a time) left as iterables, mapped when they are
 * walked: the CLI writes each entry and lets it go (json-output.ts) rather than holding 100,000 report students.
 */
export interface JsonReportParts extends Omit<JsonReport, 'students' | 'problems'> {
  students: Iterable<JsonStudent>;
  problems: Iterable<JsonProblem>;
}

function* mapped<T, U>(list: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of list) yield map(item);
}

export function jsonReportParts(result: ValidationResult): JsonReportParts {
  const { scans } = result;
  const files = new Map<string, ScanInfo>((scans?.files ?? []).map((f) => [f.path, f]));
  const linksOf = new Map<string, EvidenceLink[]>();
  for (const l of scans?.links ?? []) linksOf.set(l.studentRef, [...(linksOf.get(l.studentRef) ?? []), l]);
  return {
    valid: result.valid,
    asOf: result.asOf,
    tables: result.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, headerRow: t.headerRow, rows: t.rows.length })),
    students: mapped(result.students, (s) => {
      const links = linksOf.get(s.ref) ?? [];
      const names = evidenceFileNames(links, files);
      return {
        sheet: s.sheet,
        key: s.key,
        name: s.name,
        folder: s.folder,
        required: s.required.map((g) => [...g]),
        linked: links.map((l) => ({ file: l.file, kind: l.kind, as: names.get(l.file) ?? l.file })),
      };
    }),
    problems: mapped(result.problems, (p) => ({ rule: p.rule, severity: p.severity, sheet: p.sheet, cell: p.cell, file: p.file, message: p.message })),
    counts: { ...result.counts },
  };
}

export function toJsonReport(result: ValidationResult): JsonReport {
  const parts = jsonReportParts(result);
  return { ...parts, students: [...parts.students], problems: [...parts.problems] };
}
