/**
 * Table layouts as registrars lay them out: the seed's official one (附表 line, title, 分部 line, 注 lines, the
 * signature/seal/date footer), the seed's text order with the notes above the header, 附表-named sheets, two-row
 * headers, 序号 columns and templates numbered to 50 rows, a table that starts in column B, header aliases, and
 * helper sheets beside the tables. Each layout writes any submission, and says where each value landed, so a
 * planted mistake can be expected on its exact cell.
 */
import { type SheetGrid, cellAddress, sheetFromValues } from '../../../src/rules/grid';
import { FOOTERS, HELPER_SHEETS, type Line, SEED_NOTES, SEED_TITLES, type Source } from './wordings';
import { BRANCH, type Entry, type Kind, type Submission } from './submission';

/** A column: the label as the layout writes it, or [written label, the canonical label its values come from]. */
export type Column = string | [string, string];

export interface TableSpec {
  sheet: string;
  kind: Kind;
  /** Lines above the header (each from column A). */
  above?: Line[];
  columns: Column[];
  /** 0-based column of the table's first column (1: the table starts in column B). */
  left?: number;
  /** one-row; 更正信息 over 更正前 | 更正后; or 更正情况 over 更正内容 … 更正原因, the other labels merged down. */
  header?: 'one-row' | 'after-split' | 'change-group';
  /** A template numbered down to this many rows (only 序号 beyond the filled ones). */
  prenumber?: number;
  /** The 分部名称 column: written on every row, or merged down the whole template. */
  branch?: 'each' | 'merged';
  /** Lines below the data (each from column A). */
  below?: Line[];
  /** 备注 values written on the filled rows, in turn. */
  remarks?: string[];
}

export interface Built {
  sheets: SheetGrid[];
  /** Where the value of `label` of the submission's `index`-th row of `kind` stands. */
  where(kind: Kind, index: number, label: string): { sheet: string; cell: string };
}

export interface Layout {
  name: string;
  from: Source[];
  build(sub: Submission): Built;
}

const canonical = (c: Column) => (typeof c === 'string' ? c : c[1]);
const written = (c: Column) => (typeof c === 'string' ? c : c[0]);

export const STUDENT_COLUMNS: Column[] = ['序号', '分部名称', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '入学学期', '变更日期', '备注'];
export const GRADUATE_COLUMNS: Column[] = ['序号', '分部名称', '注册证号', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '变更日期', '毕业时间', '备注'];
const columnsOf = (kind: Kind) => (kind === 'graduate' ? GRADUATE_COLUMNS : STUDENT_COLUMNS);

/** Writes one table; `cells` maps the index of an entry and a canonical label to its address. */
export function renderTable(spec: TableSpec, entries: Entry[]): { sheet: SheetGrid; cellOf(index: number, label: string): string } {
  const left = spec.left ?? 0;
  const pad = (cells: (string | number | null)[]) => [...Array<null>(left).fill(null), ...cells];
  const labels = spec.columns.map(canonical);
  const rows: Line[] = [...(spec.above ?? [])];
  const merges: string[] = [];
  const headerRow = rows.length + 1;
  const col = (label: string) => left + labels.indexOf(label) + 1;

  const header = spec.header ?? 'one-row';
  if (header === 'one-row') rows.push(pad(spec.columns.map(written)));
  else {
    const group = header === 'after-split' ? ['更正前', '更正后'] : ['更正内容', '更正前', '更正后', '更正原因'];
    const groupLabel = header === 'after-split' ? '更正信息' : '更正情况';
    const first = labels.indexOf(group[0]);
    if (group.some((g, i) => labels.indexOf(g) !== first + i)) throw new Error(`${spec.sheet}: ${group.join('|')} must be adjacent`);
    rows.push(pad(spec.columns.map((c, i) => (i === first ? groupLabel : i > first && i < first + group.length ? null : written(c)))));
    rows.push(pad(spec.columns.map((c, i) => (i >= first && i < first + group.length ? written(c) : null))));
    merges.push(`${cellAddress(headerRow, left + first + 1)}:${cellAddress(headerRow, left + first + group.length)}`);
    labels.forEach((_, i) => {
      if (i < first || i >= first + group.length) merges.push(`${cellAddress(headerRow, left + i + 1)}:${cellAddress(headerRow + 1, left + i + 1)}`);
    });
  }

  const firstData = rows.length + 1;
  const total = Math.max(entries.length, spec.prenumber ?? 0);
  for (let i = 0; i < total; i++) {
    const entry = entries[i];
    rows.push(
      pad(
        labels.map((label) => {
          if (label === '序号') return i + 1;
          if (label === '分部名称') return spec.branch === 'each' && entry ? BRANCH : spec.branch === 'merged' && i === 0 ? BRANCH : null;
          if (label === '备注' && entry && spec.remarks && entry.备注 === undefined && Object.keys(entry).length > 0) return spec.remarks[i % spec.remarks.length];
          return entry?.[label] ?? null;
        }),
      ),
    );
  }
  if (spec.branch === 'merged' && labels.includes('分部名称') && total > 1)
    merges.push(`${cellAddress(firstData, col('分部名称'))}:${cellAddress(firstData + total - 1, col('分部名称'))}`);
  rows.push(...(spec.below ?? []));

  return {
    sheet: sheetFromValues(spec.sheet, rows, merges),
    cellOf: (index, label) => {
      if (!labels.includes(label)) throw new Error(`${spec.sheet} has no ${label} column`);
      return cellAddress(firstData + index, col(label));
    },
  };
}

/** A layout of the three tables, one spec per kind, plus sheets that are not tables. */
function layout(name: string, from: Source[], spec: (kind: Kind) => Omit<TableSpec, 'kind'>, extra: (sub: Submission) => SheetGrid[] = () => []): Layout {
  return {
    name,
    from,
    build(sub) {
      const tables = (['new', 'enrolled', 'graduate'] as Kind[]).map((kind) => ({ kind, ...renderTable({ kind, ...spec(kind) }, sub[kind]) }));
      return {
        sheets: [...tables.map((t) => t.sheet), ...extra(sub)],
        where: (kind, index, label) => {
          const t = tables.find((x) => x.kind === kind)!;
          return { sheet: t.sheet.name, cell: t.cellOf(index, label) };
        },
      };
    },
  };
}

const SHEET_NAMES: Record<Kind, string> = { new: '新生', enrolled: '在籍生', graduate: '毕业生' };
const NUMBERED: Record<Kind, string> = { new: '附表1', enrolled: '附表2', graduate: '附表3' };
const GENERIC_TITLE = '国家开放大学(原中央广播电视大学)学生基本信息修改情况统计表';
const branchLine: Line = [`分部名称:${BRANCH}`, null, null, null, null, null, '填报日期:2026年11月30日'];
const footer = (i: number) => FOOTERS[i].lines;
const notes = (kind: Kind): Line[] => SEED_NOTES[kind].map((n) => [n]);
const titles = (kind: Kind): Line[] => SEED_TITLES[kind].map((t) => [t]);

/** The 花名册 roster a table's VLOOKUPs read: every student's 学号 (注册证号 for graduates), 姓名 and more. */
export function roster(sub: Submission): SheetGrid {
  const seen = new Set<string>();
  const lines: Line[] = [['学号', '姓名', '性别', '身份证号', '民族', '入学学期']];
  for (const e of [...sub.new, ...sub.enrolled, ...sub.graduate]) {
    const key = String(e.学号 ?? '');
    if (!key || seen.has(key)) continue;
    seen.add(key);
    lines.push([key, e.姓名, null, null, null, e.入学学期 ?? null]);
  }
  return sheetFromValues('花名册', lines);
}

const helpers = (sub: Submission): SheetGrid[] => [
  sheetFromValues(HELPER_SHEETS.instructions.name, HELPER_SHEETS.instructions.lines),
  sheetFromValues(HELPER_SHEETS.lists.name, HELPER_SHEETS.lists.lines),
  roster(sub),
];

const ALIASES: Record<string, string> = { 姓名: '学生姓名', 更正内容: '修改内容', 更正前: '原信息', 更正后: '修改后', 更正原因: '修改原因', 注册证号: '毕业证书电子注册号', 入学学期: '入学时间' };

export const LAYOUTS: Layout[] = [
  layout('the seed’s official layout: 附表 line, title, 分部 line, header, data, 注 lines, signatures, seal, date', ['seed'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: [...titles(kind), branchLine],
    columns: columnsOf(kind),
    branch: 'each',
    below: [...notes(kind), ...footer(0)],
  })),
  layout('the seed’s text order: the 注 lines between the title and the header; sheets named 附表1–3', ['seed', 'fjou'], (kind) => ({
    sheet: NUMBERED[kind],
    above: [...titles(kind), ...notes(kind)],
    columns: columnsOf(kind),
    below: footer(1),
  })),
  layout('附表-named sheets under one generic title', ['fjou', 'doc001', 'douchai'], (kind) => ({
    sheet: NUMBERED[kind],
    above: [[GENERIC_TITLE], branchLine],
    columns: columnsOf(kind),
    below: footer(2),
  })),
  layout('附表-named sheets without any title', ['fjou', 'hubei'], (kind) => ({ sheet: NUMBERED[kind], columns: columnsOf(kind), below: footer(3) })),
  layout('a two-row header: 更正信息 over 更正前 | 更正后', ['spec', 'xytvu'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: titles(kind).slice(1),
    columns: columnsOf(kind),
    header: 'after-split',
    below: footer(6),
  })),
  layout('a two-row header: 更正情况 over 更正内容 … 更正原因, the other labels merged down', ['fsou', 'nprtvu'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: titles(kind).slice(1),
    columns: columnsOf(kind),
    header: 'change-group',
    below: footer(5),
  })),
  layout('a template numbered to 50 rows, the signatures under row 50 and the 注 lines under them', ['seed', 'spec'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: [...titles(kind), branchLine],
    columns: columnsOf(kind),
    prenumber: 50,
    below: [...footer(0), ...notes(kind)],
  })),
  layout('a template numbered to 50 rows with 分部名称 merged down the whole template', ['spec', 'xytvu'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: titles(kind).slice(1),
    columns: columnsOf(kind),
    prenumber: 50,
    branch: 'merged',
    below: footer(4),
  })),
  layout('a table that starts in column B, footers from column A', ['watersforhealth', 'spec'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: [[null, titles(kind)[1][0]]],
    columns: columnsOf(kind),
    left: 1,
    below: footer(7),
  })),
  layout('header aliases (学生姓名, 修改内容, 原信息, 修改后, 修改原因, 毕业证书电子注册号, 入学时间)', ['spec'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: titles(kind).slice(1),
    columns: columnsOf(kind).map((c) => (ALIASES[canonical(c)] ? ([ALIASES[canonical(c)], canonical(c)] as Column) : c)),
    below: footer(0),
  })),
  layout('helper sheets beside the tables: 填表说明, the dropdown source, a 花名册 roster', ['book118', 'watersforhealth', 'seed'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: [...titles(kind), branchLine],
    columns: columnsOf(kind),
    below: footer(3),
  }), helpers),
  layout('the fewest columns, and 备注 values that read like footer words', ['nprtvu', 'spec'], (kind) => ({
    sheet: SHEET_NAMES[kind],
    above: titles(kind).slice(1),
    columns: kind === 'graduate' ? ['序号', '注册证号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '备注'] : ['序号', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '变更日期', '备注'],
    remarks: ['已审核', '经手人:王老师', '说明:见户籍证明', '需盖章', '合计两项'],
    below: footer(7),
  })),
];
