/**
 * The ribbon's ExecuteFunction buttons (manifest.xml FunctionName) bound to the pane's workflows. Called once
 * from the shared-runtime entry; Office waits for `event.completed()` before it accepts another click, so
 * every path calls it, also when the workflow fails (the workflow reports its own errors in the pane).
 */

/** Every FunctionName of manifest.xml. */
export const COMMAND_NAMES = ['validate', 'exportPackage', 'insertTemplate', 'clearMarks'] as const;
type CommandName = (typeof COMMAND_NAMES)[number];
export type CommandHandlers = Record<CommandName, () => Promise<void>>;

export function registerCommands(handlers: CommandHandlers): void {
  for (const name of COMMAND_NAMES)
    Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
      // Open the pane first, so the registrar sees the progress and the result of the command.
      Promise.resolve()
        .then(() => Office.addin.showAsTaskpane())
        .catch(() => undefined)
        .then(() => handlers[name]())
        .catch((e: unknown) => console.error(`学籍更正助手:命令 ${name} 失败`, e))
        .finally(() => event.completed());
    });
}
