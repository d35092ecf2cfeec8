/**
 * Saving the package: the browser's save-file picker where the host allows it, a normal download otherwise.
 * Office on Mac runs the pane in a WKWebView that can do neither; the pane then says which way works.
 */

export type SaveOutcome = { how: 'picker' | 'download' } | { how: 'cancelled' };

/** What the save dialog offers, by kind of file. */
export interface SaveFileType {
  description: string;
  accept: Record<string, string[]>;
}

export const ZIP_FILE: SaveFileType = { description: 'ZIP 压缩包', accept: { 'application/zip': ['.zip'] } };
export const DOCX_FILE: SaveFileType = { description: 'Word 文档', accept: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'] } };

interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: SaveFileType[];
  }) => Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>;
}

/** What to do instead where the pane cannot save (said by the export panel and by the ribbon's 导出材料包). */
export const MAC_CANNOT_SAVE =
  'Mac 版 Excel 的任务窗格不能保存文件(既不能下载,也不能弹出保存对话框,选择文件夹也常常失败),材料包无法在这里生成:请用浏览器(Safari、Chrome 或 Edge)打开本加载项的页面 taskpane.html,打开同一个工作簿并选择扫描件后导出;或在终端运行命令行工具:xjcheck package 工作簿.xlsx --scans 扫描件文件夹。';

/** False where the pane cannot save a file at all (Excel for Mac's web view). */
export function canSaveFiles(platform: string | null): boolean {
  return platform !== 'Mac';
}

export async function saveBlob(blob: Blob, name: string, type: SaveFileType = ZIP_FILE): Promise<SaveOutcome> {
  const picker = (window as unknown as SavePickerWindow).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: name, types: [type] });
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      return { how: 'picker' };
    } catch (e) {
      if ((e as Error).name === 'AbortError') return { how: 'cancelled' };
      // A host that lists the picker but refuses it (cross-origin frame, policy): fall back to a download.
    }
  }
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // The download has started from the click; give the browser a moment before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { how: 'download' };
}
