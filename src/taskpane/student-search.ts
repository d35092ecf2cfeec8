/** Finding a student as the registrar types: part of the 姓名 (刘 → 刘芳) or of the 学号/注册证号. */
import type { Student } from '../rules/students';

export interface StudentMatches {
  shown: Student[];
  /** How many more match than are shown. */
  more: number;
}

export function searchStudents(students: Student[], typed: string, limit = 30): StudentMatches {
  const q = typed.normalize('NFKC').trim();
  const hits = q ? students.filter((s) => s.name.includes(q) || s.key.includes(q)) : students;
  return { shown: hits.slice(0, limit), more: Math.max(0, hits.length - limit) };
}
