import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { Pane } from "../components/Pane";
import { errorText } from "../../shared/messages";
import { bindOperations, type CellTarget, type PaneOperations } from "../operations";
import { openFile, openSample, type DemoWorkbook } from "./demoWorkbook";
import { PreviewGrid } from "./PreviewGrid";

const NARROW = "@media (max-width: 720px)";

const useStyles = makeStyles({
  // Wide: pane and preview side by side, each scrolling on its own. Narrow: one column, the page scrolls.
  shell: {
    display: "grid",
    gridTemplateColumns: "minmax(300px, 360px) minmax(0, 1fr)",
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { gridTemplateColumns: "minmax(0, 1fr)", height: "auto" },
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
  const [notice, setNotice] = useState<{ intent: "error" | "warning"; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const operations = useMemo<PaneOperations>(() => {
    const base = bindOperations(workbook.port, {
      afterWrite: async () => {
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
      select: async (target) => {
        setSheet(target.sheet);
        setHighlight(target);
      },
    });
    return {
      ...base,
      async summary(progress) {
        const result = await base.summary(progress);
        setSheet(result.summarySheet);
        setHighlight(null);
        return result;
      },
    };
  }, [workbook]);

  const switchTo = (next: DemoWorkbook) => {
    setWorkbook(next);
    setOpened((n) => n + 1);
    setSheet(next.sheetNames()[0] ?? "");
    setHighlight(null);
    setNotice(null);
    void next.remember();
  };

  const openUserFile = async (file: File) => {
    try {
      switchTo(await openFile(file.name, await file.arrayBuffer()));
    } catch (e) {
      setNotice({ intent: "error", text: e instanceof Error ? e.message : `"${file.name}" could not be opened.` });
    }
  };

  const download = async () => {
    let blob: Blob;
    try {
      blob = await workbook.toBlob();
    } catch (e) {
      // Without this the button would do nothing at all when the file library cannot save the workbook.
      setNotice({ intent: "error", text: `The scored copy could not be made: ${errorText(e)}` });
      return;
    }
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = workbook.downloadName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const sheets = workbook.sheetNames();
  const shown = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  // Read afresh on each render: renders follow writes (`version`), sheet switches and selections.
  const preview = shown ? workbook.preview(shown) : null;

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
          <Button appearance="subtle" onClick={() => void openSample().then(switchTo)}>
            Start again with the sample
          </Button>
        </div>
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        <TabList
          className={styles.tabs}
          selectedValue={shown}
          onTabSelect={(_, d) => setSheet(String(d.value))}
          size="small"
          aria-label="Workbook sheets"
        >
          {sheets.map((s) => (
            <Tab key={s} value={s}>
              {s}
            </Tab>
          ))}
        </TabList>
        {preview && <PreviewGrid sheet={preview} highlight={highlight?.sheet === shown ? highlight.cell : null} />}
      </section>
    </div>
  );
}
