import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflowWrap: "anywhere" },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  term: { fontWeight: tokens.fontWeightSemibold },
  definitions: { margin: 0, "& dd": { marginLeft: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalXS } },
});

interface FunctionHelp {
  readonly signature: string;
  readonly what: string;
  readonly example: string;
  readonly result: string;
}

const FUNCTIONS: readonly FunctionHelp[] = [
  {
    signature: "KPI.RAG(value, target, aim, [band], [floor])",
    what: "Status of a measure: Green, Amber, Red or NA.",
    example: '=KPI.RAG(96, 100, "Maximise")',
    result: "Amber (4% short of target, inside the 5% band)",
  },
  {
    signature: "KPI.TREND(current, previous, aim, [target])",
    what: "Short-term trend against the previous period: IMP, DET, STATIC or NA. The target is only needed for Goldilocks measures.",
    example: '=KPI.TREND(10.2, 10.6, "Lower is better")',
    result: "IMP",
  },
  {
    signature: "KPI.LONGTREND(current, previous_values, aim, [target])",
    what: "Long-term trend against the average of the numbers among the previous (up to 4) periods.",
    example: '=KPI.LONGTREND(E5, E6:E9, "Max")',
    result: "IMP when E5 is above the average of E6:E9",
  },
  {
    signature: "KPI.GAP(value, target, aim)",
    what: "Signed gap to target as a fraction of the target; positive is better than target, 0 inside a range.",
    example: '=KPI.GAP(28, 30, "Maximise")',
    result: "-0.067 (6.7% short)",
  },
  {
    signature: "KPI.REASON(value, target, aim, [band], [floor])",
    what: "The one-line reason behind the status.",
    example: '=KPI.REASON(28, 30, "Maximise")',
    result: "Red: 6.7% below target 30 (Maximise, amber band 5%)",
  },
  {
    signature: "KPI.SPC(values, aim)",
    what: "SPC variation of a measure's latest figure, from its history in time order (a row or column; a block gives one result per row).",
    example: '=KPI.SPC(E5:Q5, "Maximise")',
    result: "Improvement (high) when the latest months are special cause on the good side",
  },
  {
    signature: "KPI.ASSURANCE(values, aim, target)",
    what: "Whether the process limits say the target will be met every time (Pass), never (Fail) or only sometimes.",
    example: '=KPI.ASSURANCE(E5:Q5, "Maximise", 80%)',
    result: "Fail when 80% is above the upper process limit",
  },
];

/** Built-in help: the rules in plain words (as SPEC.md states them) and the KPI functions with examples. */
export function HelpPanel() {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible defaultOpenItems={["statuses"]}>
      <AccordionItem value="statuses">
        <AccordionHeader as="h2">What the statuses mean</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <p>
            The gap is how far the value falls short of its target, as a share of the target. The aim (polarity) says
            which way is good: Maximise (higher is better), Minimise (lower is better) or Goldilocks (within a range:
            the value should sit inside a target range, neither too low nor too high).
          </p>
          <dl className={styles.definitions}>
            <dt className={styles.term}>Green</dt>
            <dd>The target is met or beaten (inside the range for Goldilocks, bounds included).</dd>
            <dt className={styles.term}>Amber</dt>
            <dd>
              Short of target by less than the amber band (5% unless set otherwise): 96 against a target of 100 is 4%
              short. With a floor, Amber means worse than target but not worse than the floor.
            </dd>
            <dt className={styles.term}>Red</dt>
            <dd>
              Short by the band or more: 95 against 100 is exactly 5% short, so Red. The gap is relative, not percentage
              points: 28% against 30% is 6.7% short, Red. With a floor, Red means worse than the floor. With the band at
              0, anything short of target is Red.
            </dd>
            <dt className={styles.term}>NA</dt>
            <dd>
              Not available: the value or target is blank or not a number (NA, n/a, -, redacted, tbc), or the aim is not
              recognised. NA measures are listed in the summary, never dropped.
            </dd>
          </dl>
          <p>
            A target of 0 has no relative gap: for Maximise any value of 0 or more is Green, for Minimise any value of 0
            or less, otherwise Red.
          </p>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="trends">
        <AccordionHeader as="h2">What the trends mean (direction of travel)</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <ul className={styles.list}>
            <li>
              <span className={styles.term}>Short term</span>: the latest value against the previous period&apos;s
              value.
            </li>
            <li>
              <span className={styles.term}>Long term</span>: the latest value against the average of up to the 4
              previous periods that have a number; NA when there are none.
            </li>
            <li>
              The direction of travel: IMP means better (higher for Maximise, lower for Minimise, closer to the middle
              of the range for Goldilocks), DET worse, STATIC unchanged. Arrows show the same: ↑ IMP, ↓ DET, → STATIC.
            </li>
            <li>
              &quot;Previous&quot; means earlier in time, whatever the order of the rows: periods such as Q1 2020/21,
              2018/19, Sep-13 or 2017 are read and put in order. A period that cannot be read makes that row&apos;s
              trends NA, with a problem listed.
            </li>
          </ul>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="spc">
        <AccordionHeader as="h2">SPC: variation and assurance</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <p>
            Statistical process control reads a measure&apos;s whole history, the way NHS &quot;Making Data Count&quot;
            board reports do. Switch it on under Settings › Statistical process control: measures with a history (a row
            per period, or a column per month) get Variation and Assurance columns. It needs 12 or more figures; with
            fewer both say NA. Blank and NA months are skipped.
          </p>
          <p>
            From the figures come a centre line (their average) and process limits: the range a steady process stays
            within, 2.66 times the average month-to-month change above and below the centre line.
          </p>
          <dl className={styles.definitions}>
            <dt className={styles.term}>Common cause (grey)</dt>
            <dd>The latest figure is within the usual ups and downs: nothing to react to.</dd>
            <dt className={styles.term}>Improvement or Concern (blue or orange), high or low</dt>
            <dd>
              Something has changed. The latest figure is outside the process limits, or ends a run of 7 rising or
              falling figures, or of 7 on one side of the average, or is one of 2 of 3 figures close to a limit. Whether
              that is good (blue) or bad (orange) depends on the aim; for Goldilocks measures it is Neutral (purple).
            </dd>
            <dt className={styles.term}>Assurance: Pass, Fail, Hit and miss</dt>
            <dd>
              Pass (blue): the target is outside the limits on the safe side, so it will be met every time unless the
              process changes. Fail (orange): the target is beyond the limits on the far side, so it will not be met
              without a change. Hit and miss (grey): the target is within the limits, met some months and missed others.
            </dd>
          </dl>
          <p>
            Reading the chart (the SPC chart tab draws one for any measure with 12 or more figures): the line is the
            figures in time order, the solid line across is the average, the dashed lines are the process limits and the
            dotted line is the target. Most figures move about between the limits; that is common cause. A figure marked
            blue (a circle) is a special cause for the better, orange (a square) for the worse and purple (a diamond) a
            change either way for a Goldilocks measure; The figures, under the chart, lists each one with the rule that
            marked it. If the target line is outside the limits, the process cannot reach it (or will always meet it)
            until something changes. Add chart to workbook puts the same chart, with its figures, on a sheet of its own
            (Scorecard SPC), redrawn in place for the next measure you add.
          </p>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="functions">
        <AccordionHeader as="h2">Worksheet functions</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <p>
            Type these in any cell. Each also takes whole columns, e.g.{" "}
            <code className={styles.code}>=KPI.RAG(D2:D400, E2:E400, F2:F400)</code>, and spills one result per row.
          </p>
          <dl className={styles.definitions}>
            {FUNCTIONS.map((f) => (
              <div key={f.signature}>
                <dt>
                  <code className={styles.code}>{f.signature}</code>
                </dt>
                <dd>
                  {f.what} Example: <code className={styles.code}>{f.example}</code> gives {f.result}.
                </dd>
              </div>
            ))}
          </dl>
          <p>
            Aims (polarity) accept Maximise / Higher is better / Up / ↑, Minimise / Lower is better / Down / ↓, and
            Goldilocks / Range / Between (within a range). Range targets can be written &quot;Between 60 and 70&quot;,
            &quot;60-70&quot; or &quot;60 to 70&quot;, or given as two cells.
          </p>
          <p>
            Sharing the workbook: the functions need this add-in. A colleague without it sees the last results until
            Excel recalculates, then <code className={styles.code}>#NAME?</code>, and the formula bar shows{" "}
            <code className={styles.code}>_xldudf_KPI_RAG(…)</code> (the name Excel saves them under). To share a copy
            that works anywhere, choose Values under Settings › Write results as and apply again, or copy the status and
            trend columns and use Paste Values.
          </p>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="summary">
        <AccordionHeader as="h2">The summary sheet</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <p>
            It names the period it covers and has a key to the colours and the direction-of-travel words. For each
            directorate sheet and each outcome group: the number of measures, how many report a status, the Green, Amber
            and Red counts with their codes, the NA measures split into data not available and not rated, the share
            improved long and short term among the reporting measures, e.g. &quot;64% (14 out of 22)&quot;, and a table
            of every measure (Red first) with its period, value, target, status and trends. A chart shows the RAG counts
            per directorate; it prints on A4 landscape. Scorecard owns this sheet and rebuilds it each time; your own
            sheets and cells are never changed except the status and trend columns.
          </p>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
