import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "nowrap",
    gap: tokens.spacingHorizontalXXS,
    overflowX: "auto",
    flexShrink: 0,
    minWidth: 0,
  },
  tab: {
    position: "relative",
    flexShrink: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "nowrap",
    // No hover fill: high-contrast themes' hover fill is their highlight colour, which the text would not contrast with.
    ":hover": { color: tokens.colorNeutralForeground1, "::after": { backgroundColor: tokens.colorNeutralStroke1 } },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      bottom: 0,
      height: "3px",
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    "@media (forced-colors: active)": { "::after": { backgroundColor: "Highlight" } },
  },
});

export interface TabsProps<T extends string> {
  readonly label: string;
  readonly tabs: readonly {
    readonly value: T;
    readonly label: string;
    readonly id?: string;
    readonly controls?: string;
  }[];
  readonly selected: T;
  readonly onSelect: (value: T) => void;
  readonly className?: string;
}

/**
 * A tab list (WAI-ARIA tabs pattern: one tab in the Tab order, arrows, Home and End move and select). Fluent's
 * TabList puts focus sentinels with aria-hidden in the page, which axe-core reports as aria-hidden-focus.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, className }: TabsProps<T>) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      e.key === "ArrowRight" || e.key === "ArrowDown"
        ? (index + 1) % tabs.length
        : e.key === "ArrowLeft" || e.key === "ArrowUp"
          ? (index + last) % tabs.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next].value);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label={label} className={mergeClasses(styles.list, className)}>
      {tabs.map((tab, i) => {
        const on = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={tab.id}
            aria-controls={tab.controls}
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => move(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
