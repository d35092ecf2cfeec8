/**
 * The Office requirement sets the adapter uses. The base sets are declared in manifest.xml (Office will not load
 * the add-in without them); the optional ones are checked at run time and the adapter degrades without them.
 */

export interface RequirementSet {
  name: string;
  version: string;
}

/** Declared in manifest.xml: without them the add-in does not start. ExcelApi 1.9 brings cell fill patterns and getRangeByIndexes. */
export const BASE_REQUIREMENTS: readonly RequirementSet[] = [
  { name: 'SharedRuntime', version: '1.1' },
  { name: 'ExcelApi', version: '1.9' },
];

/** Features the adapter uses only where the host has them, with what the user loses without them. */
export const OPTIONAL_FEATURES = {
  mergedAreas: { name: 'ExcelApi', version: '1.13', without: '读取合并单元格' },
  notes: { name: 'ExcelApi', version: '1.18', without: '在单元格备注中显示问题说明' },
  undoGroup: { name: 'ExcelApi', version: '1.20', without: '用“撤销”恢复修正' },
  file: { name: 'File', version: '1.1', without: '取得工作簿原文件' },
} as const satisfies Record<string, RequirementSet & { without: string }>;

type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

function isSupported(set: RequirementSet): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(set.name, set.version) === true;
}

export function supports(feature: OptionalFeature): boolean {
  return isSupported(OPTIONAL_FEATURES[feature]);
}

/** Throws a Chinese explanation when this Excel is older than the add-in needs (the manifest should have kept it out). */
export function assertExcelSupported(): void {
  const excel = BASE_REQUIREMENTS.find((s) => s.name === 'ExcelApi')!;
  if (!isSupported(excel))
    throw new Error(`此 Excel 版本过旧(需要 ExcelApi ${excel.version} 或更高,即 Excel 2019、Microsoft 365 或网页版 Excel),无法读取和标记工作表。`);
}
