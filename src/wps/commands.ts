/**
 * The ribbon and the task pane are two pages in WPS (the add-in's hidden entry page holds the ribbon callbacks; the
 * pane is a page of its own), and share only `wps.PluginStorage`. A ribbon button therefore opens the pane and
 * leaves the command there; the pane polls for it and runs it in its own state. A command older than a few seconds
 * is dropped: the pane it was meant for was not there to run it.
 */
export const COMMAND_KEY = 'xjgz.command';
/** The task pane's id, so a second click shows the same pane instead of opening another. */
export const PANE_KEY = 'xjgz.taskpane';

export const WPS_COMMANDS = ['validate', 'exportPackage', 'insertTemplate', 'clearMarks'] as const;
export type WpsCommand = (typeof WPS_COMMANDS)[number];

const MAX_AGE_MS = 15_000;
const POLL_MS = 250;

interface Storage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

interface Posted {
  name: WpsCommand;
  id: string;
  at: number;
}

export function postCommand(storage: Storage, name: WpsCommand, now = Date.now()): void {
  storage.setItem(COMMAND_KEY, JSON.stringify({ name, id: `${now}-${Math.random().toString(36).slice(2)}`, at: now }));
}

function read(storage: Storage): Posted | null {
  try {
    const v = JSON.parse(String(storage.getItem(COMMAND_KEY) ?? 'null')) as Posted | null;
    return v && WPS_COMMANDS.includes(v.name) && typeof v.id === 'string' && typeof v.at === 'number' ? v : null;
  } catch {
    return null;
  }
}

/** Runs each new command once (also the one that opened the pane); returns the function that stops listening. */
export function listenForCommands(storage: Storage, handlers: Record<WpsCommand, () => Promise<void>>): () => void {
  let last: string | null = null;
  let running = false;
  const poll = () => {
    const command = read(storage);
    if (!command || command.id === last || running) return;
    last = command.id;
    if (Date.now() - command.at > MAX_AGE_MS) return;
    running = true;
    handlers[command.name]()
      .catch((e: unknown) => console.error(`学籍更正助手:命令 ${command.name} 失败`, e))
      .finally(() => (running = false));
  };
  poll();
  const timer = setInterval(poll, POLL_MS);
  return () => clearInterval(timer);
}
