/**
 * Target text as real reports write it (SPEC §3): a figure, a range with an optional note, a comparison that gives
 * the figure and implies the aim, or a direction word alone. The text is split into tokens (figures, words, dashes,
 * bracketed notes) and matched against a table of phrases; what no phrase reads is reported, never guessed at.
 */
import type { Aim, Target } from "./types";
import { quote } from "./text";

/** What a target text says. */
export type TargetText =
  | {
      readonly kind: "figure";
      readonly target: Target;
      /** The aim the words imply (`≥ 95%` → Maximise), or null. */
      readonly aim: Aim | null;
      /** A data problem that leaves the target usable: a stated mid-point that is not the range's. */
      readonly note: string | null;
    }
  /** A direction word alone (`Increase`): no figure to rate against, but an aim for the trends. */
  | { readonly kind: "direction"; readonly aim: Aim | null }
  | { readonly kind: "unreadable"; readonly reason: string };

type Token =
  | { readonly kind: "figure"; readonly value: number; readonly written: number; readonly percent: boolean }
  | { readonly kind: "word"; readonly text: string }
  | { readonly kind: "dash" }
  | { readonly kind: "note"; readonly figures: boolean };

/** What a phrase means once it has matched: a single figure (with the aim its words imply) or a range. */
type Reading =
  | { readonly kind: "figure"; readonly aim: Aim | null; readonly strict: boolean }
  | { readonly kind: "range" }
  | { readonly kind: "direction"; readonly aim: Aim | null };

const FIGURE: Reading = { kind: "figure", aim: null, strict: false };
const RANGE: Reading = { kind: "range" };
const AT_LEAST: Reading = { kind: "figure", aim: "Maximise", strict: false };
const ABOVE: Reading = { kind: "figure", aim: "Maximise", strict: true };
const AT_MOST: Reading = { kind: "figure", aim: "Minimise", strict: false };
const BELOW: Reading = { kind: "figure", aim: "Minimise", strict: true };
const UP: Reading = { kind: "direction", aim: "Maximise" };
const DOWN: Reading = { kind: "direction", aim: "Minimise" };
const STEADY: Reading = { kind: "direction", aim: null };

/**
 * The phrases, `#` standing for a figure and `-` for a hyphen, en dash or em dash. Symbols are words here:
 * `>=` and `=>` are read as `≥`, `<=` and `=<` as `≤`. The longest phrase that matches wins.
 */
const PHRASES: readonly (readonly [string, Reading])[] = [
  ["#", FIGURE],
  ["# - #", RANGE],
  ["# to #", RANGE],
  ["between # and #", RANGE],
  ["between # - #", RANGE],
  ["≥ #", AT_LEAST],
  ["at least #", AT_LEAST],
  ["minimum #", AT_LEAST],
  ["minimum of #", AT_LEAST],
  ["no less than #", AT_LEAST],
  ["not less than #", AT_LEAST],
  ["no fewer than #", AT_LEAST],
  ["# or above", AT_LEAST],
  ["# or more", AT_LEAST],
  ["# or higher", AT_LEAST],
  ["# or over", AT_LEAST],
  ["# or greater", AT_LEAST],
  ["# and above", AT_LEAST],
  ["# and over", AT_LEAST],
  ["# +", AT_LEAST],
  ["# minimum", AT_LEAST],
  ["> #", ABOVE],
  ["above #", ABOVE],
  ["more than #", ABOVE],
  ["greater than #", ABOVE],
  ["higher than #", ABOVE],
  ["over #", ABOVE],
  ["≤ #", AT_MOST],
  ["no more than #", AT_MOST],
  ["not more than #", AT_MOST],
  ["no higher than #", AT_MOST],
  ["maximum #", AT_MOST],
  ["maximum of #", AT_MOST],
  ["at most #", AT_MOST],
  ["# or below", AT_MOST],
  ["# or fewer", AT_MOST],
  ["# or less", AT_MOST],
  ["# or lower", AT_MOST],
  ["# or under", AT_MOST],
  ["# and below", AT_MOST],
  ["# and under", AT_MOST],
  ["# maximum", AT_MOST],
  ["< #", BELOW],
  ["below #", BELOW],
  ["fewer than #", BELOW],
  ["less than #", BELOW],
  ["lower than #", BELOW],
  ["under #", BELOW],
  ["increase", UP],
  ["improve", UP],
  ["reduce", DOWN],
  ["decrease", DOWN],
  ["maintain", STEADY],
];

/** A phrase as tokens to compare: "#" a figure, "-" a dash, anything else a word. */
const PATTERNS = PHRASES.map(([text, reading]) => ({ parts: text.split(" "), reading })).sort(
  (a, b) => b.parts.length - a.parts.length,
);

/** Words that scale the figure before them; the grammar does not guess at them. */
const SCALE_WORDS = new Set(["k", "m", "bn", "thousand", "million", "billion"]);

const SYMBOLS: Record<string, string> = { ">=": "≥", "=>": "≥", "<=": "≤", "=<": "≤" };

// One alternative per kind of token, tried in this order at each position.
const TOKEN =
  /\s+|([([][^)\]]*[)\]])|(-?)([£$€]\s?)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(\s?%)?|(>=|=>|<=|=<|[≥≤<>+])|([-–—])|([a-z]+)|([.,:;!])/iy;

/** The tokens of a target text, or null when it holds a character no phrase uses. */
function tokenise(text: string): Token[] | null {
  const tokens: Token[] = [];
  // "Mid-point", "mid point" and "midpoint" are one word; the dash in "mid-point" is not a range's.
  const source = text.replace(/\u00a0/g, " ").replace(/mid[\s\-–—]*point/gi, "midpoint");
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) return null;
    const [, note, sign, , digits, percent, symbol, dash, word] = m;
    const previous = tokens[tokens.length - 1];
    if (note !== undefined) tokens.push({ kind: "note", figures: /\d/.test(note) });
    else if (digits !== undefined) {
      // "60-70" is a range, not 60 and minus 70: a minus sign only starts a figure where no figure precedes it.
      if (sign && previous?.kind === "figure") {
        tokens.push({ kind: "dash" });
        TOKEN.lastIndex = at + 1;
        continue;
      }
      const written = Number((sign + digits).replace(/,/g, ""));
      tokens.push({ kind: "figure", written, value: percent ? percentOf(sign + digits) : written, percent: !!percent });
    } else if (symbol !== undefined) tokens.push({ kind: "word", text: SYMBOLS[symbol] ?? symbol });
    else if (dash !== undefined) tokens.push({ kind: "dash" });
    else if (word !== undefined) tokens.push({ kind: "word", text: word.toLowerCase() });
    // Whitespace and stray punctuation ("Increase.", "Mid-point: 69") carry nothing.
  }
  return tokens;
}

/** "22.4" as a percentage, exactly as typed: 22.4e-2, not 22.4 / 100 (0.22399999999999998). */
function percentOf(digits: string): number {
  return Number(`${digits.replace(/,/g, "")}e-2`);
}

function matches(parts: readonly string[], tokens: readonly Token[]): boolean {
  if (tokens.length < parts.length) return false;
  return parts.every((part, i) => {
    const token = tokens[i];
    if (part === "#") return token.kind === "figure";
    if (part === "-") return token.kind === "dash";
    return token.kind === "word" && token.text === part;
  });
}

type Figure = Extract<Token, { kind: "figure" }>;
const figuresIn = (tokens: readonly Token[]): Figure[] => tokens.filter((t): t is Figure => t.kind === "figure");

/** What may follow a range: bracketed notes and a stated mid-point; null if anything else follows. */
function rangeNote(rest: readonly Token[]): { midpoint: Figure | null } | null {
  let midpoint: Figure | null = null;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (token.kind === "note") continue;
    const next = rest[i + 1];
    if (token.kind === "word" && token.text === "midpoint" && next?.kind === "figure" && midpoint === null) {
      midpoint = next;
      i++;
      continue;
    }
    return null;
  }
  return { midpoint };
}

/** A written figure to one decimal place, free of float noise. */
const oneDecimal = (x: number): number => Math.round(Number((x * 10).toPrecision(12)));

function readRange(raw: string, a: Figure, b: Figure, rest: readonly Token[]): TargetText {
  const note = rangeNote(rest);
  if (note === null) return unreadable(raw);
  // "60-70%" means 60% to 70%: a percent sign on one bound is the other's too.
  const percent = a.percent || b.percent;
  const value = (f: Figure) => (percent && !f.percent ? percentOf(String(f.written)) : f.value);
  const [lo, hi] = [value(a), value(b)].sort((x, y) => x - y);
  const target: Target = { kind: "range", lo, hi };
  const mid = (a.written + b.written) / 2;
  const stated = note.midpoint;
  const wrongMidpoint = stated !== null && oneDecimal(stated.written) !== oneDecimal(mid);
  return {
    kind: "figure",
    target,
    aim: null,
    note: wrongMidpoint
      ? `target ${quote(raw.trim())} states mid-point ${stated.written} but the range's mid-point is ${oneDecimal(mid) / 10}`
      : null,
  };
}

function unreadable(raw: string): TargetText {
  return {
    kind: "unreadable",
    reason: `target ${quote(raw.trim())} is not a number, a range such as 60-70 or a comparison such as ≥ 95%`,
  };
}

/**
 * Reads a target text that is not a plain number. Figures may carry `%`, `£` and thousands commas; a single figure
 * may be followed by words (`426 days`) but not preceded by words no phrase knows (`Target 95%`), and any second
 * figure outside a range's note (`95% by 2025`) makes the text unreadable.
 */
export function readTargetText(raw: string): TargetText {
  const tokens = tokenise(raw);
  if (tokens === null) return unreadable(raw);
  const pattern = PATTERNS.find((p) => matches(p.parts, tokens));
  if (!pattern) return unreadable(raw);
  const rest = tokens.slice(pattern.parts.length);
  const figures = figuresIn(tokens.slice(0, pattern.parts.length));
  const { reading } = pattern;
  switch (reading.kind) {
    case "range":
      return readRange(raw, figures[0], figures[1], rest);
    case "direction":
      return rest.length === 0 ? { kind: "direction", aim: reading.aim } : unreadable(raw);
    case "figure": {
      // Words after the figure (`426 days`, `(stretch)`) are left alone; a second figure never is.
      if (figuresIn(rest).length > 0 || rest.some((t) => t.kind === "note" && t.figures)) {
        return { kind: "unreadable", reason: `target ${quote(raw.trim())} has more than one figure` };
      }
      if (rest.some((t) => t.kind === "dash")) return unreadable(raw);
      // "£1.2m" is not 1.2: a figure scaled by a word is never read as the bare figure.
      if (rest[0]?.kind === "word" && SCALE_WORDS.has(rest[0].text)) return unreadable(raw);
      const value = figures[0].value;
      const target: Target = reading.strict ? { kind: "single", value, strict: true } : { kind: "single", value };
      return { kind: "figure", target, aim: reading.aim, note: null };
    }
  }
}
