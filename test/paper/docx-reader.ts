/**
 * Opening a .docx as Word would before showing it: every part of the ZIP, every XML part parsed strictly with
 * @xmldom/xmldom, and the text and tables of word/document.xml read back from the parsed XML.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParts {
  names: string[];
  /** Each XML part, parsed; a part that is not well-formed throws. */
  xml: Map<string, Document>;
}

export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const xml = new Map<string, Document>();
  for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) {
    const errors: string[] = [];
    const text = await zip.file(name)!.async('string');
    const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'text/xml');
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    xml.set(name, doc as unknown as Document);
  }
  return { names, xml };
}

const elements = (node: Element | Document, name: string) => Array.from((node as Element).getElementsByTagNameNS(W, name)) as unknown as Element[];

const textOf = (node: Element) => elements(node, 't').map((t) => t.textContent ?? '').join('');

/** The body's paragraphs outside tables, in order. */
export function paragraphs(doc: Document): string[] {
  const body = elements(doc, 'body')[0];
  return Array.from(body.childNodes)
    .filter((n) => (n as Element).localName === 'p')
    .map((p) => textOf(p as Element));
}

/** Every table of the body as rows of cell texts. */
export function tables(doc: Document): string[][][] {
  return elements(doc, 'tbl').map((tbl) => elements(tbl, 'tr').map((tr) => elements(tr, 'tc').map(textOf)));
}

export { elements };
