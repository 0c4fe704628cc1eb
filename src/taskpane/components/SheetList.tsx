import { Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { counted, type SheetSummary } from "../../core";
import type { SheetScan } from "../../workbook/model";
import { RagBar } from "./RagBar";
import type { StatusColours } from "./statusColours";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  details: { display: "block", marginLeft: "32px", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  bar: { marginLeft: "32px", marginTop: tokens.spacingVerticalXXS },
  // Fluent greys an unticked box's label; here unticked is the usual state (all sheets), not an unavailable one.
  label: { color: tokens.colorNeutralForeground1 },
});

export interface SheetListProps {
  readonly sheets: readonly SheetScan[];
  readonly summary: readonly SheetSummary[];
  readonly colours: StatusColours;
  readonly ticked: ReadonlySet<string>;
  readonly onTick: (sheet: string, ticked: boolean) => void;
  readonly disabled: boolean;
}

function describe(sheet: SheetScan): string {
  const measures = sheet.tables.reduce((n, t) => n + t.measures, 0);
  const layouts = [...new Set(sheet.tables.map((t) => t.layout))].join(", ");
  return `${counted(sheet.tables.length, "table")} (${layouts}) · ${counted(measures, "measure")}`;
}

/** The directorate sheets found by the scan, each with a tick box to limit Apply rules to it. */
export function SheetList({ sheets, summary, colours, ticked, onTick, disabled }: SheetListProps) {
  const styles = useStyles();
  const bySheet = new Map(summary.map((s) => [s.sheet, s]));
  // By position, not by name: names that differ only in punctuation or case would share an id.
  const idPrefix = useId();
  return (
    <ul className={styles.list} aria-label="Sheets with measure tables">
      {sheets.map((sheet, i) => {
        const counts = bySheet.get(sheet.sheet);
        const detailsId = `${idPrefix}-details-${i}`;
        return (
          <li key={sheet.sheet} className={styles.item} data-sheet={sheet.sheet}>
            <Checkbox
              label={{ children: sheet.sheet, className: disabled ? undefined : styles.label }}
              checked={ticked.has(sheet.sheet)}
              disabled={disabled}
              onChange={(_, data) => onTick(sheet.sheet, data.checked === true)}
              aria-describedby={detailsId}
            />
            <Caption1 id={detailsId} className={styles.details}>
              {describe(sheet)}
            </Caption1>
            {counts && counts.total > 0 && (
              <div className={styles.bar}>
                <RagBar counts={counts} colours={colours} label={`Statuses on ${sheet.sheet}`} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
