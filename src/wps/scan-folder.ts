/**
 * Scans beside the workbook: where `wps.FileSystem.readdirSync` exists, the pane can offer the folders next to the
 * workbook that hold images, and read one as if it had been picked with the folder picker (paths relative to the
 * folder's parent, as a browser's webkitRelativePath). WPS documents readdirSync as returning the folder's entries
 * "with their attributes" without naming them: names given as strings or as objects with `name`/`Name` and an
 * `isDirectory` flag or method are understood; an entry whose kind is not given is a folder when it can be listed.
 */
import type { PickedFile } from '../scan/picked-files';
import { isIgnoredPath } from '../scan/ignored';
import type { WpsFileSystem } from './et';
import { joinPath, readFileBytes } from './files';

const SCAN_FILE = /\.(jpe?g|png|pdf|tiff?|bmp|gif|heic|webp)$/i;
/** Enough for any school's scans; a folder beyond it is not what the registrar meant. */
const MAX_FILES = 5_000;
const MAX_DEPTH = 3;

interface Entry {
  name: string;
  directory: boolean | null;
}

function entriesOf(fs: WpsFileSystem, folder: string): Entry[] | null {
  let raw: unknown;
  try {
    raw = fs.readdirSync!(folder);
  } catch {
    return null;
  }
  if (!Array.isArray(raw)) return null;
  return raw.flatMap((e): Entry[] => {
    if (typeof e === 'string') return [{ name: e, directory: null }];
    if (!e || typeof e !== 'object') return [];
    const o = e as { name?: unknown; Name?: unknown; isDirectory?: unknown };
    const name = typeof o.name === 'string' ? o.name : typeof o.Name === 'string' ? o.Name : null;
    if (!name) return [];
    const dir = typeof o.isDirectory === 'function' ? Boolean((o.isDirectory as () => unknown).call(e)) : typeof o.isDirectory === 'boolean' ? o.isDirectory : null;
    return [{ name, directory: dir }];
  });
}

/** The files under a folder, as paths relative to it ("张三/身份证.jpg"). */
function filesUnder(fs: WpsFileSystem, folder: string, depth = 0, prefix = ''): string[] {
  const entries = entriesOf(fs, folder) ?? [];
  const files: string[] = [];
  for (const e of entries) {
    if (e.name === '.' || e.name === '..') continue;
    const rel = prefix + e.name;
    const isFile = e.directory === false || (e.directory === null && SCAN_FILE.test(e.name));
    if (isFile) files.push(rel);
    else if (depth < MAX_DEPTH) {
      const below = entriesOf(fs, joinPath(folder, e.name));
      if (below) files.push(...filesUnder(fs, joinPath(folder, e.name), depth + 1, `${rel}/`));
      else if (e.directory === null) files.push(rel);
    }
    if (files.length > MAX_FILES) throw new Error(`文件夹 ${folder} 中的文件超过 ${MAX_FILES} 个,请改用“选择扫描件文件夹”选择扫描件所在的文件夹。`);
  }
  return files;
}

/** The folders next to the workbook that hold scan images (full paths). */
export function scanFoldersBeside(fs: WpsFileSystem, workbookFolder: string): string[] {
  if (typeof fs.readdirSync !== 'function' || !workbookFolder) return [];
  return (entriesOf(fs, workbookFolder) ?? [])
    .filter((e) => e.directory !== false && !SCAN_FILE.test(e.name) && !e.name.startsWith('.'))
    .map((e) => joinPath(workbookFolder, e.name))
    .filter((folder) => {
      try {
        return filesUnder(fs, folder).some((f) => SCAN_FILE.test(f) && !isIgnoredPath(f));
      } catch {
        return true;
      }
    });
}

/** Reads a folder's files as picked scans, named "{folder}/{path}" as the folder picker names them. */
export function readScanFolder(fs: WpsFileSystem, folder: string): PickedFile[] {
  const name = folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;
  return filesUnder(fs, folder)
    .map((rel) => ({ rel, path: `${name}/${rel}`.normalize('NFC') }))
    .filter((f) => !isIgnoredPath(f.path))
    .map((f) => ({ path: f.path, blob: new Blob([readFileBytes(fs, joinPath(folder, f.rel.split('/').join(folder.includes('\\') ? '\\' : '/'))) as BlobPart]) }));
}
