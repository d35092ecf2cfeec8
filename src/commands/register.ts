/**
 * The ribbon's ExecuteFunction buttons (manifest.xml FunctionName) bound to the pane's workflows.
 *
 * Office delivers a click to the shared runtime as soon as the page's script has run; a FunctionName not yet
 * associated then is dropped, and the registrar's first click does nothing
 * (https://github.com/OfficeDev/office-js/issues/5176, #3378). So the entry calls registerCommands inside the
 * Office.onReady callback, before it loads any chunk, with a promise of the handlers: each click opens the pane,
 * waits until the pane is ready, runs, and always completes its event (Office accepts no other click before).
 */

import { supports } from '../excel/requirements';

/** Every FunctionName of manifest.xml. */
export const COMMAND_NAMES = ['validate', 'exportPackage', 'insertTemplate', 'clearMarks'] as const;
type CommandName = (typeof COMMAND_NAMES)[number];
export type CommandHandlers = Record<CommandName, () => Promise<void>>;

export function registerCommands(handlers: CommandHandlers | Promise<CommandHandlers>): void {
  const ready = Promise.resolve(handlers);
  for (const name of COMMAND_NAMES)
    Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
      // Open the pane first, so the registrar sees the progress and the result of the command.
      Promise.resolve()
        .then(() => Office.addin.showAsTaskpane())
        .catch(() => undefined)
        .then(() => ready)
        .then((h) => h[name]())
        .catch((e: unknown) => console.error(`学籍更正助手:命令 ${name} 失败`, e))
        .finally(() => event.completed());
    });
}

/**
 * Asks Office to start the add-in's runtime whenever this workbook opens (SharedRuntime 1.1), so the ribbon's
 * buttons answer at once the next time; where the set is missing nothing happens.
 */
export function startWithDocument(): void {
  if (!supports('sharedRuntime')) return;
  Promise.resolve()
    .then(() => Office.addin.setStartupBehavior(Office.StartupBehavior.load))
    .catch((e: unknown) => console.warn('学籍更正助手:无法设置随工作簿启动', e));
}
