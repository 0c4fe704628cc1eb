import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { PreviewSheet } from "./preview";

// The grid is drawn like Excel's (white cells, black text) in every theme, so the sheet's own colours read as in Excel.
const EXCEL_CELL = "#FFFFFF";
const EXCEL_TEXT = "#000000";
const EXCEL_GRIDLINE = "#D4D4D4";

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: "200px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  caption: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)" },
  head: {
    position: "sticky",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    zIndex: 1,
  },
  columnHead: { top: 0, minWidth: "48px" },
  rowHead: { left: 0, textAlign: "right" },
  corner: { top: 0, left: 0, zIndex: 2 },
  cell: {
    backgroundColor: EXCEL_CELL,
    color: EXCEL_TEXT,
    border: `1px solid ${EXCEL_GRIDLINE}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
    maxWidth: "260px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  numeric: { textAlign: "right" },
  highlight: { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
});

export interface PreviewGridProps {
  readonly sheet: PreviewSheet;
  /** A1 address of the cell to show as selected. */
  readonly highlight: string | null;
}

/** Read-only view of one sheet: values as Excel shows them, with their fill and text colours. */
export function PreviewGrid({ sheet, highlight }: PreviewGridProps) {
  const styles = useStyles();
  const highlighted = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [highlight, sheet]);

  return (
    <>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={`Preview of sheet ${sheet.name}`}>
        <table className={styles.table}>
          <caption className={styles.caption}>
            Sheet {sheet.name}
            {highlight ? `, cell ${highlight} selected` : ""}
          </caption>
          <thead>
            <tr>
              <td className={mergeClasses(styles.head, styles.corner)} />
              {sheet.columns.map((c) => (
                <th key={c} scope="col" className={mergeClasses(styles.head, styles.columnHead)}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
                  {r + 1}
                </th>
                {row.map((cell, c) => {
                  const address = `${sheet.columns[c]}${r + 1}`;
                  const selected = address === highlight;
                  return (
                    <td
                      key={c}
                      ref={selected ? highlighted : undefined}
                      data-cell={address}
                      data-selected={selected || undefined}
                      className={mergeClasses(
                        styles.cell,
                        cell.numeric && styles.numeric,
                        selected && styles.highlight,
                      )}
                      style={{
                        ...(cell.fill && { backgroundColor: cell.fill }),
                        ...(cell.font && { color: cell.font }),
                        ...(cell.bold && { fontWeight: 600 }),
                      }}
                      title={cell.text.length > 30 ? cell.text : undefined}
                    >
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.truncated && <Caption1>The preview shows the first 300 rows and 40 columns.</Caption1>}
    </>
  );
}
