/** React access to the pane's store and controller. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Controller } from './controller';
import type { PaneState, Store } from './state';

/**
 * The store, and the controller once its chunk has arrived (inside Excel the pane paints before it): `ready`
 * resolves with it.
 */
export interface Pane {
  store: Store;
  controller: Controller | null;
  ready: Promise<Controller>;
}

export const PaneContext = createContext<Pane | null>(null);

function usePaneContext(): Pane {
  const value = useContext(PaneContext);
  if (!value) throw new Error('PaneContext is missing');
  return value;
}

export function usePaneState(): PaneState {
  const { store } = usePaneContext();
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The controller; a view drawn before it has arrived waits for it (suspends to its Suspense boundary). */
export function useController(): Controller {
  const { controller, ready } = usePaneContext();
  if (!controller) throw ready;
  return controller;
}

/** The controller's promise, for the first paint's own buttons: a click before the controller has arrived waits for it. */
export function useControllerReady(): Promise<Controller> {
  return usePaneContext().ready;
}
