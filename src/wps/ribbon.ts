/**
 * The WPS add-in's entry page (index.html, loaded hidden by WPS): the callbacks ribbon.xml names as
 * `ribbon.OnAddinLoad`, `ribbon.OnAction` and `ribbon.GetImage`. Every button shows the task pane (one pane, its id
 * kept in PluginStorage); the four command buttons also leave their command for the pane (commands.ts).
 */
import { PANE_KEY, type WpsCommand, postCommand } from './commands';
import { wpsGlobal } from './et';

const BUTTONS: Record<string, { command: WpsCommand | null; icon: string }> = {
  xjgzValidate: { command: 'validate', icon: 'validate' },
  xjgzExport: { command: 'exportPackage', icon: 'export' },
  xjgzPane: { command: null, icon: 'pane' },
  xjgzTemplate: { command: 'insertTemplate', icon: 'template' },
  xjgzClear: { command: 'clearMarks', icon: 'clear' },
};

function showPane(): void {
  const wps = wpsGlobal();
  if (!wps) return;
  const id = wps.PluginStorage.getItem(PANE_KEY);
  let pane = typeof id === 'string' && id ? wps.GetTaskPane(id) : null;
  if (!pane) {
    pane = wps.CreateTaskPane(new URL('taskpane.html', location.href).href, '学籍更正助手');
    wps.PluginStorage.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
}

const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: { Id: string }): boolean {
    const button = BUTTONS[control.Id];
    if (!button) return false;
    const wps = wpsGlobal();
    // The command first: a pane opened by this click runs it as soon as it loads.
    if (wps && button.command) postCommand(wps.PluginStorage, button.command);
    showPane();
    return true;
  },
  GetImage(control: { Id: string }): string {
    return `images/${BUTTONS[control.Id]?.icon ?? 'pane'}.svg`;
  },
};

(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
