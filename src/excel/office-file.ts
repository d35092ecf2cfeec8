/**
 * The workbook file itself, as Excel holds it now, through the common API's getFileAsync (Compressed = the
 * .xlsx bytes), slice by slice. Only one file may be open at a time, so it is always closed, also after a failure.
 */

/** Slice size: the data comes back as a JSON array of numbers (about 3.5 bytes per byte), so 1 MB keeps each reply small. */
const SLICE_BYTES = 1024 * 1024;

function call<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(new Error(result.error?.message || '读取工作簿文件失败')))),
  );
}

export async function readOfficeFile(): Promise<Uint8Array> {
  const file = await call<Office.File>((cb) => Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_BYTES }, cb));
  try {
    const bytes = new Uint8Array(file.size);
    let offset = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await call<Office.Slice>((cb) => file.getSliceAsync(i, cb));
      const data = slice.data as ArrayLike<number>;
      bytes.set(data, offset);
      offset += data.length;
    }
    if (offset !== file.size) throw new Error(`工作簿文件不完整(读到 ${offset} / ${file.size} 字节)`);
    return bytes;
  } finally {
    await call<void>((cb) => file.closeAsync(cb)).catch(() => undefined);
  }
}
