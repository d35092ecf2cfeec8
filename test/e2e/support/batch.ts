/**
 * A batch as a registrar has one: N students on the 在籍生 table (each changing 民族, so each needs a 身份证 scan),
 * and scans for the first few of them in `{学号}{姓名}/身份证.jpg`; the end-to-end test and the pane benchmark use it
 * at different scales. Options plant what a real folder holds: a phone photo, a file that belongs to no one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeJpeg } from '../../../scripts/synth-images';
import { HEADER, SHEET } from './fixtures';
import { TITLES } from '../../helpers/sheets';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['芳', '伟', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚'];

export interface BatchStudent {
  key: string;
  name: string;
}

/** Distinct 学号 in ascending order (the table is sorted); names repeat the way common names do. */
export function batchStudents(n: number): BatchStudent[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `24090012${String(50001 + i).padStart(5, '0')}`.slice(0, 13),
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i >= 400 ? GIVEN[i % GIVEN.length] : ''}`,
  }));
}

export async function writeBatchWorkbook(file: string, students: BatchStudent[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow([TITLES.enrolled]);
  ws.addRow(HEADER);
  students.forEach((s, i) => ws.addRow([i + 1, '测试分部', s.key, s.name, '民族', '汉族', '回族', '信息变更', null]));
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.getColumn(3).numFmt = '@';
  await wb.xlsx.writeFile(file);
}

export interface ScanOptions {
  /** Each file is padded to about this many bytes (sizes vary by a few KB so no two files are the same bytes). */
  bytes?: number;
  /** Which of the scanned students' files is a phone photo (an error the scan rules find). */
  phonePhoto?: number;
  /** Adds one file whose name says nothing of a student. */
  stray?: boolean;
}

/** A 身份证 scan (both sides on an A5 page at 200 dpi) for each of the first `count` students. Returns the files' paths. */
export function writeBatchScans(dir: string, students: BatchStudent[], count: number, opts: ScanOptions = {}): string[] {
  rmSync(dir, { recursive: true, force: true });
  const files: string[] = [];
  const page = { width: 1169, height: 1654, dpi: 200, quality: 80, noise: 10 };
  const base = makeJpeg(page).length;
  for (let i = 0; i < count; i++) {
    const s = students[i];
    const folder = path.join(dir, `${s.key}${s.name}`);
    mkdirSync(folder, { recursive: true });
    const padTo = Math.max(base + 64, (opts.bytes ?? 0) - 4096) + 97 * i;
    const bytes = i === opts.phonePhoto ? makeJpeg({ ...page, dpi: 72, densityIn: 'exif', noJfif: true, exif: { make: 'Apple', model: 'iPhone 13', gps: true }, padTo }) : makeJpeg({ ...page, padTo });
    const file = path.join(folder, '身份证.jpg');
    writeFileSync(file, bytes);
    files.push(file);
  }
  if (opts.stray) {
    mkdirSync(path.join(dir, '杂项'), { recursive: true });
    const file = path.join(dir, '杂项', '扫描0001.jpg');
    writeFileSync(file, makeJpeg({ ...page, padTo: base + 50_000 }));
    files.push(file);
  }
  return files;
}
