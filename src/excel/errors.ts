/**
 * Excel's error codes (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling#api-error-codes)
 * as Chinese messages that say what to do. A code we do not know keeps Excel's own message.
 */

const WHAT_TO_DO: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态:请先按 Enter 或 Esc 结束编辑,再重试。',
  AccessDenied: '工作表受保护或工作簿为只读,Excel 拒绝修改:请在“审阅 › 撤消工作表保护”后重试;若工作簿为只读,请另存一份再操作。',
  ItemNotFound: '找不到要操作的工作表或单元格,它可能已被删除或改名:请重新校验。',
  RequestPayloadSizeLimitExceeded: '一次发送给 Excel 的数据超过了网页版 Excel 的 5 MB 上限:请把工作表拆小后重试,并把此情况反馈给维护人员。',
  ResponsePayloadSizeLimitExceeded: 'Excel 一次返回的数据超过了网页版 Excel 的 5 MB 上限:请把工作表拆小后重试,并把此情况反馈给维护人员。',
  ActivityLimitReached: 'Excel 暂时忙不过来(操作次数达到上限):请稍等片刻再重试。',
  ServiceNotAvailable: 'Excel 服务暂时不可用:请稍后重试。',
  Conflict: '工作簿正被他人同时编辑,修改发生冲突:请稍后重试。',
  RequestAborted: 'Excel 中止了这次操作(可能正在保存或忙于其他操作):请稍后重试。',
  ApiNotFound: '此 Excel 版本不支持这项功能:请使用 Microsoft 365 或网页版 Excel,或用浏览器页面 / xjcheck 命令行工具。',
  ApiNotAvailable: '此 Excel 版本不支持这项功能:请使用 Microsoft 365 或网页版 Excel,或用浏览器页面 / xjcheck 命令行工具。',
  UnsupportedSheet: '这类工作表(如图表工作表或宏表)不能操作:请在普通工作表中重试。',
  MergedRangeConflict: '涉及的区域中有合并单元格,Excel 不能完成:请先取消合并再重试。',
  InsertDeleteConflict: '涉及的区域与表格或合并单元格冲突,Excel 不能完成:请检查后重试。',
  GeneralException: 'Excel 内部错误:请保存工作簿后重试;若仍失败,请关闭并重新打开工作簿。',
};

export interface ExcelError {
  code: string;
  message: string;
}

/** The code of an office-js error (OfficeExtension.Error has `code`), or null for other errors. */
export function excelErrorCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : null;
}

/** The message for the registrar: what happened and what to do; Excel's own text is kept after it. */
export function excelErrorMessage(e: unknown): string {
  const code = excelErrorCode(e);
  const original = (e as Error | null)?.message ?? String(e);
  const advice = code ? WHAT_TO_DO[code] : undefined;
  return advice ? `${advice}(Excel:${code})` : original;
}

/** An Error with the Chinese message that keeps Excel's code, so a caller can still tell the cases apart. */
export function toExcelError(e: unknown): Error & { code?: string } {
  const code = excelErrorCode(e);
  if (!code || !WHAT_TO_DO[code]) return e instanceof Error ? e : new Error(String(e));
  return Object.assign(new Error(excelErrorMessage(e)), { code, cause: e });
}
