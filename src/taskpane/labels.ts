/** Chinese labels the components share (table kinds are named by the policy: `policy.kinds[kind].label`). */
import type { WorkbookFile } from '../host/types';

export const WORKBOOK_SOURCE_LABEL: Record<WorkbookFile['source'], string> = {
  'office-file': 'Office 提供的工作簿原文件(不含本加载项的标记)',
  rebuilt: '由表格内容重建的副本(未能从 Excel 取得原文件;原有的格式和公式不在其中)',
  'opened-file': '所打开的工作簿原文件',
  'saved-file': '磁盘上已保存的工作簿文件(不含本加载项的标记)',
};
