/**
 * SPC in the summaries (issue 12): per directorate and group, how many measures show common cause, improvement,
 * concern or neutral variation, and how many pass, fail or hit and miss their target, with a sentence in the
 * reports' style. Kept apart from summary.ts: it reads the SPC words only.
 */
import type { Assurance, Variation } from "./spc";
import { andList, capitalise, codesInBrackets, counted, plural } from "./text";
import type { ListCut } from "./text";

/** What the SPC summary reads of a measure. */
export interface SpcOutcome {
  readonly code: string;
  readonly variation: Variation;
  readonly assurance: Assurance;
}

export interface SpcCounts {
  /** Measures with an SPC result (12 or more figures and an aim). */
  readonly charted: number;
  /**
   * Codes of the measures without one: fewer than 12 figures, or no aim SPC can use (a history of 17 months under an
   * unknown aim is one). Said beside the count, so the reader knows who was left out (new-user finding N16).
   */
  readonly notCharted: readonly string[];
  readonly commonCause: readonly string[];
  readonly improvement: readonly string[];
  readonly concern: readonly string[];
  readonly neutral: readonly string[];
  readonly pass: readonly string[];
  readonly fail: readonly string[];
  readonly hitAndMiss: readonly string[];
}

export function countSpc(measures: readonly SpcOutcome[]): SpcCounts {
  const c = {
    commonCause: [] as string[],
    improvement: [] as string[],
    concern: [] as string[],
    neutral: [] as string[],
    pass: [] as string[],
    fail: [] as string[],
    hitAndMiss: [] as string[],
    notCharted: [] as string[],
  };
  let charted = 0;
  for (const m of measures) {
    if (m.variation !== "NA") charted++;
    else c.notCharted.push(m.code);
    if (m.variation === "Common cause") c.commonCause.push(m.code);
    else if (m.variation.startsWith("Improvement")) c.improvement.push(m.code);
    else if (m.variation.startsWith("Concern")) c.concern.push(m.code);
    else if (m.variation.startsWith("Neutral")) c.neutral.push(m.code);
    if (m.assurance === "Pass") c.pass.push(m.code);
    else if (m.assurance === "Fail") c.fail.push(m.code);
    else if (m.assurance === "Hit and miss") c.hitAndMiss.push(m.code);
  }
  return { charted, ...c };
}

/** "2 measures show … (AB1, CD3)", "1 measure shows …". */
function part(list: readonly string[], singular: string, pluralForm: string, cut?: ListCut): string | null {
  if (list.length === 0) return null;
  return `${counted(list.length, "measure")} ${plural(list.length, singular, pluralForm)}${codesInBrackets(list, cut)}`;
}

function joined(parts: readonly (string | null)[]): string {
  return andList(parts.filter((p): p is string => p !== null));
}

/**
 * The SPC sentences for a directorate or an outcome, e.g. "3 measures have 12 or more periods and a usable aim: 1 measure shows
 * common cause variation (AB2) and 2 measures show special cause improvement (AB1, CD3). 1 measure will consistently
 * meet its target (AB2) and 2 measures will hit and miss their target (AB1, CD3)." `cut`: where each list of codes
 * in brackets is cut (a sheet's cell limit).
 */
export function spcNarrative(c: SpcCounts, scope: "directorate" | "outcome", cut?: ListCut): string[] {
  if (c.charted === 0) return [`No measure in this ${scope} has the 12 or more periods and the usable aim SPC needs.`];
  const variation = joined([
    part(c.commonCause, "shows common cause variation", "show common cause variation", cut),
    part(c.improvement, "shows special cause improvement", "show special cause improvement", cut),
    part(c.concern, "shows special cause concern", "show special cause concern", cut),
    part(c.neutral, "shows special cause variation (neutral)", "show special cause variation (neutral)", cut),
  ]);
  const sentences = [
    `${counted(c.charted, "measure")} ${plural(c.charted, "has", "have")} 12 or more periods and a usable aim: ${variation}.`,
  ];
  if (c.notCharted.length > 0) {
    const n = c.notCharted.length;
    sentences.push(
      `${counted(n, "measure")} ${plural(n, "has", "have")} no SPC result, for fewer than 12 periods or no usable aim${codesInBrackets(c.notCharted, cut)}.`,
    );
  }
  const assurance = joined([
    part(c.pass, "will consistently meet its target", "will consistently meet their target", cut),
    part(c.fail, "will consistently miss its target", "will consistently miss their target", cut),
    part(c.hitAndMiss, "will hit and miss its target", "will hit and miss their target", cut),
  ]);
  if (assurance !== "") sentences.push(`${capitalise(assurance)}.`);
  return sentences;
}
