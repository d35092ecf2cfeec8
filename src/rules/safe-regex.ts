/**
 * Regular expressions from a policy file run on text from the user's files (every key cell, the first cell of
 * every row, EXIF model names). JavaScript's backtracking engine can take exponential time on a pattern such as
 * `(a+)+$` or `(a|a)*b`, so a policy pattern must stay within a safe subset, checked when the policy is loaded:
 * no repetition of a group that itself repeats or has alternatives, no back-references. Polynomial blow-up
 * (several overlapping repeats one after the other) remains possible, so the text a pattern is run on is also
 * bounded: its first PATTERN_INPUT_MAX characters (keys are 13–18 characters, end markers sit at a line's start).
 */

export const PATTERN_INPUT_MAX = 256;
/** Longer patterns are not something a policy needs (the longest default, the footer marker, has about 550 characters). */
const PATTERN_MAX = 2000;

interface Group {
  repeats: boolean;
  alternates: boolean;
}

/** The length of the quantifier at `i` and whether it allows more than one repetition, or null when none is there. */
function quantifierAt(p: string, i: number): { length: number; many: boolean } | null {
  const c = p[i];
  let length: number;
  let many: boolean;
  if (c === '*' || c === '+') [length, many] = [1, true];
  else if (c === '?') [length, many] = [1, false];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return null;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    [length, many] = [m[0].length, max > 1];
  } else return null;
  if (p[i + length] === '?') length++; // lazy
  return { length, many };
}

/** Why a pattern is outside the safe subset (Chinese, for the policy error), or null when it is inside. */
export function regexHazard(pattern: string): string | null {
  if (pattern.length > PATTERN_MAX) return `正则表达式超过 ${PATTERN_MAX} 个字符`;
  const stack: Group[] = [{ repeats: false, alternates: false }];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    let closed: Group | null = null;
    if (c === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return '不支持反向引用(\\1、\\k<名称>),它可能让校验长时间无响应';
      i += 2;
    } else if (c === '[') {
      // A character class: skip to its closing bracket (escapes inside included).
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      i++;
      if (pattern[i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i));
        i += m ? m[0].length : 1;
      }
      continue;
    } else if (c === ')') {
      if (stack.length < 2) return '括号不配对';
      closed = stack.pop()!;
      i++;
    } else if (c === '|') {
      stack[stack.length - 1].alternates = true;
      i++;
      continue;
    } else i++;
    const q = quantifierAt(pattern, i);
    const top = stack[stack.length - 1];
    if (closed?.repeats) top.repeats = true;
    if (!q) continue;
    if (q.many && closed && (closed.repeats || closed.alternates))
      return '含嵌套的重复(如 (a+)+ 或 (a|b)*),它可能让校验长时间无响应;请改写为不嵌套的形式';
    top.repeats = true;
    i += q.length;
  }
  return null;
}

/** A policy pattern, run on at most the first PATTERN_INPUT_MAX characters of a text. */
export interface PolicyPattern {
  test(text: string): boolean;
}

export function policyPattern(source: string, flags?: string): PolicyPattern {
  const re = new RegExp(source, flags);
  return { test: (text) => re.test(text.length > PATTERN_INPUT_MAX ? text.slice(0, PATTERN_INPUT_MAX) : text) };
}
