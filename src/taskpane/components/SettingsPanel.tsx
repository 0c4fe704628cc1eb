import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { STATUSES, type Status } from "../../core";
import { contrastRatio, isValidSheetName, MIN_CONTRAST, sheetBandKey, type Settings } from "../../workbook/settings";
import { HEX_COLOUR } from "./statusColours";
import { sheetKey } from "../../workbook/sheetNames";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  colours: {
    display: "grid",
    gridTemplateColumns: "minmax(56px, auto) minmax(0, 1fr) minmax(0, 1fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    border: "none",
    padding: 0,
    margin: 0,
    minWidth: 0,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: "none",
    padding: 0,
    margin: 0,
    minWidth: 0,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  sheetBand: { minWidth: 0, width: "100%", maxWidth: "10em" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  columnHead: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  chip: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: "center",
  },
  input: { minWidth: 0, width: "100%" },
  colourPair: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  picker: {
    flexShrink: 0,
    width: "28px",
    height: "28px",
    padding: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  warning: { gridColumn: "1 / -1", color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export interface SettingsPanelProps {
  readonly settings: Settings;
  /** The directorate sheets the scan found: each may have an amber band of its own. */
  readonly sheets: readonly string[];
  readonly onSave: (settings: Settings) => void;
  /** What "Reset to defaults" restores, once the user has confirmed it. */
  readonly defaults: Settings;
  readonly onReset: (defaults: Settings) => void;
  readonly disabled: boolean;
  /** Told whether the form differs from the stored settings, which Apply and the summary use until it is saved. */
  readonly onUnsavedChange?: (unsaved: boolean) => void;
}

/** Band as the user types it (percent text) so half-typed numbers are not rewritten under their fingers. */
function bandText(band: number): string {
  return String(Math.round(band * 1000) / 10);
}

function parseBandText(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(n) && n >= 0 && n < 100 ? n / 100 : null;
}

const ERROR_BAND = "Enter a number from 0 to 99.9";

/**
 * The sheets offered a band of their own: the scanned ones, then any stored for a sheet the scan did not find
 * (renamed, deleted), so a band is never kept where the user cannot see or clear it.
 */
function sheetsWithBands(sheets: readonly string[], sheetBands: Settings["sheetBands"]): string[] {
  const scanned = new Set(sheets.map(sheetKey));
  return [...sheets, ...Object.keys(sheetBands).filter((key) => !scanned.has(sheetKey(key)))];
}

/** The workbook's Scorecard settings; saved into the workbook so Excel and the CLI share them. Edits a copy of `settings`. */
export function SettingsPanel({
  settings,
  sheets,
  onSave,
  defaults,
  onReset,
  disabled,
  onUnsavedChange,
}: SettingsPanelProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Settings>(settings);
  const [band, setBand] = useState(bandText(settings.band));
  const sheetBandsHint = useId();
  // Only what the user typed; a sheet not typed into shows its stored band (blank: the workbook's band).
  const [sheetBandEdits, setSheetBandEdits] = useState<Readonly<Record<string, string>>>({});

  const bandValue = parseBandText(band);
  const sheetBandRows = sheetsWithBands(sheets, settings.sheetBands).map((sheet) => {
    const key = sheetBandKey(settings.sheetBands, sheet);
    const text = sheetBandEdits[sheet] ?? (key === undefined ? "" : bandText(settings.sheetBands[key]));
    return { sheet, text, value: text.trim() === "" ? undefined : parseBandText(text) };
  });
  const badColours = STATUSES.filter(
    (s) => !HEX_COLOUR.test(draft.colours[s].fill) || !HEX_COLOUR.test(draft.colours[s].font),
  );
  const sheetName = draft.summarySheetName.trim();
  const sheetNameError = isValidSheetName(sheetName)
    ? undefined
    : "A sheet name has 1 to 31 characters, none of : \\ / ? * [ ], and does not start or end with '";
  const valid =
    bandValue !== null && sheetBandRows.every((r) => r.value !== null) && badColours.length === 0 && !sheetNameError;

  const unsaved =
    bandValue !== settings.band ||
    JSON.stringify(draft) !== JSON.stringify(settings) ||
    sheetBandRows.some(({ sheet, value }) => {
      const key = sheetBandKey(settings.sheetBands, sheet);
      return value !== (key === undefined ? undefined : settings.sheetBands[key]);
    });
  useEffect(() => onUnsavedChange?.(unsaved), [unsaved, onUnsavedChange]);
  // Leaving the form (another tab) drops its edits, so nothing is pending any more.
  useEffect(() => () => onUnsavedChange?.(false), [onUnsavedChange]);

  const setColour = (status: Status, part: "fill" | "font", value: string) =>
    setDraft((d) => ({ ...d, colours: { ...d.colours, [status]: { ...d.colours[status], [part]: value.trim() } } }));

  const save = () => {
    if (!valid) return;
    // Keyed by the sheet's name as it is now; a stored key in another case is replaced, a blank band removed.
    const sheetBands: Record<string, number> = {};
    for (const { sheet, value } of sheetBandRows) if (typeof value === "number") sheetBands[sheet] = value;
    onSave({ ...draft, band: bandValue, summarySheetName: sheetName, sheetBands });
  };

  return (
    <form
      className={styles.form}
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Field
        label="Amber band"
        hint="How far short of target (as % of the target) still counts as Amber. 0 switches Amber off."
        validationMessage={bandValue === null ? ERROR_BAND : undefined}
      >
        <Input
          type="number"
          min={0}
          max={99.9}
          step={0.5}
          value={band}
          contentAfter="%"
          onChange={(_, d) => setBand(d.value)}
          name="band"
        />
      </Field>
      <fieldset className={styles.group} aria-describedby={sheetBandsHint}>
        <legend className={styles.legend}>Per-sheet amber band</legend>
        <Caption1 id={sheetBandsHint} className={styles.hint}>
          {sheetBandRows.length === 0
            ? "No sheets with measure tables found."
            : "Leave blank to use the Amber band above; 0 switches Amber off on that sheet."}
        </Caption1>
        {sheetBandRows.map(({ sheet, text, value }) => (
          <Field
            key={sheet}
            label={sheets.includes(sheet) ? sheet : `${sheet} (no measure table)`}
            orientation="horizontal"
            validationMessage={value === null ? ERROR_BAND : undefined}
          >
            <Input
              className={styles.sheetBand}
              type="number"
              min={0}
              max={99.9}
              step={0.5}
              value={text}
              placeholder="Workbook"
              contentAfter="%"
              onChange={(_, d) => setSheetBandEdits((edits) => ({ ...edits, [sheet]: d.value }))}
              name={`sheetBand-${sheet}`}
            />
          </Field>
        ))}
      </fieldset>
      <Field label="Floor column header" hint="Leave blank to find it automatically (Floor, Minimum, Red threshold).">
        <Input
          value={draft.floorHeader}
          placeholder="Automatic"
          onChange={(_, d) => setDraft({ ...draft, floorHeader: d.value })}
          name="floorHeader"
        />
      </Field>
      <Field
        label="Direction of travel (short and long trend)"
        hint="Whether performance improved, worsened or stayed the same since the previous period, and against the average of up to 4 earlier ones."
      >
        <RadioGroup
          value={draft.trendLabels}
          onChange={(_, d) => setDraft({ ...draft, trendLabels: d.value === "arrows" ? "arrows" : "words" })}
          name="trendLabels"
        >
          <Radio value="words" label="Words: IMP improved, DET worsened, STATIC unchanged" />
          <Radio value="arrows" label="Arrows: ↑ improved, ↓ worsened, → unchanged" />
        </RadioGroup>
      </Field>
      <Field label="Write results as">
        <RadioGroup
          value={draft.output}
          onChange={(_, d) => setDraft({ ...draft, output: d.value === "values" ? "values" : "formulas" })}
          name="output"
        >
          <Radio value="formulas" label="Live formulas (recalculate when figures change)" />
          <Radio value="values" label="Values (for files opened without the add-in)" />
        </RadioGroup>
      </Field>
      <Field
        label="Statistical process control (SPC)"
        hint="Adds Variation and Assurance columns, as NHS Making Data Count reads a measure with 12 or more periods of history."
      >
        <Switch
          checked={draft.spc}
          onChange={(_, d) => setDraft({ ...draft, spc: d.checked })}
          label={draft.spc ? "On" : "Off"}
          name="spc"
        />
      </Field>
      <Field label="Summary sheet name" validationMessage={sheetNameError}>
        <Input
          value={draft.summarySheetName}
          onChange={(_, d) => setDraft({ ...draft, summarySheetName: d.value })}
          name="summarySheetName"
        />
      </Field>
      <fieldset className={styles.colours}>
        <legend className={styles.legend}>Status colours</legend>
        <span className={styles.columnHead}>Status</span>
        <span className={styles.columnHead}>Fill</span>
        <span className={styles.columnHead}>Text</span>
        {STATUSES.map((s) => {
          const { fill, font } = draft.colours[s];
          const contrast = badColours.includes(s) ? null : contrastRatio(fill, font);
          return (
            <ColourRow
              key={s}
              status={s}
              fill={fill}
              font={font}
              onChange={setColour}
              warning={
                contrast === null
                  ? `${s}: use colours like #00B050`
                  : contrast < MIN_CONTRAST
                    ? `${s}: text may be hard to read (contrast ${contrast.toFixed(1)}:1, aim for ${MIN_CONTRAST}:1)`
                    : undefined
              }
            />
          );
        })}
      </fieldset>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={disabled || !valid}>
          Save settings
        </Button>
        <ResetButton disabled={disabled} onReset={() => onReset(defaults)} />
      </div>
    </form>
  );
}

/**
 * Reset asks first: it replaces every setting, per-sheet bands and colours included. The question is asked in
 * place, not in a modal dialog, so the pane stays one page for keyboard and screen-reader users.
 */
function ResetButton({ disabled, onReset }: { readonly disabled: boolean; readonly onReset: () => void }) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  if (!asking)
    return (
      <Button ref={opener} disabled={disabled} onClick={() => setAsking(true)}>
        Reset to defaults…
      </Button>
    );
  return (
    <div
      role="group"
      aria-labelledby={`${RESET_ID}-title`}
      aria-describedby={`${RESET_ID}-text`}
      className={styles.confirm}
    >
      <Text weight="semibold" id={`${RESET_ID}-title`}>
        Reset every setting to its default?
      </Text>
      <Caption1 id={`${RESET_ID}-text`}>
        The amber band, per-sheet bands, floor column, direction-of-travel labels, how results are written, the summary
        sheet name and the status colours go back to their defaults. The sheets keep their current statuses until the
        rules are applied again.
      </Caption1>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={disabled}
          onClick={() => {
            setAsking(false);
            onReset();
          }}
        >
          Reset
        </Button>
        <Button ref={cancel} onClick={close}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

const RESET_ID = "reset-settings";

interface ColourRowProps {
  readonly status: Status;
  readonly fill: string;
  readonly font: string;
  readonly warning: string | undefined;
  readonly onChange: (status: Status, part: "fill" | "font", value: string) => void;
}

function ColourRow({ status, fill, font, warning, onChange }: ColourRowProps) {
  const styles = useStyles();
  const shown = (c: string, fallback: string) => (HEX_COLOUR.test(c) ? c : fallback);
  return (
    <>
      <span
        className={styles.chip}
        style={{ backgroundColor: shown(fill, "transparent"), color: shown(font, "inherit") }}
      >
        {status}
      </span>
      <ColourInput status={status} part="fill" value={fill} onChange={onChange} />
      <ColourInput status={status} part="font" value={font} onChange={onChange} />
      {warning && (
        <span className={styles.warning} role="status">
          {warning}
        </span>
      )}
    </>
  );
}

interface ColourInputProps {
  readonly status: Status;
  readonly part: "fill" | "font";
  readonly value: string;
  readonly onChange: (status: Status, part: "fill" | "font", value: string) => void;
}

/** A colour picker beside the hex box: pick by eye, or type the house colour exactly. Both edit one value. */
function ColourInput({ status, part, value, onChange }: ColourInputProps) {
  const styles = useStyles();
  const name = `${status} ${part === "fill" ? "fill" : "text"} colour`;
  return (
    <div className={styles.colourPair}>
      <input
        type="color"
        className={styles.picker}
        value={HEX_COLOUR.test(value) ? value.toLowerCase() : "#000000"}
        aria-label={`${name}, picker`}
        onChange={(e) => onChange(status, part, e.target.value.toUpperCase())}
        name={`${status}-${part}-picker`}
      />
      <Input
        className={styles.input}
        value={value}
        aria-label={name}
        onChange={(_, d) => onChange(status, part, d.value)}
        aria-invalid={!HEX_COLOUR.test(value)}
        name={`${status}-${part}`}
      />
    </div>
  );
}
