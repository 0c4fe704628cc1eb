import { useCallback, useState } from "react";
import type { Progress } from "../../workbook/port";
import { busyOutcome, errorOutcome } from "../../shared/messages";
import { getSharedState, publishOutcome, runExclusive } from "../../shared/store";

/** The operation the pane is running, as its progress bar shows it. */
export interface Job {
  readonly title: string;
  readonly done: number;
  readonly total: number;
  readonly what: string;
}

export type RunJob = (title: string, action: string, task: (progress: Progress) => Promise<void>) => Promise<void>;

/**
 * Runs one workbook operation at a time (the ribbon may be running one too), with its progress for the pane to show.
 * A failure becomes an error outcome naming `action`; a refusal because another operation runs, a "please wait".
 */
export function useJobRunner(): { job: Job | null; run: RunJob } {
  const [job, setJob] = useState<Job | null>(null);
  const run = useCallback<RunJob>(async (title, action, task) => {
    const progress: Progress = (done, total, what) => setJob({ title, done, total, what });
    const ran = await runExclusive(title.toLowerCase(), async () => {
      setJob({ title, done: 0, total: 0, what: "Reading the workbook" });
      try {
        await task(progress);
      } catch (e) {
        publishOutcome(errorOutcome(action, e, "pane"));
      } finally {
        setJob(null);
      }
    });
    if (!ran) publishOutcome(busyOutcome(getSharedState().busy ?? "another operation", "pane"));
  }, []);
  return { job, run };
}
