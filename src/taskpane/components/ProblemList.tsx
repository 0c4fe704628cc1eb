import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../../workbook/model";

const SHOWN_AT_FIRST = 50;

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0 },
  entry: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  text: { overflowWrap: "anywhere" },
  where: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
});

export interface ProblemListProps {
  readonly problems: readonly Problem[];
  readonly onSelect: (problem: Problem) => void;
}

/** Data problems found by the scan; each entry takes the user to its cell. */
export function ProblemList({ problems, onSelect }: ProblemListProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  if (problems.length === 0) return <Caption1>No data problems found.</Caption1>;
  const shown = showAll ? problems : problems.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <ul className={styles.list} aria-label="Data problems">
        {shown.map((p, i) => (
          <li key={`${p.sheet}!${p.cell}#${i}`}>
            <Button
              appearance="subtle"
              className={styles.entry}
              onClick={() => onSelect(p)}
              title={`Go to ${p.sheet}!${p.cell}`}
              data-problem={`${p.sheet}!${p.cell}`}
            >
              <span className={styles.text}>
                <span className={styles.where}>
                  {p.sheet}!{p.cell}
                </span>
                {p.message}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {shown.length < problems.length && (
        <Button appearance="transparent" onClick={() => setShowAll(true)}>
          Show all {problems.length} problems
        </Button>
      )}
    </>
  );
}
