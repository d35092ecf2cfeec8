/** The task pane's picked scans: files from a folder input (<input webkitdirectory>), a file input or a drop. */
import { isIgnoredPath } from './ignored';

export interface PickedFile {
  /** Path relative to the picked folder, NFC, with "/" (the name alone when a single file was picked). */
  path: string;
  blob: Blob;
}

/**
 * The browser's files as picked scans: relative paths in NFC (a folder copied from a Mac holds NFD names, which
 * would not match the same name typed on Windows), without the clutter no registrar picks on purpose
 * (.DS_Store, Thumbs.db, __MACOSX/…).
 */
export function pickedFromBrowser(files: ArrayLike<Blob & { name: string; webkitRelativePath?: string }>): PickedFile[] {
  return Array.from(files)
    .map((f) => ({ path: (f.webkitRelativePath || f.name).normalize('NFC'), blob: f as Blob }))
    .filter((p) => !isIgnoredPath(p.path));
}
