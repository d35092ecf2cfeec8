/**
 * Writes a value exactly as `JSON.stringify(value, null, 2)` would, but in pieces: the top-level containers are
 * walked and each element of their arrays is stringified on its own, so a report of 100,000 students never becomes
 * one string of tens of megabytes (and its copy in the output buffer). Pieces are gathered into chunks of about
 * 64 K characters before they are written. A walked list may also be an iterable that is not an array (the report's
 * lists mapped an entry at a time, rules/report.ts): it is written as the array of what it yields, each entry
 * garbage once written.
 */

const INDENT = '  ';
/** Containers walked by this writer: the top-level object (0) and the arrays and objects it holds (1). */
const WALKED_DEPTH = 2;
const CHUNK_CHARS = 64 * 1024;

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const isOmitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export function writeJson(value: unknown, write: (chunk: string) => void): void {
  let parts: string[] = [];
  let size = 0;
  const put = (s: string) => {
    parts.push(s);
    size += s.length;
    if (size >= CHUNK_CHARS) {
      write(parts.join(''));
      parts = [];
      size = 0;
    }
  };
  walk(value, '', 0, put);
  if (parts.length) write(parts.join(''));
}

function walk(value: unknown, indent: string, depth: number, put: (s: string) => void): void {
  const walked = depth < WALKED_DEPTH && value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!walked) {
    // A nested value's lines start at this depth's indentation (JSON strings never hold a raw line feed).
    put((JSON.stringify(value, null, INDENT) ?? 'null').replaceAll('\n', `\n${indent}`));
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value) || Symbol.iterator in value) {
    // for…of visits an array's holes as undefined, written as null as JSON.stringify does (forEach would skip them).
    let i = 0;
    for (const item of value as Iterable<unknown>) {
      put(`${i++ ? ',' : '['}\n${inner}`);
      walk(isOmitted(item) ? null : item, inner, depth + 1, put);
    }
    return put(i ? `\n${indent}]` : '[]');
  }
  const entries = Object.entries(value as object).filter(([, v]) => !isOmitted(v));
  if (entries.length === 0) return put('{}');
  put('{');
  entries.forEach(([key, v], i) => {
    put(`${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
    walk(v, inner, depth + 1, put);
  });
  put(`\n${indent}}`);
}
