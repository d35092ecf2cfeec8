/**
 * How much of a workbook the reader accepts. Excel's own limits where it has them (rows, columns), and bounds of
 * our own where Excel is limited only by memory, chosen so that the largest workbook a branch school could write
 * reads in seconds and well under 1 GB, while a crafted file is refused before it costs more. A correction table
 * holds hundreds or a few thousand rows; the benchmark sheet of 100,000 rows × 11 columns (1.1 million cells,
 * 4 MB on disk, about 40 MB of sheet XML) stays far inside every bound.
 */
export const XLSX_LIMITS = {
  /** The file itself: 25 times the 100,000-row benchmark workbook. */
  fileBytes: 100 * 1024 * 1024,
  /** Excel's worksheet size: 1,048,576 rows by 16,384 columns (A to XFD). */
  rows: 1_048_576,
  columns: 16_384,
  /** Non-empty cells in the whole workbook: about twice the benchmark sheet (whose grid takes 129 MB of heap). */
  cells: 2_000_000,
  /** Shared strings: no more than cells could use. */
  sharedStrings: 2_000_000,
  /** Merged ranges in the whole workbook (a merge per row in two columns of a 100,000-row sheet is 200,000). */
  merges: 500_000,
  /** Worksheets listed in the workbook (Excel itself is limited by memory; real workbooks have a handful). */
  sheets: 1_000,
  /**
   * One part inflated: a sheet of two million cells in Excel's XML is about 100 MB; the bytes and the text decoded
   * from them are both held for a moment, and V8's longest string (about 512 MB) is far above.
   */
  partBytes: 128 * 1024 * 1024,
  /** All the parts the reader inflates, together. */
  totalBytes: 256 * 1024 * 1024,
} as const;
