/**
 * The command line's entry: `main(argv, io)` runs one subcommand and returns the exit code (0 no errors,
 * 1 errors found, 2 could not run). Expected failures print one Chinese message, never a stack trace.
 * Bundled into dist/cli.js by `npm run build:cli`; bin/xjcheck.js calls it with the real process.
 */
import { PolicyError } from '../rules/policy';
import { WorkbookReadError } from '../xlsx/read-error';
import { MAIN_HELP } from './help';
import { type CliIo, EXIT_FAILED, EXIT_OK, UserError } from './io';
import { terminalSafe } from './terminal-text';

type Command = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Each command's module is loaded when it runs: `validate` of a large workbook then does not carry the modules
 * of the others (the template writer, the ZIP and the .docx writers) in its memory.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate-command')).runValidateCommand,
  template: async () => (await import('./template-command')).runTemplateCommand,
  package: async () => (await import('./package-command')).runPackageCommand,
  report: async () => (await import('./report-command')).runReportCommand,
};

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything printed passes through terminalSafe: names and cell values from the user's files reach the terminal.
  const io: CliIo = { cwd: rawIo.cwd, out: (text) => rawIo.out(terminalSafe(text)), err: (text) => rawIo.err(terminalSafe(text)) };
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_HELP);
    return EXIT_OK;
  }
  const load = command === undefined || !Object.hasOwn(COMMANDS, command) ? undefined : COMMANDS[command];
  if (!load) {
    io.err(`${command === undefined ? '缺少命令。' : `未知命令:${command}。`}\n\n${MAIN_HELP}`);
    return EXIT_FAILED;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof UserError || e instanceof WorkbookReadError || e instanceof PolicyError) io.err(`xjcheck:${e.message}\n`);
    else io.err(`xjcheck:程序内部错误:${(e as Error)?.message ?? String(e)}\n请把这条信息和所用的命令告诉维护人员。\n`);
    return EXIT_FAILED;
  }
}

/** Runs the command line in the real process: its arguments, its stdout and stderr, its exit code. */
export function runProcess(): void {
  const io: CliIo = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`xjcheck:程序内部错误:${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}

// `node dist/cli.js validate …` runs the command line (a batch script must never get a silent exit 0);
// bin/xjcheck.js requires the bundle instead and calls runProcess itself.
if (require.main === module) runProcess();
