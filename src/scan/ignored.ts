/** Files no registrar picks on purpose: hidden files (.DS_Store, ._x), Windows thumbnails and folder settings, Office lock files, macOS zip debris. */
export function isIgnoredFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini|ehthumbs\.db|__macosx)$/i.test(name);
}

/** Whether any part of a relative path is ignored (a file inside a hidden folder is ignored too). */
export function isIgnoredPath(path: string): boolean {
  return path.split('/').some(isIgnoredFile);
}
