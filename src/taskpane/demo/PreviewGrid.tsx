import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { MAX_COLS, type PreviewCell, type PreviewChart, type PreviewSheet } from "./preview";

// The grid is drawn like Excel's (white cells, black text) in every theme, so the sheet's own colours read as in Excel.
const EXCEL_CELL = "#FFFFFF";
const EXCEL_TEXT = "#000000";
const EXCEL_GRIDLINE = "#D4D4D4";
const ROW_HEAD_PX = 40;
/** Rough width of one character of the 12 px grid font, to judge whether text needs the next cells. */
const CHAR_PX = 7;
const CELL_PADDING_PX = 4;

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: "200px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
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
  columnHead: { top: 0 },
  rowHead: { left: 0, textAlign: "right" },
  corner: { top: 0, left: 0, zIndex: 2 },
  cell: {
    backgroundColor: EXCEL_CELL,
    color: EXCEL_TEXT,
    border: `1px solid ${EXCEL_GRIDLINE}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  numeric: { textAlign: "right" },
  highlight: { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  // Drawn like a placeholder, not like a cell: the chart itself is in the downloaded file.
  chart: {
    backgroundColor: "#F3F3F3",
    color: "#404040",
    border: "2px dashed #7F7F7F",
    textAlign: "center",
    verticalAlign: "middle",
    padding: tokens.spacingHorizontalM,
    whiteSpace: "normal",
  },
});

type Placed =
  | { readonly kind: "cell"; readonly cell: PreviewCell; readonly c: number; readonly span: number }
  | { readonly kind: "chart"; readonly chart: PreviewChart; readonly c: number };

function chartOver(sheet: PreviewSheet, r: number, c: number): PreviewChart | undefined {
  return sheet.charts.find((ch) => r >= ch.row && r < ch.row + ch.rows && c >= ch.col && c < ch.col + ch.cols);
}

/**
 * Text runs on into the empty, unfilled cells to its right, as Excel shows it (never over the selected cell or a
 * chart). A chart's cells are one box, placed at its top-left cell and spanning the rest.
 */
function spans(sheet: PreviewSheet, r: number, highlight: string | null): Placed[] {
  const row = sheet.rows[r];
  const placed: Placed[] = [];
  for (let c = 0; c < row.length;) {
    const chart = chartOver(sheet, r, c);
    if (chart) {
      if (r === chart.row && c === chart.col) placed.push({ kind: "chart", chart, c });
      c = chart.col + chart.cols;
      continue;
    }
    const cell = row[c];
    let span = 1;
    if (cell.text !== "" && !cell.numeric) {
      const needed = cell.text.length * CHAR_PX + 2 * CELL_PADDING_PX;
      let width = sheet.widths[c];
      while (
        width < needed &&
        c + span < row.length &&
        row[c + span].text === "" &&
        !row[c + span].fill &&
        !chartOver(sheet, r, c + span) &&
        `${sheet.columns[c + span]}${r + 1}` !== highlight
      )
        width += sheet.widths[c + span++];
    }
    placed.push({ kind: "cell", cell, c, span });
    c += span;
  }
  return placed;
}

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
        <table className={styles.table} style={{ width: ROW_HEAD_PX + sheet.widths.reduce((a, b) => a + b, 0) }}>
          <caption className={styles.caption}>
            Sheet {sheet.name}
            {highlight ? `, cell ${highlight} selected` : ""}
          </caption>
          <colgroup>
            <col style={{ width: ROW_HEAD_PX }} />
            {sheet.widths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
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
            {sheet.rows.map((_, r) => (
              <tr key={r}>
                <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
                  {r + 1}
                </th>
                {spans(sheet, r, highlight).map((placed) => {
                  if (placed.kind === "chart") {
                    const { chart, c } = placed;
                    return (
                      <td
                        key={c}
                        rowSpan={chart.rows}
                        colSpan={chart.cols}
                        className={styles.chart}
                        data-chart={chart.title}
                      >
                        Chart: {chart.title} — drawn in the downloaded file
                      </td>
                    );
                  }
                  const { cell, c, span } = placed;
                  const address = `${sheet.columns[c]}${r + 1}`;
                  const selected = address === highlight;
                  return (
                    <td
                      key={c}
                      colSpan={span > 1 ? span : undefined}
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
                      title={cell.text.length > 12 ? cell.text : undefined}
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
      {sheet.truncated && (
        <Caption1>
          The preview shows the first {sheet.maxRows} rows and {MAX_COLS} columns.
        </Caption1>
      )}
    </>
  );
}
