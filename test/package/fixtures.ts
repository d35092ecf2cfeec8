/** Scans on disk and hand-made scan sets for the package tests (the scan folder loader is not needed for them). */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { EvidenceKind } from '../../src/rules/policy';
import type { EvidenceLink, ScanInfo } from '../../src/rules/scans';
import { extensionOf } from '../../src/scan/inspect';
import { makeJpeg, makePng } from '../../scripts/synth-images';

const made: string[] = [];

/** A fresh folder under the system temp dir; `removeTempDirs` (in afterAll) deletes every one a test file made. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `xj-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let serial = 0;

/**
 * A distinct, valid JPEG or PNG scan: an A5 page at 300 dpi (enough for every kind of document), made distinct by
 * a comment (JPEG COM, PNG tEXt) so the page is encoded once per test file.
 */
export function scanBytes(format: 'jpeg' | 'png'): Uint8Array {
  serial++;
  const page = { width: 1748, height: 2480, dpi: 300 };
  return format === 'jpeg'
    ? makeJpeg({ ...page, comment: `scan ${serial}` })
    : makePng({ ...page, chunks: [{ type: 'tEXt', data: new TextEncoder().encode(`Comment\0scan ${serial}`) }] });
}

/** Writes a scan under `scanDir` at the relative path `rel` and returns its facts as inspection would. */
export function writeScan(scanDir: string, rel: string, format: 'jpeg' | 'png'): ScanInfo {
  const bytes = scanBytes(format);
  const file = path.join(scanDir, ...rel.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return { path: rel, size: bytes.length, format, extension: extensionOf(rel), sha256: sha256(bytes) };
}

export function link(file: string, studentRef: string, kind: EvidenceKind): EvidenceLink {
  return { file, studentRef, kind, manual: true };
}
