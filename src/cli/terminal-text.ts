/**
 * Text the command line prints comes partly from the user's files (cell values, sheet names, file names): a raw
 * ESC or BEL from them would be obeyed by the terminal (colours, a cleared screen, a changed window title, a
 * bell), and a bidirectional override would make a line read differently from what it says. Such characters are
 * printed as `\uXXXX`, which reads the same in the text report and is valid inside the JSON report's strings (the
 * only place JSON can hold them).
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional formatting characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
