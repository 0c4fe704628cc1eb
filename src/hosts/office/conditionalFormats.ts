/** Conditional formats: expression rules on the add-in's output columns, replaced (never duplicated) on each run. */
import type { ConditionalRule } from "../../workbook/port";
import { rangeToA1 } from "../../workbook/a1";
import { ACTION_BYTES, jsonBytes } from "./payload";
import type { WriteOp } from "./writeOps";

/** One operation per group of overlapping rules; `clear` when the sheet may hold the rules of an earlier run. */
export function ruleGroupOps(sheet: string, rules: readonly ConditionalRule[], clear: boolean): WriteOp[] {
  return overlapGroups(rules).map((group) => ruleGroupOp(sheet, group, clear));
}

/**
 * Rules whose ranges overlap, directly or through others, in plan order. Each group is cleared and
 * re-added in one operation, so a retry never adds a rule twice, and clearing one range can never
 * remove a rule just added to an overlapping one.
 */
function overlapGroups(rules: readonly ConditionalRule[]): ConditionalRule[][] {
  const groupOf = rules.map((_, i) => i);
  const root = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = root(groupOf[i])));
  rules.forEach((a, i) => {
    for (let j = 0; j < i; j += 1) if (overlaps(a.range, rules[j].range)) groupOf[root(i)] = root(j);
  });
  const groups = new Map<number, ConditionalRule[]>();
  rules.forEach((rule, i) => {
    const list = groups.get(root(i));
    if (list) list.push(rule);
    else groups.set(root(i), [rule]);
  });
  return [...groups.values()];
}

function overlaps(a: ConditionalRule["range"], b: ConditionalRule["range"]): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/**
 * The plan's rule ranges are the add-in's own output cells, so every conditional format on them is
 * the add-in's: clearing them all is how earlier runs' rules are replaced (and never duplicated)
 * without reading rules back, which Office.js does unreliably when rule types are mixed.
 */
function ruleGroupOp(sheet: string, rules: readonly ConditionalRule[], clear: boolean): WriteOp {
  const addresses = [...new Set(rules.map((r) => rangeToA1(r.range)))];
  const ruleBytes = rules.reduce((n, r) => n + jsonBytes(r.formula) + jsonBytes(r.style) + 8 * ACTION_BYTES, 0);
  return {
    sheet,
    part: "format",
    bytes: ruleBytes + addresses.reduce((n, a) => n + jsonBytes(a) + 3 * ACTION_BYTES, 0),
    queue: (t) => {
      const target = t.sheet(sheet);
      if (clear) for (const address of addresses) target.getRange(address).conditionalFormats.clearAll();
      for (const rule of rules) {
        const custom = target.getRange(rangeToA1(rule.range)).conditionalFormats.add("Custom").custom;
        custom.rule.formula = rule.formula;
        if (rule.style.font !== undefined) custom.format.font.color = rule.style.font;
        if (rule.style.bold !== undefined) custom.format.font.bold = rule.style.bold;
        if (rule.style.italic !== undefined) custom.format.font.italic = rule.style.italic;
        if (rule.style.fill !== undefined) custom.format.fill.color = rule.style.fill;
        if (rule.style.numberFormat !== undefined) custom.format.numberFormat = rule.style.numberFormat;
      }
    },
  };
}
