/**
 * Opening a package the way headquarters would: Debian's Info-ZIP `unzip`, `zipinfo` and p7zip's `7z`, plus a
 * reader of the central directory for what those tools do not print (Debian's zipinfo 6.0 does not show
 * general-purpose bit 11, so the UTF-8 flag is read from the records and from `7z l -slt`'s Characteristics).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { sha256 } from './fixtures';

/** Child processes print and write names in UTF-8 whatever the test machine's locale. */
const ENV = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

export const RECEIVER_TOOLS = ['unzip', 'zipinfo', '7z'];

export function missingTools(): string[] {
  return RECEIVER_TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
}

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function extractWithUnzip(zip: string, dest: string): void {
  run('unzip', ['-q', zip, '-d', dest]);
}

export function extractWith7z(zip: string, dest: string): void {
  run('7z', ['x', '-y', `-o${dest}`, zip]);
}

/** Every file under `dir` by its relative path ("/" separators) with its SHA-256; folders as "path/" with "". */
export function treeHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) {
        out.set(`${r}/`, '');
        walk(r);
      } else out.set(r, sha256(readFileSync(path.join(dir, r))));
    }
  };
  walk('');
  return out;
}

export interface CentralEntry {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The central directory records of a ZIP, read from its end record. */
export function centralEntries(zip: Buffer): CentralEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central record at ${p}`);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    out.push({
      flags: zip.readUInt16LE(p + 8),
      method: zip.readUInt16LE(p + 10),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      offset: zip.readUInt32LE(p + 42),
      name: zip.subarray(p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** `7z l -slt`: each entry's path with its Characteristics line (e.g. "UTF8"). */
export function sevenZipCharacteristics(zip: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  for (const line of run('7z', ['l', '-slt', zip]).split('\n')) {
    const m = /^(Path|Characteristics) = ?(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'Path') current = m[2];
    else if (current !== null) out.set(current, m[2]);
  }
  return out;
}

/** `zipinfo -v`: per entry (by name as printed) the compression method and whether a data descriptor follows. */
export function zipinfoEntries(zip: string): { name: string; method: string; extendedHeader: string }[] {
  const blocks = run('zipinfo', ['-v', zip]).split(/^Central directory entry #\d+:\n-+\n/m).slice(1);
  return blocks.map((b) => {
    const lines = b.split('\n').map((l) => l.trim());
    const name = lines.find((l) => l !== '' && !l.startsWith('There are an extra'))!;
    return {
      name,
      method: /compression method:\s+(.+)/.exec(b)![1].trim(),
      extendedHeader: /extended local header:\s+(\S+)/.exec(b)![1],
    };
  });
}

/**
 * How to list a GBK-named package on this machine: `unzip -O GBK -l` where unzip carries the iconv patch (Ubuntu,
 * Fedora); Debian's unzip 6.0 has no -O, so then Python's zipfile reading names as GBK (Python 3.11+). Null when neither.
 */
export function gbkLister(): { tool: string; list(zip: string): string } | null {
  // Exit code 10 is Info-ZIP's "invalid command line options"; with -O known, /dev/null is merely not a ZIP (9).
  if (spawnSync('unzip', ['-O', 'GBK', '-l', '/dev/null'], { env: ENV }).status !== 10)
    return { tool: 'unzip -O GBK', list: (zip) => run('unzip', ['-O', 'GBK', '-l', zip]) };
  const script = "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1], metadata_encoding='gbk').namelist()))";
  if (spawnSync('python3', ['-c', 'import sys; sys.exit(sys.version_info < (3, 11))']).status === 0)
    return { tool: 'python3 zipfile (metadata_encoding=gbk)', list: (zip) => run('python3', ['-c', script, zip]) };
  return null;
}
