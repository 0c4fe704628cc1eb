import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { counted } from "../../core";
import type { ScanReport } from "../../workbook/model";
import { DEFAULT_SETTINGS, type Settings } from "../../workbook/settings";
import { applyOutcome, errorOutcome, settingsOutcome, spcChartOutcome, summaryOutcome } from "../../shared/messages";
import type { PaneOperations } from "../operations";
import { getSharedState, publishOutcome, subscribe } from "../../shared/store";
import { HelpPanel } from "./HelpPanel";
import { ProblemList } from "./ProblemList";
import { SettingsPanel } from "./SettingsPanel";
import { SheetList } from "./SheetList";
import { SpcChartTab } from "./SpcChartTab";
import { Tabs } from "./Tabs";
import { useJobRunner } from "./useJobRunner";

type TabName = "sheets" | "chart" | "settings" | "help";

const useStyles = makeStyles({
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1 },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column" },
  // The actions and what they did stay in view while the sheets, settings or help scroll beneath them.
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // A long message scrolls inside itself (the sticky block must never outgrow the pane); its buttons stay in view.
  messageLines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "25vh", overflowY: "auto" },
  tabPanel: { minWidth: 0 },
});

export interface PaneProps {
  readonly operations: PaneOperations;
}

/** The Scorecard task pane: sheets found, actions, data problems, settings and help. */
export function Pane({ operations }: PaneProps) {
  const styles = useStyles();
  const shared = useSyncExternalStore(subscribe, getSharedState);
  const [scan, setScan] = useState<ScanReport | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [tab, setTab] = useState<TabName>("sheets");
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  // The measure the SPC chart shows, kept here so it survives switching tabs.
  const [spcMeasure, setSpcMeasure] = useState<string | null>(null);
  // Edited settings not saved yet: Apply and the summary would use the saved ones, so the pane says so.
  const [unsavedSettings, setUnsavedSettings] = useState(false);
  const { job, run } = useJobRunner();
  const outcomeRef = useRef<HTMLDivElement>(null);
  // An outcome from before this pane was mounted (a previous workbook in the demo) is not news.
  const [dismissed, setDismissed] = useState(() => getSharedState().outcome?.id ?? 0);

  // Bumped to read the workbook again; the effect below does the reading.
  const [scanRequest, setScanRequest] = useState(0);
  const rescan = useCallback(() => setScanRequest((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    operations.scan().then(
      (report) => {
        if (!current) return;
        setScan(report);
        setScanError(null);
      },
      (e: unknown) => {
        if (current) setScanError(errorOutcome("read the workbook", e, "pane").lines[0]);
      },
    );
    return () => {
      current = false;
    };
  }, [operations, scanRequest]);

  // The ribbon writes to the workbook behind the pane's back: read it again when it reports.
  useEffect(() => {
    let seen = getSharedState().outcome?.id ?? 0;
    return subscribe(() => {
      const latest = getSharedState().outcome;
      if (!latest || latest.id <= seen) return;
      seen = latest.id;
      if (latest.source !== "pane") rescan();
    });
  }, [rescan]);
  const outcome = shared.outcome;
  const shownOutcome = outcome && outcome.id > dismissed && !job ? outcome : null;
  // A new message is brought into view, wherever the pane was scrolled to.
  useEffect(() => {
    if (shownOutcome) outcomeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [shownOutcome]);

  const apply = () => {
    const sheets = chosen.length > 0 ? chosen : undefined;
    return run("Applying rules", "apply the rules", async (progress) => {
      const report = await operations.apply(sheets, progress);
      setScan(report);
      publishOutcome(applyOutcome(report, "pane"));
    });
  };

  const summary = () =>
    run("Generating the summary sheet", "generate the summary sheet", async (progress) => {
      const result = await operations.summary(progress);
      publishOutcome(summaryOutcome(result, "pane"));
      rescan();
    });

  const addSpcChart = (key: string) =>
    run("Adding the SPC chart", "add the SPC chart", async () => {
      const result = await operations.addSpcChart(key);
      publishOutcome(spcChartOutcome(result, "pane"));
      // The new sheet is Scorecard's own: a read now lists it as such, not as a sheet without measures.
      if (result.ok) rescan();
    });

  const saveSettings = (settings: Settings, reset = false) =>
    run(reset ? "Resetting settings" : "Saving settings", "save the settings", async () => {
      await operations.saveSettings(settings);
      rescan();
      publishOutcome(settingsOutcome(reset));
    });

  const busy = shared.busy !== null;
  const measured = scan?.sheets.filter((s) => !s.skipped && s.tables.length > 0) ?? [];
  const actionable = !busy && measured.length > 0;
  // A ticked sheet that a later read no longer lists (renamed, deleted) has no box left to untick: it does not count.
  const chosen = measured.map((s) => s.sheet).filter((sheet) => ticked.has(sheet));
  const applyLabel =
    chosen.length > 0 ? `Apply rules to ${counted(chosen.length, "ticked sheet")}` : "Apply rules to all sheets";

  return (
    <main className={styles.pane} aria-busy={busy}>
      <header className={styles.header}>
        <Title3 as="h1">Scorecard</Title3>
        <Caption1>RAG status, trends and committee summaries</Caption1>
      </header>

      <div className={styles.sticky}>
        {/* disabledFocusable: a keyboard user who started an operation keeps focus on its button while it runs. */}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={apply} disabledFocusable={!actionable}>
            {applyLabel}
          </Button>
          <Button onClick={summary} disabledFocusable={!actionable}>
            Generate summary sheet
          </Button>
        </div>
        {unsavedSettings && (
          <Caption1 role="status" className={styles.unsaved}>
            Settings not saved: Apply rules and the summary use the saved settings until you click Save settings.
          </Caption1>
        )}

        <div aria-live="polite">
          {job && (
            <Field label={job.title} hint={job.what} data-testid="progress">
              <ProgressBar value={job.total > 0 ? job.done / job.total : undefined} max={1} />
            </Field>
          )}
          {shownOutcome && (
            <MessageBar ref={outcomeRef} intent={shownOutcome.intent} data-testid="outcome" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{shownOutcome.title}</MessageBarTitle>
                {/* Focusable, so a keyboard user can scroll a long message. */}
                <ul className={styles.messageLines} tabIndex={0} aria-label="Details">
                  {shownOutcome.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </MessageBarBody>
              <MessageBarActions>
                {shownOutcome.offer === "apply" && (
                  <Button size="small" onClick={apply} disabledFocusable={!actionable}>
                    Apply rules again
                  </Button>
                )}
                <Button appearance="transparent" size="small" onClick={() => setDismissed(shownOutcome.id)}>
                  Dismiss
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
      </div>

      <Tabs<TabName>
        label="Scorecard sections"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { value: "sheets", label: "Sheets", id: "tab-sheets", controls: "tab-panel" },
          { value: "chart", label: "SPC chart", id: "tab-chart", controls: "tab-panel" },
          { value: "settings", label: "Settings", id: "tab-settings", controls: "tab-panel" },
          { value: "help", label: "Help", id: "tab-help", controls: "tab-panel" },
        ]}
      />

      {/* Named by its tab ("Sheets"), as screen readers announce it; one panel whose content follows the tab. */}
      <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${tab}`} className={styles.tabPanel}>
        {tab === "sheets" && (
          <SheetsTab
            scan={scan}
            scanError={scanError}
            onRetry={rescan}
            ticked={ticked}
            onTick={(sheet, on) =>
              setTicked((t) => {
                const next = new Set(t);
                if (on) next.add(sheet);
                else next.delete(sheet);
                return next;
              })
            }
            busy={busy}
            onSelectProblem={(p) =>
              operations
                .select(p)
                .catch((e: unknown) => publishOutcome(errorOutcome(`go to ${p.sheet}!${p.cell}`, e, "pane")))
            }
          />
        )}
        {tab === "chart" && (
          <SpcChartTab
            operations={operations}
            version={scan}
            selected={spcMeasure}
            onSelect={setSpcMeasure}
            onAdd={(key) => void addSpcChart(key)}
            busy={busy}
          />
        )}
        {tab === "settings" &&
          (scan ? (
            // Keyed by the stored settings: the form starts again from them whenever they change.
            <SettingsPanel
              key={JSON.stringify(scan.settings)}
              settings={scan.settings}
              sheets={measured.map((s) => s.sheet)}
              defaults={operations.defaults ?? DEFAULT_SETTINGS}
              onSave={(settings) => void saveSettings(settings)}
              onReset={(settings) => void saveSettings(settings, true)}
              disabled={busy}
              onUnsavedChange={setUnsavedSettings}
            />
          ) : (
            <Spinner size="small" label="Reading the settings…" />
          ))}
        {tab === "help" && <HelpPanel />}
      </div>
    </main>
  );
}

interface SheetsTabProps {
  readonly scan: ScanReport | null;
  readonly scanError: string | null;
  readonly onRetry: () => void;
  readonly ticked: ReadonlySet<string>;
  readonly onTick: (sheet: string, on: boolean) => void;
  readonly busy: boolean;
  readonly onSelectProblem: (p: { sheet: string; cell: string }) => void;
}

function SheetsTab({ scan, scanError, onRetry, ticked, onTick, busy, onSelectProblem }: SheetsTabProps) {
  const styles = useStyles();
  if (scanError)
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Could not read the workbook</MessageBarTitle>
          {scanError}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (!scan) return <Spinner size="small" label="Reading the workbook…" />;
  const sheets = scan.sheets.filter((s) => s.tables.length > 0);
  const others = scan.sheets.filter((s) => s.tables.length === 0);
  return (
    <div className={styles.section}>
      <section className={styles.section} aria-labelledby="sheets-heading">
        <Subtitle2 as="h2" id="sheets-heading">
          Sheets
        </Subtitle2>
        {sheets.length === 0 ? (
          <Caption1>
            No measure tables found. A table needs headers such as Measure, Value, Target and Aim (polarity).
          </Caption1>
        ) : (
          <>
            <Caption1>Tick sheets to apply the rules to them only.</Caption1>
            <SheetList
              sheets={sheets}
              summary={scan.summary}
              colours={scan.settings.colours}
              ticked={ticked}
              onTick={onTick}
              disabled={busy}
            />
          </>
        )}
        {others.length > 0 && (
          <Caption1>
            Other sheets: {others.map((s) => `${s.sheet} (${s.skipped ?? "no measure table"})`).join(", ")}.
          </Caption1>
        )}
      </section>
      <section className={styles.section} aria-labelledby="problems-heading">
        <Subtitle2 as="h2" id="problems-heading">
          Data problems ({scan.problems.length})
        </Subtitle2>
        <ProblemList problems={scan.problems} onSelect={onSelectProblem} />
      </section>
    </div>
  );
}
