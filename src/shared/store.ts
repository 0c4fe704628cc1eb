/**
 * State shared by the task pane and the ribbon command. In the shared runtime they run in one JavaScript
 * context, and webpack gives the page's entries one runtime (runtimeChunk: "single"), so a module variable is shared.
 */

/** The last thing an operation did, shown by the pane as a message (the ribbon runs while the pane may be closed). */
export interface Outcome {
  /** Who ran the operation: the pane reads the workbook again after any operation it did not run itself. */
  readonly source: "pane" | "ribbon" | "demo";
  /** success: done as asked; warning: done, but some sheets could not be written; error: nothing done. */
  readonly intent: "success" | "warning" | "error";
  readonly title: string;
  readonly lines: readonly string[];
  /** A next step the message offers as a button: apply the rules again (after the settings changed). */
  readonly offer?: "apply";
  /** Increases with each outcome, so the pane can tell a new one from the one it already showed. */
  readonly id: number;
}

export interface SharedState {
  /** An operation is writing to the workbook: a second one must wait (pane and ribbon can both start one). */
  readonly busy: string | null;
  readonly outcome: Outcome | null;
}

type Listener = () => void;

let state: SharedState = { busy: null, outcome: null };
const listeners = new Set<Listener>();

export function getSharedState(): SharedState {
  return state;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function update(change: Partial<SharedState>): void {
  state = { ...state, ...change };
  listeners.forEach((listener) => listener());
}

export function publishOutcome(outcome: Omit<Outcome, "id">): void {
  update({ outcome: { ...outcome, id: (state.outcome?.id ?? 0) + 1 } });
}

/**
 * Runs `task` unless another operation is running; returns false when it was refused.
 * The pane disables its buttons while busy; the ribbon gets a message instead.
 */
export async function runExclusive(what: string, task: () => Promise<void>): Promise<boolean> {
  if (state.busy !== null) return false;
  update({ busy: what });
  try {
    await task();
    return true;
  } finally {
    update({ busy: null });
  }
}
