/** React access to the pane's store and controller. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Controller } from './controller';
import type { PaneState, Store } from './state';

export const PaneContext = createContext<{ store: Store; controller: Controller } | null>(null);

function usePaneContext() {
  const value = useContext(PaneContext);
  if (!value) throw new Error('PaneContext is missing');
  return value;
}

export function usePaneState(): PaneState {
  const { store } = usePaneContext();
  return useSyncExternalStore(store.subscribe, store.getState);
}

export function useController(): Controller {
  return usePaneContext().controller;
}
