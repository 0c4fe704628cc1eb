import { makeStyles, tokens } from "@fluentui/react-components";
import { STATUSES, type Status } from "../../core";
import type { StatusColours } from "./statusColours";

export interface RagCounts {
  readonly green: number;
  readonly amber: number;
  readonly red: number;
  readonly na: number;
}

const useStyles = makeStyles({
  bar: {
    display: "flex",
    height: "8px",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    // Keeps the segments apart where the status colours are close to each other or to the background.
    gap: "1px",
    // In forced colours the fills vanish; the counts below still tell the story.
    "@media (forced-colors: active)": { display: "none" },
  },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    listStyleType: "none",
    padding: 0,
    marginBottom: 0,
  },
  swatch: {
    display: "inline-block",
    width: "8px",
    height: "8px",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusCircular,
    outline: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

function countOf(counts: RagCounts, status: Status): number {
  return { Green: counts.green, Amber: counts.amber, Red: counts.red, NA: counts.na }[status];
}

/** Status mix of one sheet: a bar for the eye, and the counts in words for everyone (colour is never the only cue). */
export function RagBar({ counts, colours, label }: { counts: RagCounts; colours: StatusColours; label: string }) {
  const styles = useStyles();
  const total = STATUSES.reduce((n, s) => n + countOf(counts, s), 0);
  return (
    <div>
      <div className={styles.bar} aria-hidden="true">
        {total > 0 &&
          STATUSES.filter((s) => countOf(counts, s) > 0).map((s) => (
            <span key={s} style={{ flexGrow: countOf(counts, s), backgroundColor: colours[s].fill }} />
          ))}
      </div>
      <ul className={styles.legend} aria-label={label}>
        {STATUSES.map((s) => (
          <li key={s} data-status={s}>
            <span className={styles.swatch} style={{ backgroundColor: colours[s].fill }} aria-hidden="true" />
            {s} {countOf(counts, s)}
          </li>
        ))}
      </ul>
    </div>
  );
}
