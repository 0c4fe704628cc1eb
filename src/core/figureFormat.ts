/**
 * What a cell's number format shows, for the codes reports use: a percentage, a currency symbol before or after
 * the figure (`"£"#,##0`, `[$€-x-euro2] #,##0.00`, `#,##0 "kr"` is not one: only £ $ € ¥), thousands separators and
 * decimals. Enough to print a figure as its cell shows it where no spreadsheet formats it (the pane's chart, the SPC
 * chart's axis): new-user findings F20/F22, "£1,290,000", not "1290000".
 */
import { round10 } from "./numbers";

export interface FigureFormat {
  readonly percent: boolean;
  /** A currency symbol shown before the figure ("£"), or "" */
  readonly prefix: string;
  /** A currency symbol shown after it ("€" in `#,##0 €`), or "" */
  readonly suffix: string;
  readonly thousands: boolean;
  readonly decimals: number;
}

const CURRENCY = /[£$€¥]/;

/** The format of `code`'s first section (the one positive numbers use); null for General or no code. */
export function readFigureFormat(code: string | undefined): FigureFormat | null {
  if (code === undefined || code.trim() === "" || /^general$/i.test(code.trim())) return null;
  // A locale code [$£-809] shows its symbol; other bracketed codes ([Red], [>100]) show nothing.
  const section = code
    .split(";")[0]
    .replace(/\[\$([^\]-]*)[^\]]*]/g, '"$1"')
    .replace(/\[[^\]]*]/g, "");
  let bare = "";
  let prefix = "";
  let suffix = "";
  const symbol = (text: string) => {
    const found = CURRENCY.exec(text)?.[0];
    if (found === undefined) return;
    if (/[0#?]/.test(bare)) suffix = found;
    else prefix = found;
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const close = section.indexOf('"', i + 1);
      const end = close < 0 ? section.length : close;
      symbol(section.slice(i + 1, end));
      i = end;
    } else if (c === "\\") {
      symbol(section.charAt(i + 1));
      i += 1;
    } else if (CURRENCY.test(c)) symbol(c);
    else bare += c;
  }
  return {
    percent: bare.includes("%"),
    prefix,
    suffix,
    thousands: /[0#?],[0#?]/.test(bare),
    decimals: /\.([0#?]+)/.exec(bare)?.[1].length ?? 0,
  };
}

/** "1290000" -> "1,290,000": the integer part grouped in threes. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A whole number with thousands separators, as Microsoft's pages print a limit: 1048576 -> "1,048,576". */
export function thousands(n: number): string {
  return grouped(String(n));
}

/** `x` as the format shows it, with `decimals` decimals (the format's own unless given): "£1,290,000", "96.1%". */
export function formatFigure(x: number, format: FigureFormat, decimals = format.decimals): string {
  const shown = round10(format.percent ? x * 100 : x);
  const [whole, fraction] = Math.abs(shown).toFixed(decimals).split(".");
  const number = (format.thousands ? grouped(whole) : whole) + (fraction === undefined ? "" : `.${fraction}`);
  const sign = shown < 0 && /[1-9]/.test(number) ? "-" : "";
  return `${sign}${format.prefix}${number}${format.suffix}${format.percent ? "%" : ""}`;
}

/**
 * A figure already written as digits ("-1290000.5") with the format's currency symbol and thousands separators
 * ("-£1,290,000.5"), its decimals kept: the SPC reasons' rounding decides those.
 */
export function withCurrency(digits: string, format: FigureFormat): string {
  const negative = digits.startsWith("-");
  const [whole, fraction] = (negative ? digits.slice(1) : digits).split(".");
  const number = (format.thousands ? grouped(whole) : whole) + (fraction === undefined ? "" : `.${fraction}`);
  return `${negative ? "-" : ""}${format.prefix}${number}${format.suffix}`;
}

/** A format that shows a currency symbol (and no percentage). */
export function isCurrencyFormat(format: FigureFormat | null): format is FigureFormat {
  return format !== null && !format.percent && (format.prefix !== "" || format.suffix !== "");
}
