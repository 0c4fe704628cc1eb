import { Combobox, Field, makeStyles, Option, OptionGroup, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { counted } from "../../core";
import { SPC_MIN_POINTS } from "../../core/spc";
import { matchingMeasures, measureTitle, type SpcChartMeasure } from "../../workbook/spcChart";

const useStyles = makeStyles({
  option: { display: "flex", flexDirection: "column", minWidth: 0 },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  combobox: { minWidth: 0, width: "100%" },
  more: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/**
 * The list shows at most this many matches: a 50,000-row history of 2,000 measures took 1.4 s a keystroke to render
 * them all (new-user trial 2), and nobody scrolls through more than this; typing narrows the rest.
 */
export const MAX_SHOWN = 100;

/** "Type to narrow: 1,900 more", for the matches the list leaves out; null when all are shown. */
export function moreText(matches: number): string | null {
  const more = matches - MAX_SHOWN;
  return more > 0 ? `Type to narrow: ${more.toLocaleString("en-GB")} more` : null;
}

/** Why the picker cannot be used, in plain words; null when some measure can be charted. */
export function pickerProblem(measures: readonly SpcChartMeasure[]): string | null {
  if (measures.length === 0) {
    return (
      `No measure has a history: an SPC chart needs a table with a row per period or a column per month, ` +
      `and ${SPC_MIN_POINTS} or more figures for the measure.`
    );
  }
  if (measures.some((m) => m.ready)) return null;
  const most = Math.max(...measures.map((m) => m.points));
  return (
    `SPC needs ${SPC_MIN_POINTS} or more figures for a measure; the ${counted(measures.length, "measure")} ` +
    `with a history here have at most ${most}. Add more periods to chart them.`
  );
}

export interface SpcMeasurePickerProps {
  readonly measures: readonly SpcChartMeasure[];
  readonly selected: string | null;
  readonly onSelect: (key: string) => void;
  readonly disabled?: boolean;
}

/**
 * The measure to chart: a searchable list grouped by sheet. Measures with too short a history are listed, greyed,
 * with their count of figures, so nobody wonders where a measure went.
 */
export function SpcMeasurePicker({ measures, selected, onSelect, disabled = false }: SpcMeasurePickerProps) {
  const styles = useStyles();
  const chosen = measures.find((m) => m.key === selected) ?? null;
  // What is typed; null while showing the chosen measure's name (the whole list is offered then, not one match).
  const [query, setQuery] = useState<string | null>(null);
  const problem = pickerProblem(measures);
  const matches = matchingMeasures(measures, query ?? "");
  const shown = matches.slice(0, MAX_SHOWN);
  const more = moreText(matches.length);
  const sheets = [...new Set(shown.map((m) => m.sheet))];
  const hint = problem ?? `Measures with ${SPC_MIN_POINTS} or more figures can be charted. Type to search.`;
  return (
    // The hint (the field's description) carries "N more" too, for a screen reader that skips the line in the list.
    <Field label="Measure" hint={more ? `${hint} ${more}.` : hint}>
      <Combobox
        className={styles.combobox}
        // The chevron is not a tab stop: typing or Alt+Down opens the list from the box, so Tab goes straight to the
        // next control, as in the ARIA Practices combobox examples (their Open button has tabindex="-1").
        expandIcon={{ tabIndex: -1 }}
        placeholder={problem ? "No measure to chart" : "Choose a measure"}
        disabled={disabled || problem !== null}
        value={query ?? (chosen ? measureTitle(chosen) : "")}
        selectedOptions={chosen ? [chosen.key] : []}
        onChange={(e) => setQuery(e.target.value)}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(null);
        }}
        onOptionSelect={(_, data) => {
          setQuery(null);
          if (data.optionValue) onSelect(data.optionValue);
        }}
      >
        {sheets.map((sheet) => (
          <OptionGroup key={sheet} label={sheet}>
            {shown
              .filter((m) => m.sheet === sheet)
              .map((m) => (
                <Option key={m.key} value={m.key} text={measureTitle(m)} disabled={!m.ready}>
                  <span className={styles.option}>
                    <span>{measureTitle(m)}</span>
                    <span className={styles.detail}>
                      {m.ready
                        ? counted(m.points, "figure")
                        : `${counted(m.points, "figure")}: SPC needs ${SPC_MIN_POINTS}`}
                    </span>
                  </span>
                </Option>
              ))}
          </OptionGroup>
        ))}
        {more && <div className={styles.more}>{more}</div>}
        {shown.length === 0 && (
          <Option value="" text="" disabled>
            No measure matches &quot;{query}&quot;
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
