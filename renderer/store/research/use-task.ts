/**
 * A long task the user can watch and stop: progress (done of total), a Cancel that aborts its
 * AbortController, and how it ended (finished, cancelled, or failed with a message). One task
 * per panel at a time; starting again replaces the last outcome.
 */
import { useRef, useState } from 'react';

export type TaskState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total?: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string }
  | { phase: 'finished' };

export interface Task {
  state: TaskState;
  run(work: (signal: AbortSignal, progress: (done: number, total?: number) => void) => Promise<void>): Promise<void>;
  cancel(): void;
}

export function useTask(): Task {
  const [state, setState] = useState<TaskState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  return {
    state,
    async run(work) {
      const c = new AbortController();
      controller.current = c;
      setState({ phase: 'running', done: 0 });
      try {
        await work(c.signal, (done, total) => setState({ phase: 'running', done, total }));
        setState({ phase: 'finished' });
      } catch (error) {
        setState(c.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        controller.current = null;
      }
    },
    cancel: () => controller.current?.abort(),
  };
}
