import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { errorText } from "../../shared/messages";
import type { SpcChartMeasure } from "../../workbook/spcChart";
import type { PaneOperations, PaneSpcChart } from "../operations";
import { SpcChartPreview } from "./SpcChartPreview";
import { SpcMeasurePicker } from "./SpcMeasurePicker";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  add: { alignSelf: "flex-start" },
  chart: { minWidth: 0 },
});

/** What was read, and for which request: a result for an earlier request means the new one is still loading. */
type Read<R, T> = { readonly request: R } & (
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }
);

export interface SpcChartTabProps {
  readonly operations: Pick<PaneOperations, "spcMeasures" | "spcChart">;
  /** Changes whenever the workbook was read again: the list and the chart are read afresh. */
  readonly version: unknown;
  /** The chosen measure's key; kept by the pane, so the choice survives switching tabs. */
  readonly selected: string | null;
  readonly onSelect: (key: string) => void;
  /** Draws the chosen measure's chart in the workbook. */
  readonly onAdd: (key: string) => void;
  /** An operation is running: nothing can be added meanwhile. */
  readonly busy: boolean;
}

/** The SPC chart of one measure: pick it, see the chart, add it to the workbook. */
export function SpcChartTab({ operations, version, selected, onSelect, onAdd, busy }: SpcChartTabProps) {
  const styles = useStyles();
  const [retries, setRetries] = useState(0);
  // The last list and chart read stay on screen while the workbook is read again (after Add chart, say): the
  // controls a keyboard user is on stay where they are, and nothing flickers.
  const [measures, setMeasures] = useState<Read<number, SpcChartMeasure[]> | null>(null);
  useEffect(() => {
    let current = true;
    operations.spcMeasures().then(
      (value) => current && setMeasures({ request: retries, ok: true, value }),
      (e: unknown) => current && setMeasures({ request: retries, ok: false, message: errorText(e) }),
    );
    return () => {
      current = false;
    };
  }, [operations, version, retries]);
  // A failure is shown until "Try again" is clicked; then the pane waits for the new read.
  const listed = measures && (measures.ok || measures.request === retries) ? measures : null;

  const list = listed?.ok ? listed.value : null;
  // The chosen measure may have gone (renamed, deleted) since it was chosen: then there is nothing to draw.
  const shownKey = list?.some((m) => m.key === selected && m.ready) ? selected : null;
  const [chart, setChart] = useState<Read<string, PaneSpcChart> | null>(null);
  useEffect(() => {
    if (shownKey === null) return;
    let current = true;
    operations.spcChart(shownKey).then(
      (value) => current && setChart({ request: shownKey, ok: true, value }),
      (e: unknown) => current && setChart({ request: shownKey, ok: false, message: errorText(e) }),
    );
    return () => {
      current = false;
    };
  }, [operations, shownKey, list]);
  const drawing = chart && chart.request === shownKey ? chart : null;
  const drawnKey = drawing?.ok && drawing.value.ok ? drawing.value.chart.key : null;

  // A newly picked measure's chart is brought into view: in a short pane it is drawn below the fold, and nothing
  // else says it is there. Not on coming back to the tab (the chart chosen before), and focus stays where it is.
  const chartBox = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef(selected);
  useEffect(() => {
    if (drawnKey === null || drawnKey === scrolledFor.current) return;
    scrolledFor.current = drawnKey;
    chartBox.current?.scrollIntoView({ block: "nearest" });
  }, [drawnKey]);

  if (listed === null) return <Spinner size="small" label="Finding measures with a history…" />;
  if (!listed.ok)
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Could not read the measures</MessageBarTitle>
          {listed.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setRetries((n) => n + 1)}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );

  const drawn = drawing?.ok && drawing.value.ok ? drawing.value : null;
  return (
    <section className={styles.section} aria-labelledby="spc-heading">
      <Subtitle2 as="h2" id="spc-heading">
        SPC chart
      </Subtitle2>
      <Caption1>
        A measure&apos;s history with its mean and process limits, special-cause points marked as Making Data Count
        marks them.
      </Caption1>
      <SpcMeasurePicker measures={listed.value} selected={shownKey} onSelect={onSelect} />
      {shownKey !== null && drawing === null && <Spinner size="small" label="Drawing the chart…" />}
      {drawing && !drawing.ok && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not draw the chart</MessageBarTitle>
            {drawing.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {drawing?.ok && !drawing.value.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{drawing.value.problem}</MessageBarBody>
        </MessageBar>
      )}
      {drawn && (
        <>
          {/* disabledFocusable: focus stays on the button while the chart is being added. */}
          <Button className={styles.add} onClick={() => onAdd(drawn.chart.key)} disabledFocusable={busy}>
            Add chart to workbook
          </Button>
          <div ref={chartBox} className={styles.chart}>
            <SpcChartPreview chart={drawn.chart} percent={drawn.percent} />
          </div>
        </>
      )}
    </section>
  );
}
