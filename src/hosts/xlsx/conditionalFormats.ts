/**
 * Conditional formats the add-in owns. A re-run replaces them instead of stacking copies:
 * an existing expression-rule format is the add-in's when every range it covers lies in the
 * columns of a new rule's range and overlaps its rows (the owned output columns of one table,
 * which may have grown or shrunk since). Other formats, the user's, are kept as they are.
 */
import type { ConditionalFormattingOptions, ConditionalFormattingRule, Worksheet } from "exceljs";
import type { CellRange, ConditionalRule } from "../../workbook/port";
import { parseRangeRef, rangeToA1, rangesOverlap } from "../../workbook/a1";
import { conditionalFormattings, setConditionalFormattings } from "./exceljsShapes";
import { conditionalStyle } from "./styles";

export function replaceConditionalRules(ws: Worksheet, rules: readonly ConditionalRule[]): void {
  if (rules.length === 0) return;
  const targets = rules.map((rule) => rule.range);
  const kept = conditionalFormattings(ws).filter((cf) => !isReplacedBy(cf, targets));
  let priority = kept.reduce((max, cf) => Math.max(max, ...cf.rules.map((rule) => rule.priority || 0)), 0);

  const byRef = new Map<string, ConditionalFormattingRule[]>();
  for (const rule of rules) {
    const ref = rangeToA1(rule.range);
    const formula = rule.formula.replace(/^=/, "");
    const group = byRef.get(ref) ?? [];
    group.push({ type: "expression", formulae: [formula], style: conditionalStyle(rule.style), priority: ++priority });
    byRef.set(ref, group);
  }
  setConditionalFormattings(ws, [...kept, ...[...byRef].map(([ref, group]) => ({ ref, rules: group }))]);
}

function isReplacedBy(cf: ConditionalFormattingOptions, targets: readonly CellRange[]): boolean {
  if (!cf.rules.every((rule) => rule.type === "expression")) return false;
  const ranges = cf.ref.split(/\s+/).map(parseRangeRef);
  return ranges.every((range) => range !== null && targets.some((target) => withinColumnsOf(range, target)));
}

function withinColumnsOf(range: CellRange, target: CellRange): boolean {
  return range.col >= target.col && range.col + range.cols <= target.col + target.cols && rangesOverlap(range, target);
}
