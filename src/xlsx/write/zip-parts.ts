/**
 * A ZIP of parts held in memory, each deflated with the platform's `CompressionStream` where it has one (entry-data.ts),
 * written with the package writer's ZIP records: no ZIP library in the add-in or the CLI.
 */
import { concatBytes } from '../../common/concat-bytes';
import { compressedEntry } from '../../package/entry-data';
import { ZipDirectory } from '../../package/zip-format';

export interface ZipPart {
  /** An ASCII path such as "xl/workbook.xml". */
  name: string;
  text: string;
}

export async function zipParts(parts: ZipPart[], modified: Date): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new ZipDirectory(modified);
  const encoder = new TextEncoder();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (const part of parts) {
    const { data, facts } = await compressedEntry(encoder.encode(part.text));
    chunks.push(zip.add({ name: encoder.encode(part.name), utf8: false, ...facts }), data);
  }
  chunks.push(zip.finish());
  return concatBytes(chunks);
}
