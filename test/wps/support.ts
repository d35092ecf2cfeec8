/** The ET double with the WPS host over it, and views of a sheet's cells for the assertions. */
import { createWpsHost } from '../../src/wps/host';
import type { Wps } from '../../src/wps/et';
import type { Problem, Severity } from '../../src/rules/problem';
import { type EtDoubleSpec, createEtDouble } from '../wps-double';
import { type CellState, cellKey, parseArea } from '../wps-double/state';

export const FOLDER = '/home/教务员/文档/学籍';
export const FILE = '学生基本信息修改情况统计表.xlsx';
export const FULL_NAME = `${FOLDER}/${FILE}`;

export function openWps(spec: Partial<EtDoubleSpec> & Pick<EtDoubleSpec, 'sheets'>) {
  const double = createEtDouble({ folder: FOLDER, fileName: FILE, ...spec });
  const wps = double.wps as unknown as Wps;
  return { double, wps, host: createWpsHost(wps) };
}

export function cellAt(double: ReturnType<typeof createEtDouble>, sheet: string, address: string): CellState | undefined {
  const s = double.book.sheets.find((x) => x.name === sheet)!;
  const a = parseArea(address);
  return s.cells.get(cellKey(a.r0, a.c0));
}

export function problem(sheet: string, cell: string, severity: Severity, message: string): Problem {
  return { rule: 'cell-required', severity, sheet, cell, file: null, row: null, studentRef: null, messageId: 'm', params: {}, message };
}
