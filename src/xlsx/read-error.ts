/** Why a file could not be read as a workbook, with the Chinese message the user sees (never a stack trace). */

export type WorkbookReadErrorReason =
  | 'empty'
  | 'encrypted'
  | 'legacy-xls'
  | 'text'
  | 'not-zip'
  | 'truncated'
  | 'corrupt'
  | 'not-workbook'
  | 'no-sheets'
  | 'no-cells'
  /** Beyond one of the reader's limits (XLSX_LIMITS); the detail says which. */
  | 'limit'
  /** Read whole it is not well-formed (a tag or quote left open, a bad cell reference, a part or sheet twice); the detail says where. */
  | 'malformed';

const SAVE_AS = '请在 Excel 或 WPS 中打开它,另存为“Excel 工作簿 (*.xlsx)”后再试。';

const READ_ERROR_MESSAGES: Record<WorkbookReadErrorReason, string> = {
  empty: '文件是空的(0 字节),不是 Excel 工作簿。',
  encrypted: '这个工作簿设置了打开密码,无法读取。请在 Excel 中打开它,在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码并保存,然后再试。',
  'legacy-xls': `这是旧版 Excel 97-2003 工作簿(.xls),不是 .xlsx。${SAVE_AS}`,
  text: `这是文本文件(如 CSV 或网页),不是 Excel 工作簿。${SAVE_AS}`,
  'not-zip': `文件内容不是 Excel 工作簿(.xlsx)。${SAVE_AS}`,
  truncated: '文件不完整(可能在下载、复制或邮件传输时被截断),无法读取。请重新获取原文件。',
  corrupt: '文件已损坏,无法读取。请用 Excel 打开并修复,另存为 .xlsx 后再试。',
  'not-workbook': `这是一个压缩包,但里面没有 Excel 工作簿。${SAVE_AS}`,
  'no-sheets': '工作簿中没有任何工作表。',
  'no-cells': '工作簿的所有工作表都是空的,没有任何内容。',
  limit: '为防止占满内存或长时间无响应,没有读取这个文件。学生基本信息修改情况统计表不会有这么大:请检查是否选错了文件,或在 Excel 中删除多余的内容后另存再试。',
  malformed: `文件内容不完整或格式有误,只读取一部分会漏掉数据,所以没有读取。${SAVE_AS}`,
};

export class WorkbookReadError extends Error {
  constructor(
    readonly reason: WorkbookReadErrorReason,
    /** A short Chinese note on what the file really is or where it fails, put before the message (e.g. "这是 Word 文档"). */
    detail?: string,
  ) {
    super(detail ? `${detail}${READ_ERROR_MESSAGES[reason]}` : READ_ERROR_MESSAGES[reason]);
    this.name = 'WorkbookReadError';
  }
}
