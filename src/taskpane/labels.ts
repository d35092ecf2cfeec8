/** Chinese labels the components share. */
import type { TableKind } from '../rules/policy';
import type { Severity } from '../rules/problem';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const KIND_LABEL: Record<TableKind, string> = { new: '新生', enrolled: '在籍生', graduate: '毕业生' };

export const WORKBOOK_SOURCE_LABEL = {
  'office-file': 'Office 提供的工作簿原文件(不含本加载项的标记)',
  rebuilt: '由表格内容重建的干净副本(此 Excel 版本不能提供原文件)',
  'opened-file': '所打开的工作簿原文件',
} as const;
