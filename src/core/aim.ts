/** Polarity ("aim"): which direction is good. */
import type { Aim, CellValue, Parsed } from "./types";
import { normaliseWords, quote } from "./text";
import { parseValue } from "./values";

const SPELLINGS: Record<Aim, readonly string[]> = {
  Maximise: ["maximise", "maximize", "max", "higher", "higher is better", "higher values are better", "up", "↑"],
  Minimise: ["minimise", "minimize", "min", "lower", "lower is better", "lower values are better", "down", "↓"],
  Goldilocks: ["goldilocks", "range", "between", "target range", "as close to target as possible"],
};

const AIM_BY_WORDS = new Map<string, Aim>(
  (Object.keys(SPELLINGS) as Aim[]).flatMap((aim) => SPELLINGS[aim].map((spelling) => [spelling, aim] as const)),
);

/** Aims arrive as the same few strings on every row: remember what each raw text meant. */
const cache = new Map<string, Parsed<Aim>>();
const CACHE_LIMIT = 512;

const NO_AIM: Parsed<Aim> = { ok: false, na: true, reason: "no aim given" };

/** Blank, the words that mean "not available" in a value cell ("NA", "-", "tbc"…) and error cells: no aim yet. */
function meansNoAim(raw: CellValue): boolean {
  const asValue = parseValue(raw);
  return !asValue.ok && asValue.na;
}

function parseAimText(text: string): Parsed<Aim> {
  const words = normaliseWords(text).replace(/^aim(?: to)? /, "");
  if (meansNoAim(words)) return NO_AIM;
  const aim = AIM_BY_WORDS.get(words);
  return aim ? { ok: true, value: aim } : { ok: false, na: false, reason: `unknown aim ${quote(text.trim())}` };
}

/** Maximise / Minimise / Goldilocks from any accepted spelling (SPEC §2); unknown text is reported, never guessed. */
export function parseAim(raw: CellValue): Parsed<Aim> {
  if (typeof raw !== "string")
    return meansNoAim(raw) ? NO_AIM : { ok: false, na: false, reason: `unknown aim ${quote(raw)}` };
  let parsed = cache.get(raw);
  if (parsed === undefined) {
    parsed = parseAimText(raw);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, parsed);
  }
  return parsed;
}
