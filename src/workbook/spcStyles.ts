/**
 * Colours of the Variation and Assurance cells, as the NHS Making Data Count icons colour them: improvement (and a
 * consistent pass) blue, concern (and a consistent fail) orange, common cause (and hit and miss) grey, neutral
 * purple; NA a paler grey. Pale fills with dark text of at least 4.5:1 contrast, and the words are always written,
 * so colour is never the only signal.
 */
import { ASSURANCES, VARIATIONS } from "../core/spc";
import type { Assurance, Variation } from "../core/spc";
import type { CellStyle } from "./port";

const BLUE: CellStyle = { fill: "#DDEBF7", font: "#1F4E79" };
const ORANGE: CellStyle = { fill: "#FCE4D6", font: "#833C0B" };
const GREY: CellStyle = { fill: "#D9D9D9", font: "#3A3A3A" };
const PURPLE: CellStyle = { fill: "#E4DFEC", font: "#5B2C83" };
const NA: CellStyle = { fill: "#F2F2F2", font: "#595959" };

export const SPC_STYLES: Readonly<Record<Variation | Assurance, CellStyle>> = {
  "Common cause": GREY,
  "Improvement (high)": BLUE,
  "Improvement (low)": BLUE,
  "Concern (high)": ORANGE,
  "Concern (low)": ORANGE,
  "Neutral (high)": PURPLE,
  "Neutral (low)": PURPLE,
  Pass: BLUE,
  Fail: ORANGE,
  "Hit and miss": GREY,
  NA,
};

/** The words a Variation or an Assurance column can hold, each with its own conditional rule. */
export const SPC_WORDS: Readonly<Record<"variation" | "assurance", readonly (Variation | Assurance)[]>> = {
  variation: VARIATIONS,
  assurance: ASSURANCES,
};
