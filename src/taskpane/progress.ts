/**
 * The running workflow's step and counter, in a store of their own: a counter that moves 300 times must repaint
 * the progress bar only, never the lists (the pane's state changes once when work starts and once when it ends).
 */
import { useSyncExternalStore } from 'react';
import type { Progress } from '../host/types';

export interface Work extends Progress {
  /** Stops the work at its next step; absent when the step cannot be stopped. */
  cancel?: () => void;
}

export interface ProgressStore {
  get(): Work | null;
  set(work: Work | null): void;
  subscribe(listener: () => void): () => void;
}

export function createProgressStore(): ProgressStore {
  let work: Work | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => work,
    set(next) {
      work = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useWork(store: ProgressStore): Work | null {
  return useSyncExternalStore(store.subscribe, store.get);
}
