/**
 * The Office requirement sets the adapter uses, from Microsoft's tables
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets): volume-licensed
 * Office 2016 has ExcelApi 1.1 only, Office 2019 up to 1.7, Office 2021 up to 1.14, Office 2024 up to 1.17;
 * Microsoft 365, current Excel for Mac and Excel on the web have them all. The shared runtime (SharedRuntime 1.1)
 * exists from Office 2021 / Microsoft 365 2002 / Mac 16.35 on, so the main manifest leaves out Office 2016 and
 * 2019; manifest-legacy.xml (no shared runtime) lets them load the add-in, and the checks below decide what it
 * can do there.
 */

export interface RequirementSet {
  name: string;
  version: string;
}

/** Declared in manifest.xml: the ribbon runs in the pane's shared runtime, so Office must have one. */
export const MANIFEST_REQUIREMENTS: readonly RequirementSet[] = [
  { name: 'SharedRuntime', version: '1.1' },
  { name: 'ExcelApi', version: '1.7' },
];

/** Declared in manifest-legacy.xml: any Excel that runs add-ins loads it, and the pane says what works there. */
export const LEGACY_MANIFEST_REQUIREMENTS: readonly RequirementSet[] = [{ name: 'ExcelApi', version: '1.1' }];

/**
 * What reading, marking and fixing in place need: getRangeByIndexes (1.7), used ranges as null objects (1.4),
 * custom XML parts for the marks' record (1.5), sheet protection (1.2), sort (1.2). Office 2019 has it; Office 2016
 * (ExcelApi 1.1) does not, and the pane then works on the saved .xlsx file instead.
 */
export const IN_PLACE: RequirementSet = { name: 'ExcelApi', version: '1.7' };

/** Features the adapter uses only where the host has them, with what the user loses without them. */
export const OPTIONAL_FEATURES = {
  template: { name: 'ExcelApi', version: '1.8', without: '插入模板' },
  pageLayout: { name: 'ExcelApi', version: '1.9', without: '为模板设置打印格式(A4 横向、一页宽、每页重复标题行)' },
  fillDetail: { name: 'ExcelApi', version: '1.9', without: '在表格中标记问题单元格(读不出图案填充和主题色深浅,无法原样还原)' },
  autoFilter: { name: 'ExcelApi', version: '1.9', without: '排序前检查筛选' },
  comments: { name: 'ExcelApi', version: '1.10', without: '识别单元格中的批注' },
  mergedAreas: { name: 'ExcelApi', version: '1.13', without: '读取合并单元格' },
  notes: { name: 'ExcelApi', version: '1.18', without: '在单元格备注中显示问题说明' },
  undoGroup: { name: 'ExcelApi', version: '1.20', without: '用“撤销”恢复修正' },
  compressedFile: { name: 'CompressedFile', version: '1.1', without: '取得工作簿原文件' },
  sharedRuntime: { name: 'SharedRuntime', version: '1.1', without: '功能区按钮直接运行' },
} as const satisfies Record<string, RequirementSet & { without: string }>;

export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

function isSupported(set: RequirementSet): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(set.name, set.version) === true;
}

export function supports(feature: OptionalFeature): boolean {
  return isSupported(OPTIONAL_FEATURES[feature]);
}

/** Whether this Excel can read, mark and fix the open workbook in place. */
export function supportsInPlace(): boolean {
  return isSupported(IN_PLACE);
}

/** What to use where the add-in cannot work in this Excel: the same page in a browser, or the command line. */
export const ELSEWHERE = '请在浏览器(Edge 或 Chrome)中打开本加载项的页面 taskpane.html 处理已保存的工作簿,或使用命令行工具 xjcheck。';

/** Throws a Chinese explanation when this Excel is older than in-place work needs (Office 2016: ExcelApi 1.1). */
export function assertExcelSupported(): void {
  if (!supportsInPlace())
    throw new Error(`此 Excel 版本过旧(需要 ExcelApi ${IN_PLACE.version} 或更高,即 Office 2019、2021、2024、Microsoft 365、Mac 版或网页版 Excel),不能直接读取和标记工作表。${ELSEWHERE}`);
}

/** Throws when a feature the user asked for is missing here, saying what is missing. */
export function assertFeature(feature: OptionalFeature): void {
  if (!supports(feature)) {
    const f = OPTIONAL_FEATURES[feature];
    throw new Error(`此 Excel 版本不能${f.without}(需要 ${f.name} ${f.version})。${ELSEWHERE}`);
  }
}
