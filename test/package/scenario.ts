/**
 * One realistic submission for the package tests: a 新生, an 在籍生 and a 毕业生 table, a scan folder with
 * oddly named files (two that would both be 身份证.jpg, a .JPEG, an unlinked file), the .xlsx written with ExcelJS.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../src/rules/grid';
import type { NodePackageSources } from '../../src/package/write-node';
import type { ScanSet } from '../../src/rules/scans';
import { studentRef } from '../../src/rules/students';
import { correctionSheet, type RowSpec } from '../helpers/sheets';
import { link, tempDir, writeScan } from './fixtures';

export const AS_OF = '2026-11-29';
export const WORKBOOK_FILE = '学生基本信息修改情况统计表.xlsx';

export interface Scenario {
  dir: string;
  scanDir: string;
  workbookPath: string;
  grid: WorkbookGrid;
  scans: ScanSet;
}

export function scenarioGrid(names: { new?: string } = {}): WorkbookGrid {
  const newRows: RowSpec[] = [
    { 学号: '2609001250001', 姓名: names.new ?? '张三', 更正内容: '姓名', 更正前: '张山', 更正后: names.new ?? '张三', 更正原因: '录入错误' },
    { 学号: '2609001250002', 姓名: '李四', 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', 变更日期: '2026-10-08' },
  ];
  const enrolledRows: RowSpec[] = [
    { 学号: '2409001200003', 姓名: '王五', 更正内容: '姓名', 更正前: '王武', 更正后: '王五', 更正原因: '信息变更', 变更日期: '2026-09-01' },
    { 学号: '2409001200003', 姓名: '王五', 更正内容: '民族', 更正前: '汉族', 更正后: '满族', 更正原因: '录入错误' },
  ];
  const graduateRows: RowSpec[] = [
    { 注册证号: '511611202406000001', 学号: '2109001200009', 姓名: '赵六', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误', 毕业时间: '2024-07-01' },
  ];
  return {
    name: '学生基本信息修改情况统计表',
    sheets: [correctionSheet('new', newRows), correctionSheet('enrolled', enrolledRows), correctionSheet('graduate', graduateRows)],
  };
}

/** Writes the grid as an .xlsx (strings as text cells, so long digit strings keep every digit). */
export async function writeWorkbook(grid: WorkbookGrid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) for (const cell of row) if (cell) ws.getCell(cell.address).value = cell.value as string | number;
  }
  await wb.xlsx.writeFile(file);
}

export async function buildScenario(grid: WorkbookGrid = scenarioGrid()): Promise<Scenario> {
  const dir = tempDir('pkg');
  const scanDir = path.join(dir, 'scans');
  const workbookPath = path.join(dir, WORKBOOK_FILE);
  await writeWorkbook(grid, workbookPath);
  const newId = (key: string) => studentRef('新生', key);
  const files = [
    writeScan(scanDir, 'zhangsan/sfz.JPEG', 'jpeg'),
    writeScan(scanDir, 'zhangsan/报名表.png', 'png'),
    writeScan(scanDir, 'lisi/身份证.jpg', 'jpeg'),
    writeScan(scanDir, 'lisi/再扫/身份证.jpg', 'jpeg'),
    writeScan(scanDir, 'wangwu/身份证.jpg', 'jpeg'),
    writeScan(scanDir, 'wangwu/户口本曾用名页.png', 'png'),
    writeScan(scanDir, 'wangwu/报名表.jpg', 'jpeg'),
    writeScan(scanDir, 'zhaoliu/身份证.jpg', 'jpeg'),
    writeScan(scanDir, 'zhaoliu/报名表.jpg', 'jpeg'),
    writeScan(scanDir, 'zhaoliu/毕业生登记表.png', 'png'),
    writeScan(scanDir, '未归属/随手拍.jpg', 'jpeg'),
  ];
  const links = [
    link('zhangsan/sfz.JPEG', newId('2609001250001'), '身份证'),
    link('zhangsan/报名表.png', newId('2609001250001'), '报名登记表'),
    link('lisi/身份证.jpg', newId('2609001250002'), '身份证'),
    link('lisi/再扫/身份证.jpg', newId('2609001250002'), '身份证'),
    link('wangwu/身份证.jpg', studentRef('在籍生', '2409001200003'), '身份证'),
    link('wangwu/户口本曾用名页.png', studentRef('在籍生', '2409001200003'), '户口本'),
    link('wangwu/报名表.jpg', studentRef('在籍生', '2409001200003'), '报名登记表'),
    link('zhaoliu/身份证.jpg', studentRef('毕业生', '511611202406000001'), '身份证'),
    link('zhaoliu/报名表.jpg', studentRef('毕业生', '511611202406000001'), '报名登记表'),
    link('zhaoliu/毕业生登记表.png', studentRef('毕业生', '511611202406000001'), '毕业生登记表'),
  ];
  return { dir, scanDir, workbookPath, grid, scans: { files, links } };
}

/** What the Node writer reads for a scenario: the scans on disk with the hashes they were validated with, the workbook's bytes. */
export function nodeSources(s: Scenario): NodePackageSources {
  const hashes = new Map(s.scans.files.map((f) => [f.path, f.sha256]));
  return { scanPath: (f) => path.join(s.scanDir, f), scanSha256: (f) => hashes.get(f), workbook: readFileSync(s.workbookPath) };
}
