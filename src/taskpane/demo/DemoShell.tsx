import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { Pane } from "../components/Pane";
import { Tabs } from "../components/Tabs";
import { applyOutcome, busyOutcome, errorText } from "../../shared/messages";
import { getSharedState, publishOutcome, runExclusive } from "../../shared/store";
import { applyRules } from "../../workbook";
import { bindOperations, type CellTarget, type PaneOperations } from "../operations";
import { DEMO_DEFAULTS, seedDemoDefaults } from "./demoDefaults";
import { openFile, openSample, type DemoWorkbook } from "./demoWorkbook";
import { PreviewGrid } from "./PreviewGrid";

const NARROW = "@media (max-width: 720px)";
/** The summary's rows grow with the measures: enough for any scorecard a council keeps in one workbook. */
const WHOLE_SUMMARY_ROWS = 5000;

const useStyles = makeStyles({
  // Wide: pane and preview side by side, each scrolling on its own. Narrow: one column, the page scrolls.
  shell: {
    display: "grid",
    gridTemplateColumns: "minmax(300px, 360px) minmax(0, 1fr)",
    // One row exactly the window's height: the pane and the preview each scroll inside it, the page never does.
    gridTemplateRows: "minmax(0, 1fr)",
    height: "100vh",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { gridTemplateColumns: "minmax(0, 1fr)", gridTemplateRows: "auto", height: "auto", overflow: "visible" },
  },
  pane: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowY: "auto",
    [NARROW]: { borderRight: "none", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: "visible" },
  },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    minHeight: 0,
    overflow: "hidden",
    boxSizing: "border-box",
    [NARROW]: { height: "80vh" },
  },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  fileInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  tabs: { overflowX: "auto", flexShrink: 0 },
});

export interface DemoShellProps {
  readonly initial: DemoWorkbook;
}

/** Scorecard outside Excel: the pane beside a preview of the workbook it works on, all in this browser. */
export function DemoShell({ initial }: DemoShellProps) {
  const styles = useStyles();
  const [workbook, setWorkbook] = useState(initial);
  const [opened, setOpened] = useState(0);
  const [, setVersion] = useState(0);
  const [sheet, setSheet] = useState(() => initial.sheetNames()[0] ?? "");
  const [highlight, setHighlight] = useState<CellTarget | null>(null);
  // The summary is Scorecard's own, as long as the workbook's measures make it: the preview shows it whole.
  const [summarySheet, setSummarySheet] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ intent: "error" | "warning"; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const afterWrite = useMemo(
    () => async () => {
      const kept = await workbook.remember();
      setNotice(
        kept
          ? null
          : {
              intent: "warning",
              text: "This browser does not allow storage: a reload starts again from the sample.",
            },
      );
      setVersion((v) => v + 1);
    },
    [workbook],
  );

  const operations = useMemo<PaneOperations>(() => {
    const base = bindOperations(workbook.port, {
      defaults: DEMO_DEFAULTS,
      afterWrite,
      select: async (target) => {
        setSheet(target.sheet);
        setHighlight(target);
      },
    });
    return {
      ...base,
      async apply(sheets, progress) {
        const report = await base.apply(sheets, progress);
        setSummarySheet(report.summarySheet);
        return report;
      },
      async summary(progress) {
        const result = await base.summary(progress);
        setSheet(result.summarySheet);
        setSummarySheet(result.summarySheet);
        setHighlight(null);
        return result;
      },
      async addSpcChart(key) {
        const result = await base.addSpcChart(key);
        // The preview shows the chart's table (the chart itself is in the pane and in the downloaded file).
        if (result.ok) {
          setSheet(result.sheet);
          setHighlight(null);
        }
        return result;
      },
    };
  }, [workbook, afterWrite]);

  const switchTo = (next: DemoWorkbook) => {
    setWorkbook(next);
    setOpened((n) => n + 1);
    setSheet(next.sheetNames()[0] ?? "");
    setHighlight(null);
    setSummarySheet(null);
    setNotice(null);
    void next.remember();
  };

  const openUserFile = async (file: File) => {
    try {
      const opened = await openFile(file.name, await file.arrayBuffer());
      await seedDemoDefaults(opened.port);
      switchTo(opened);
    } catch (e) {
      setNotice({ intent: "error", text: e instanceof Error ? e.message : `"${file.name}" could not be opened.` });
    }
  };

  const startAgain = async () => {
    const sample = await openSample();
    await seedDemoDefaults(sample.port);
    switchTo(sample);
  };

  /** A file named .scored.xlsx is scored: every sheet rated and the summary rebuilt first, then saved. */
  const download = async () => {
    const ran = await runExclusive("making the scored copy", async () => {
      let blob: Blob;
      try {
        const report = await applyRules(workbook.port);
        await afterWrite();
        blob = await workbook.toBlob();
        setSummarySheet(report.summarySheet);
        const scored = applyOutcome(report, "demo");
        publishOutcome({ ...scored, title: `Scored copy saved as ${workbook.downloadName}` });
      } catch (e) {
        // Nothing is saved: a copy that could not be scored must not carry the .scored name.
        setNotice({ intent: "error", text: `The scored copy could not be made: ${errorText(e)}` });
        return;
      }
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = workbook.downloadName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
    if (!ran) publishOutcome(busyOutcome(getSharedState().busy ?? "another operation", "demo"));
  };

  const sheets = workbook.sheetNames();
  const shown = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  // Read afresh on each render: renders follow writes (`version`), sheet switches and selections.
  const preview = shown ? workbook.preview(shown, shown === summarySheet ? WHOLE_SUMMARY_ROWS : undefined) : null;

  return (
    <div className={styles.shell}>
      <div className={styles.pane}>
        <Pane key={opened} operations={operations} />
      </div>
      <section className={styles.preview} aria-labelledby="preview-heading">
        <Subtitle2 as="h2" id="preview-heading">
          Workbook: {workbook.name}
        </Subtitle2>
        <Caption1>Browser demo: the workbook stays in this browser, nothing is uploaded.</Caption1>
        <div className={styles.toolbar}>
          <input
            ref={fileInput}
            className={styles.fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void openUserFile(file);
            }}
          />
          <Button onClick={() => fileInput.current?.click()}>Open your .xlsx…</Button>
          <Button onClick={() => void download()}>Download scored copy</Button>
          <Button appearance="subtle" onClick={() => void startAgain()}>
            Start again with the sample
          </Button>
        </div>
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        <Tabs
          className={styles.tabs}
          label="Workbook sheets"
          selected={shown}
          onSelect={setSheet}
          tabs={sheets.map((s) => ({ value: s, label: s }))}
        />
        {/* Keyed by sheet: another sheet starts scrolled to its top-left corner, as Excel shows it. */}
        {preview && (
          <PreviewGrid key={shown} sheet={preview} highlight={highlight?.sheet === shown ? highlight.cell : null} />
        )}
      </section>
    </div>
  );
}
