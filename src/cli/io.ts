/** What a command needs from the outside world, so tests can run commands in-process and read what they print. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Current directory for relative paths. */
  cwd: string;
}

/** Exit codes of the SPEC: 0 no errors, 1 errors found, 2 the command could not run. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FAILED = 2;

/** An expected failure with a Chinese message for the user: printed without a stack trace, exit 2. */
export class UserError extends Error {}
