import { getSharedState, publishOutcome, runExclusive, subscribe } from "../../src/shared/store";
import { deferred } from "./fixtures";

describe("shared store", () => {
  it("runs one operation at a time and refuses a second while the first runs", async () => {
    const first = deferred<void>();
    const running = runExclusive("applying rules", () => first.promise);
    expect(getSharedState().busy).toBe("applying rules");
    const second = jest.fn(async () => undefined);
    await expect(runExclusive("generating the summary sheet", second)).resolves.toBe(false);
    expect(second).not.toHaveBeenCalled();
    first.resolve();
    await expect(running).resolves.toBe(true);
    expect(getSharedState().busy).toBeNull();
  });

  it("is free again after an operation throws", async () => {
    await expect(runExclusive("failing", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(getSharedState().busy).toBeNull();
  });

  it("numbers outcomes and tells subscribers", () => {
    const listener = jest.fn();
    const unsubscribe = subscribe(listener);
    publishOutcome({ source: "ribbon", intent: "success", title: "A", lines: [] });
    const first = getSharedState().outcome?.id ?? 0;
    publishOutcome({ source: "pane", intent: "error", title: "B", lines: [] });
    expect(getSharedState().outcome).toMatchObject({ id: first + 1, title: "B" });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    publishOutcome({ source: "pane", intent: "error", title: "C", lines: [] });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
