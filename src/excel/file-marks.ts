/**
 * Looks inside a workbook file (.xlsx bytes) for the add-in's marks: the custom XML part that records them
 * (mark-store.ts) or a note written by the add-in (its text starts with NOTE_PREFIX). Excel on the web hands
 * getFileAsync the copy in storage, which may not yet have the marks cleared a moment ago; such bytes must never
 * go into the package.
 */
import JSZip from 'jszip';
import { MARKS_NAMESPACE } from './mark-store';
import { NOTE_PREFIX } from './marks';

export type FileMarks = 'clean' | 'marked' | 'unreadable';

/** XML text escapes the prefix's characters only as themselves, or as numeric references in some writers. */
const escapedPrefix = [...NOTE_PREFIX].map((ch) => `&#${ch.codePointAt(0)};`).join('');

export async function findMarksInFile(bytes: Uint8Array): Promise<FileMarks> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return 'unreadable';
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir && /^(customXml\/item\d*\.xml|xl\/comments\d*\.xml|xl\/threadedComments\/.*\.xml)$/i.test(f.name));
  for (const part of parts) {
    const text = await part.async('string');
    if (text.includes(MARKS_NAMESPACE) || text.includes(NOTE_PREFIX) || text.includes(escapedPrefix)) return 'marked';
  }
  return 'clean';
}
