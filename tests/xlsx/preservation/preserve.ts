/**
 * What an apply may change in a package, and the checks that it changed nothing else (issue 8). Every check returns
 * a list of findings ("xl/worksheets/sheet1.xml: cell B2 changed …"), so a failing test names each loss at once.
 *
 * Owned by a run: the scored sheets' parts (only their output columns' cells, new cols, Scorecard's conditional
 * formats after the user's and the dimension), workbook.xml (new sheets and names only), its rels, [Content_Types]
 * (additions), styles.xml and sharedStrings.xml (appended entries only), calcChain.xml (dropped only when formulas
 * changed), a measure Table part (widened), and Scorecard's own summary and state sheets with the parts they reach.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { run, type Console } from "../../../src/cli/main";
import { isOutputHeader } from "../../../src/workbook/headers";
import { STATE_SHEET_NAME } from "../../../src/workbook/stateSheet";
import { SHEET_ORDER, WORKBOOK_ORDER } from "../../fixtures/ooxml/package";
import { canon, child, childrenNamed, elements, local, parseXml, textOf, type El } from "./xmlTree";

export type Files = Record<string, Uint8Array>;

export const SUMMARY_SHEET = "Scorecard Summary";
/** Sheets a run writes whole. */
export const OWN_SHEETS = [SUMMARY_SHEET, STATE_SHEET_NAME];

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "scorecard-preserve-"));
}

/** Runs the CLI in process. */
export async function cli(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Console = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => null };
  const status = await run(argv, io);
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

export const unzip = (bytes: Uint8Array): Files => unzipSync(bytes);

const xmlOf = (files: Files, name: string): El => parseXml(strFromU8(files[name]));

/** The package's map: workbook part, its relationships, and each sheet's name, part and relationship id. */
export interface PackageMap {
  readonly workbook: string;
  readonly sheets: readonly { name: string; part: string; rid: string; state?: string }[];
  /** Workbook-level parts by relationship type's last segment (styles, sharedStrings, calcChain…). */
  readonly byType: ReadonlyMap<string, string>;
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationships of a part: id -> {type, target resolved to a part name, external}. */
export function relsOf(files: Files, part: string): Map<string, { type: string; target: string; external: boolean }> {
  const rels = new Map<string, { type: string; target: string; external: boolean }>();
  const name = part === "" ? "_rels/.rels" : relsPathOf(part);
  if (!files[name]) return rels;
  for (const rel of elements(xmlOf(files, name))) {
    const external = rel.attrs.TargetMode === "External";
    rels.set(rel.attrs.Id, {
      type: rel.attrs.Type,
      target: external ? rel.attrs.Target : resolve(part, rel.attrs.Target),
      external,
    });
  }
  return rels;
}

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

const lastSegment = (type: string): string => type.slice(type.lastIndexOf("/") + 1);

export function packageMap(files: Files): PackageMap {
  const root = [...relsOf(files, "").values()].find((r) => lastSegment(r.type) === "officeDocument");
  if (!root) throw new Error("no officeDocument relationship");
  const rels = relsOf(files, root.target);
  const wb = xmlOf(files, root.target);
  const sheets = childrenNamed(child(wb, "sheets")!, "sheet").map((s) => {
    const rid = Object.entries(s.attrs).find(([k]) => local(k) === "id" && k !== "sheetId")![1];
    return { name: s.attrs.name, part: rels.get(rid)!.target, rid, state: s.attrs.state };
  });
  const byType = new Map<string, string>();
  for (const rel of rels.values()) if (!rel.external) byType.set(lastSegment(rel.type), rel.target);
  return { workbook: root.target, sheets, byType };
}

/** Parts reachable from `start` through relationships (the part itself and its .rels included). */
export function reachable(files: Files, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const part = queue.pop()!;
    if (seen.has(part) || !files[part]) continue;
    seen.add(part);
    if (files[relsPathOf(part)]) seen.add(relsPathOf(part));
    for (const rel of relsOf(files, part).values()) if (!rel.external) queue.push(rel.target);
  }
  return seen;
}

export interface Ownership {
  /** Sheet names whose cells Scorecard scores. */
  readonly scored: readonly string[];
  /** The measure Table's part, when the measure table is an Excel Table. */
  readonly measureTablePart?: string;
  /** True when the run wrote formulas (then calcChain.xml may go). */
  readonly formulas: boolean;
}

/** Parts of `before` a run may change (see the module comment), resolved through the package's relationships. */
export function ownedParts(before: Files, own: Ownership): Set<string> {
  const map = packageMap(before);
  const owned = new Set<string>([map.workbook, relsPathOf(map.workbook), "[Content_Types].xml"]);
  for (const type of ["styles", "sharedStrings", "calcChain"]) {
    const part = map.byType.get(type);
    if (part) owned.add(part);
  }
  for (const s of map.sheets) {
    if (own.scored.includes(s.name)) owned.add(s.part);
    if (OWN_SHEETS.includes(s.name)) reachable(before, s.part).forEach((p) => owned.add(p));
  }
  if (own.measureTablePart) owned.add(own.measureTablePart);
  return owned;
}

/** Every part of `before` that the run does not own is in `after`, byte for byte; only calcChain may go. */
export function checkParts(before: Files, after: Files, own: Ownership): string[] {
  const findings: string[] = [];
  const owned = ownedParts(before, own);
  const calcChain = packageMap(before).byType.get("calcChain");
  for (const name of Object.keys(before)) {
    if (!(name in after)) {
      const mayGo = (name === calcChain && own.formulas) || (owned.has(name) && isOwnSheetPart(before, name));
      if (!mayGo) findings.push(`${name}: removed`);
    } else if (!owned.has(name) && !sameBytes(before[name], after[name])) {
      findings.push(`${name}: changed (not Scorecard's part)`);
    }
  }
  return findings;
}

function isOwnSheetPart(files: Files, name: string): boolean {
  const map = packageMap(files);
  return map.sheets.some((s) => OWN_SHEETS.includes(s.name) && reachable(files, s.part).has(name));
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

// ---------- worksheets ----------

/** Column letters -> 1-based index. */
export function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, "").replace(/^\$/, "")) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A cell's text as a reader sees it (shared, inline or formula string, or the number's text). */
export function cellText(cell: El, sst: readonly string[]): string {
  const v = child(cell, "v");
  if (cell.attrs.t === "s") return sst[Number(textOf(v!))] ?? "";
  if (cell.attrs.t === "inlineStr") return textOf(child(cell, "is") ?? cell);
  return v ? textOf(v) : "";
}

export function sharedStrings(files: Files): string[] {
  const part = packageMap(files).byType.get("sharedStrings");
  if (!part || !files[part]) return [];
  return childrenNamed(xmlOf(files, part), "si").map((si) =>
    elements(si)
      .filter((e) => local(e.name) === "t" || local(e.name) === "r")
      .map((e) => (local(e.name) === "t" ? textOf(e) : textOf(child(e, "t") ?? e)))
      .join(""),
  );
}

/** Columns whose header (on `headerRow`) is one of Scorecard's output headers after the run. */
export function outputColumns(sheet: El, sst: readonly string[], headerRow = 1): Set<number> {
  const owned = new Set<number>();
  const row = childrenNamed(child(sheet, "sheetData")!, "row").find((r) => Number(r.attrs.r) === headerRow);
  for (const cell of row ? childrenNamed(row, "c") : []) {
    if (isOutputHeader(cellText(cell, sst).trim())) owned.add(colIndex(cell.attrs.r));
  }
  return owned;
}

const ADDABLE_SHEET_CHILDREN = new Set(["dimension", "cols", "conditionalFormatting"]);

/** "A1:F13" -> 1-based columns and rows. */
function refBounds(ref: string): { c0: number; r0: number; c1: number; r1: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  return m ? { c0: colIndex(m[1] + m[2]), r0: Number(m[2]), c1: colIndex(m[3] + m[4]), r1: Number(m[4]) } : null;
}

const letters = (col: number): string =>
  col <= 0 ? "" : letters(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26));

/**
 * The one change a sheet AutoFilter may get (new-user finding F20): over exactly the measure table (row 1 to its last
 * row, ending right before the output columns), it grows by those columns, every other attribute and child kept.
 * Anything else must be kept as it was: this returns `filter` itself then.
 */
export function grownFilter(filter: El, owned: ReadonlySet<number>, lastRow: number): El {
  const b = refBounds(filter.attrs.ref ?? "");
  const outputs = [...owned].sort((x, y) => x - y);
  if (!b || outputs.length === 0 || b.r0 !== 1 || b.r1 !== lastRow || outputs[0] !== b.c1 + 1) return filter;
  const ref = `${letters(b.c0)}${b.r0}:${letters(outputs[outputs.length - 1])}${b.r1}`;
  return { ...filter, attrs: { ...filter.attrs, ref } };
}

/** The sheets whose AutoFilter grew, with the old and new ranges as `_xlnm._FilterDatabase` writes them. */
export function grownFilters(
  sheets: readonly { name: string; before: El; after: El }[],
): Map<string, { from: string; to: string }> {
  const grown = new Map<string, { from: string; to: string }>();
  const abs = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  for (const { name, before, after } of sheets) {
    const [was, now] = [child(before, "autoFilter")?.attrs.ref, child(after, "autoFilter")?.attrs.ref];
    if (was && now && was !== now) grown.set(name, { from: abs(was), to: abs(now) });
  }
  return grown;
}

/**
 * A scored sheet keeps every element but dimension, cols and sheetData exactly; its conditional formats start with
 * the user's; every cell outside `owned` columns is kept (attributes and children), every row keeps its attributes
 * (spans aside: a hint Excel recomputes), cols keep their settings outside owned columns; children stay in schema order.
 */
export function checkSheet(
  name: string,
  before: El,
  after: El,
  owned: ReadonlySet<number>,
  lastRow = Infinity,
): string[] {
  const findings: string[] = [];
  const say = (what: string): void => void findings.push(`${name}: ${what}`);
  if (canon({ ...before, children: [] }) !== canon({ ...after, children: [] }))
    say("root element's attributes changed");

  const order = elements(after).map((e) => SHEET_ORDER.indexOf(local(e.name) as (typeof SHEET_ORDER)[number]));
  if (order.some((at) => at < 0))
    say(
      `unknown element in worksheet: ${elements(after)
        .map((e) => e.name)
        .join(",")}`,
    );
  if (order.some((at, i) => i > 0 && at < order[i - 1])) {
    say(
      `children out of schema order: ${elements(after)
        .map((e) => local(e.name))
        .join(", ")}`,
    );
  }

  for (const el of elements(before)) {
    const kind = local(el.name);
    if (kind === "sheetData" || kind === "dimension" || kind === "cols" || kind === "conditionalFormatting") continue;
    const kept = childrenNamed(after, kind);
    if (kind === "autoFilter" && kept.length === 1 && canon(kept[0]) === canon(grownFilter(el, owned, lastRow)))
      continue;
    if (kept.length !== 1 || canon(kept[0]) !== canon(el)) say(`<${kind}> changed or lost: ${canon(el).slice(0, 160)}`);
  }
  for (const el of elements(after)) {
    const kind = local(el.name);
    if (!ADDABLE_SHEET_CHILDREN.has(kind) && childrenNamed(before, kind).length === 0) say(`<${kind}> added`);
  }

  const userCf = childrenNamed(before, "conditionalFormatting").map((e) => canon(e));
  const afterCf = childrenNamed(after, "conditionalFormatting").map((e) => canon(e));
  userCf.forEach((cf, i) => {
    if (afterCf[i] !== cf) say(`user's conditional format #${i + 1} not kept first and unchanged: ${cf.slice(0, 160)}`);
  });

  findings.push(...checkCols(name, child(before, "cols"), child(after, "cols"), owned));
  findings.push(...checkSheetData(name, child(before, "sheetData")!, child(after, "sheetData")!, owned, lastRow));
  return findings;
}

function checkCols(name: string, before: El | undefined, after: El | undefined, owned: ReadonlySet<number>): string[] {
  const cols = (el: El | undefined): El[] => (el ? childrenNamed(el, "col") : []);
  const settingAt = (el: El | undefined, c: number): string => {
    const col = cols(el).find((x) => Number(x.attrs.min) <= c && c <= Number(x.attrs.max));
    return col ? canon(col, ["min", "max"]) : "";
  };
  // Settings are constant between the boundaries of every <col> of both sides; compare at each segment start.
  const starts = new Set<number>([1]);
  for (const col of [...cols(before), ...cols(after)]) {
    starts.add(Number(col.attrs.min));
    starts.add(Number(col.attrs.max) + 1);
  }
  const findings: string[] = [];
  for (const c of [...starts].sort((a, b) => a - b)) {
    if (c > 16384 || owned.has(c)) continue;
    if (settingAt(before, c) !== settingAt(after, c)) {
      findings.push(`${name}: column ${c} settings changed: ${settingAt(before, c)} -> ${settingAt(after, c)}`);
    }
  }
  return findings;
}

function checkSheetData(
  name: string,
  before: El,
  after: El,
  ownedCols: ReadonlySet<number>,
  lastRow: number,
): string[] {
  const findings: string[] = [];
  // Scorecard owns its columns down to the table's end, not the cells a user keeps below it.
  const owned = (ref: string): boolean => ownedCols.has(colIndex(ref)) && Number(/\d+$/.exec(ref)![0]) <= lastRow;
  const rowsAfter = new Map(childrenNamed(after, "row").map((r) => [r.attrs.r, r]));
  const rowNumbers = childrenNamed(after, "row").map((r) => Number(r.attrs.r));
  if (rowNumbers.some((n, i) => i > 0 && n <= rowNumbers[i - 1])) findings.push(`${name}: rows out of order`);
  for (const row of childrenNamed(before, "row")) {
    const kept = rowsAfter.get(row.attrs.r);
    if (!kept) {
      findings.push(`${name}: row ${row.attrs.r} lost`);
      continue;
    }
    if (canon({ ...row, children: [] }, ["spans"]) !== canon({ ...kept, children: [] }, ["spans"])) {
      findings.push(`${name}: row ${row.attrs.r} attributes changed: ${canon({ ...row, children: [] })}`);
    }
    const cellsAfter = new Map(childrenNamed(kept, "c").map((c) => [c.attrs.r, c]));
    for (const cell of childrenNamed(row, "c")) {
      if (owned(cell.attrs.r)) continue;
      const now = cellsAfter.get(cell.attrs.r);
      if (!now) findings.push(`${name}!${cell.attrs.r}: cell lost`);
      else if (canon(now) !== canon(cell)) findings.push(`${name}!${cell.attrs.r}: ${canon(cell)} -> ${canon(now)}`);
    }
  }
  const cellsBefore = new Set(childrenNamed(before, "row").flatMap((r) => childrenNamed(r, "c").map((c) => c.attrs.r)));
  for (const row of childrenNamed(after, "row")) {
    const cols = childrenNamed(row, "c").map((c) => colIndex(c.attrs.r));
    if (cols.some((c, i) => i > 0 && c <= cols[i - 1])) findings.push(`${name}: row ${row.attrs.r} cells out of order`);
    for (const cell of childrenNamed(row, "c")) {
      if (!owned(cell.attrs.r) && !cellsBefore.has(cell.attrs.r)) {
        findings.push(`${name}!${cell.attrs.r}: cell added outside Scorecard's columns`);
      }
    }
  }
  return findings;
}

// ---------- workbook, styles, strings, content types, rels, tables ----------

/** styles.xml: every collection's old entries are an exact prefix of the new; everything else unchanged. */
export function checkStyles(before: El, after: El): string[] {
  const findings: string[] = [];
  if (canon({ ...before, children: [] }) !== canon({ ...after, children: [] }))
    findings.push("styles.xml: root changed");
  const collections = new Set([
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
  ]);
  for (const el of elements(before)) {
    const kind = local(el.name);
    const now = child(after, kind);
    if (!now) {
      findings.push(`styles.xml: <${kind}> lost`);
    } else if (collections.has(kind)) {
      const old = elements(el).map((e) => canon(e));
      const fresh = elements(now).map((e) => canon(e));
      old.forEach((entry, i) => {
        if (fresh[i] !== entry) findings.push(`styles.xml: ${kind}[${i}] moved or changed: ${entry.slice(0, 120)}`);
      });
      if (canon({ ...el, children: [] }, ["count"]) !== canon({ ...now, children: [] }, ["count"])) {
        findings.push(`styles.xml: <${kind}> attributes changed`);
      }
      if (now.attrs.count !== undefined && Number(now.attrs.count) !== fresh.length) {
        findings.push(`styles.xml: <${kind}> count ${now.attrs.count} but ${fresh.length} entries`);
      }
    } else if (canon(now) !== canon(el)) {
      findings.push(`styles.xml: <${kind}> changed`);
    }
  }
  const order = [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
  ];
  const at = elements(after).map((e) => order.indexOf(local(e.name)));
  if (at.some((n, i) => n < 0 || (i > 0 && n < at[i - 1]))) findings.push("styles.xml: children out of schema order");
  return findings;
}

export function checkSharedStrings(before: El | undefined, after: El | undefined): string[] {
  if (!before) return [];
  if (!after) return ["sharedStrings.xml: lost"];
  const old = childrenNamed(before, "si").map((e) => canon(e));
  const fresh = childrenNamed(after, "si").map((e) => canon(e));
  return old.flatMap((si, i) => (fresh[i] === si ? [] : [`sharedStrings.xml: si[${i}] moved or changed: ${si}`]));
}

/** workbook.xml: existing sheets, defined names (scoped by sheet name), protection and the rest unchanged. */
export function checkWorkbook(
  before: El,
  after: El,
  grown: ReadonlyMap<string, { from: string; to: string }> = new Map(),
): string[] {
  const findings: string[] = [];
  if (canon({ ...before, children: [] }) !== canon({ ...after, children: [] }))
    findings.push("workbook.xml: root changed");
  const sheetsBefore = childrenNamed(child(before, "sheets")!, "sheet");
  const sheetsAfter = childrenNamed(child(after, "sheets")!, "sheet");
  const namesBefore = sheetsBefore.map((s) => s.attrs.name);
  const namesAfter = sheetsAfter.map((s) => s.attrs.name);
  for (const sheet of sheetsBefore) {
    if (OWN_SHEETS.includes(sheet.attrs.name)) continue;
    const kept = sheetsAfter.find((s) => s.attrs.name === sheet.attrs.name);
    if (!kept || canon(kept) !== canon(sheet)) findings.push(`workbook.xml: sheet entry changed: ${canon(sheet)}`);
  }
  const userOrder = namesBefore.filter((n) => !OWN_SHEETS.includes(n));
  if (namesAfter.filter((n) => userOrder.includes(n)).join("|") !== userOrder.join("|")) {
    findings.push(`workbook.xml: user's sheets reordered: ${namesAfter.join(", ")}`);
  }
  const named = (el: El | undefined, sheetNames: readonly string[]): string[] =>
    (el ? childrenNamed(el, "definedName") : []).map((d) => {
      const scope = d.attrs.localSheetId === undefined ? "" : `[${sheetNames[Number(d.attrs.localSheetId)]}]`;
      return `${scope}${canon(d, ["localSheetId"])}`;
    });
  const dnAfter = named(child(after, "definedNames"), namesAfter);
  for (const dn of named(child(before, "definedNames"), namesBefore)) {
    // A sheet AutoFilter that grew (checkSheet checks how) takes its hidden _FilterDatabase name along, nothing else.
    const sheet = /^\[([^\]]*)\]/.exec(dn)?.[1];
    const growth = sheet === undefined ? undefined : grown.get(sheet);
    const moved =
      growth && dn.includes('"_xlnm._FilterDatabase"') ? dn.replace(`!${growth.from}<`, `!${growth.to}<`) : null;
    if (moved !== null && moved !== dn) {
      if (!dnAfter.includes(moved)) findings.push(`workbook.xml: _FilterDatabase did not follow its AutoFilter: ${dn}`);
    } else if (!dnAfter.includes(dn)) findings.push(`workbook.xml: defined name changed or lost: ${dn}`);
  }
  for (const el of elements(before)) {
    const kind = local(el.name);
    if (["sheets", "definedNames", "calcPr", "bookViews"].includes(kind)) continue;
    const now = child(after, kind);
    if (!now || canon(now) !== canon(el))
      findings.push(`workbook.xml: <${kind}> changed or lost: ${canon(el).slice(0, 160)}`);
  }
  const at = elements(after).map((e) => WORKBOOK_ORDER.indexOf(local(e.name) as (typeof WORKBOOK_ORDER)[number]));
  if (at.some((n, i) => n < 0 || (i > 0 && n < at[i - 1]))) findings.push("workbook.xml: children out of schema order");
  return findings;
}

/** Relationships and content types: what was there stays (calcChain may go with changed formulas). */
export function checkRelsAndTypes(before: Files, after: Files, own: Ownership): string[] {
  const findings: string[] = [];
  const map = packageMap(before);
  const calcChain = map.byType.get("calcChain");
  const relsName = relsPathOf(map.workbook);
  const relKey = (r: El): string => canon(r);
  const relsAfter = elements(xmlOf(after, relsName)).map(relKey);
  const ownSheetRids = new Set(map.sheets.filter((s) => OWN_SHEETS.includes(s.name)).map((s) => s.rid));
  for (const rel of elements(xmlOf(before, relsName))) {
    if (ownSheetRids.has(rel.attrs.Id)) continue;
    if (own.formulas && calcChain && resolve(map.workbook, rel.attrs.Target) === calcChain) continue;
    if (!relsAfter.includes(relKey(rel))) findings.push(`${relsName}: relationship changed or lost: ${relKey(rel)}`);
  }
  const types = (files: Files): El[] => elements(xmlOf(files, "[Content_Types].xml"));
  const typesAfter = types(after).map((e) => canon(e));
  for (const entry of types(before)) {
    const part = entry.attrs.PartName?.slice(1);
    if (part && !(part in after) && part in before) continue; // a part that may go (checked by checkParts)
    if (!typesAfter.includes(canon(entry))) findings.push(`[Content_Types].xml: lost ${canon(entry)}`);
  }
  for (const name of Object.keys(after)) {
    if (name.endsWith("/") || name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1);
    const covered = types(after).some(
      (e) => e.attrs.PartName === `/${name}` || (e.attrs.Extension ?? "").toLowerCase() === ext.toLowerCase(),
    );
    if (!covered) findings.push(`[Content_Types].xml: no content type for ${name}`);
  }
  return findings;
}

/**
 * A measure Table widened for the added columns: same id, name, header and totals rows, filter, style and old
 * columns (calculated formulas and totals included); the new columns appended and named as the sheet's headers.
 */
export function checkMeasureTable(before: El, after: El, addedHeaders: readonly string[]): string[] {
  const findings: string[] = [];
  if (canon({ ...before, children: [] }, ["ref"]) !== canon({ ...after, children: [] }, ["ref"])) {
    findings.push(`table: attributes changed: ${canon({ ...after, children: [] })}`);
  }
  const [start, end] = before.attrs.ref.split(":");
  const [startAfter, endAfter] = after.attrs.ref.split(":");
  const width = addedHeaders.length;
  if (
    startAfter !== start ||
    endAfter.replace(/^[A-Z]+/, "") !== end.replace(/^[A-Z]+/, "") ||
    colIndex(endAfter) !== colIndex(end) + width
  ) {
    findings.push(`table: ref ${before.attrs.ref} -> ${after.attrs.ref}, expected ${width} more columns`);
  }
  const filterBefore = child(before, "autoFilter");
  const filterAfter = child(after, "autoFilter");
  if (filterBefore) {
    const [fs, fe] = filterBefore.attrs.ref.split(":");
    if (!filterAfter) findings.push("table: autoFilter lost");
    else {
      const [as, ae] = filterAfter.attrs.ref.split(":");
      if (
        as !== fs ||
        colIndex(ae) !== colIndex(fe) + width ||
        ae.replace(/^[A-Z]+/, "") !== fe.replace(/^[A-Z]+/, "")
      ) {
        findings.push(`table: autoFilter ${filterBefore.attrs.ref} -> ${filterAfter.attrs.ref}`);
      }
      if (canon({ ...filterBefore, children: [] }, ["ref"]) !== canon({ ...filterAfter, children: [] }, ["ref"])) {
        findings.push("table: autoFilter attributes changed");
      }
    }
  }
  const colsBefore = childrenNamed(child(before, "tableColumns")!, "tableColumn");
  const colsAfter = childrenNamed(child(after, "tableColumns")!, "tableColumn");
  colsBefore.forEach((c, i) => {
    if (!colsAfter[i] || canon(colsAfter[i]) !== canon(c)) findings.push(`table: column ${c.attrs.name} changed`);
  });
  const added = colsAfter.slice(colsBefore.length).map((c) => c.attrs.name);
  if (added.join("|") !== addedHeaders.join("|"))
    findings.push(`table: added columns ${added.join(", ")}, expected ${addedHeaders.join(", ")}`);
  const ids = colsAfter.map((c) => c.attrs.id);
  if (new Set(ids).size !== ids.length) findings.push("table: duplicate tableColumn ids");
  if (Number(child(after, "tableColumns")!.attrs.count) !== colsAfter.length)
    findings.push("table: tableColumns count wrong");
  for (const el of elements(before)) {
    const kind = local(el.name);
    if (kind === "autoFilter" || kind === "tableColumns") continue;
    const now = child(after, kind);
    if (!now || canon(now) !== canon(el)) findings.push(`table: <${kind}> changed or lost`);
  }
  return findings;
}

const SPREADSHEETML = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);
const OFFICE_RELS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
  "http://purl.oclc.org/ooxml/officeDocument/relationships/",
];

/**
 * The result is a whole package: every XML part parses, every internal relationship points at a part, and what the
 * run added speaks the package's own dialect (a Strict workbook gets Strict sheets and relationship types).
 */
export function checkWholePackage(before: Files, after: Files): string[] {
  const findings: string[] = [];
  const workbook = packageMap(after).workbook;
  const main = xmlOf(after, workbook).attrs.xmlns;
  const relsBase = OFFICE_RELS.find((base) => [...relsOf(after, "").values()].some((r) => r.type.startsWith(base)))!;
  for (const name of Object.keys(after)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    let root: El;
    try {
      root = xmlOf(after, name);
    } catch (error) {
      findings.push(`${name}: not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (!(name in before) && SPREADSHEETML.has(root.attrs.xmlns) && root.attrs.xmlns !== main) {
      findings.push(`${name}: added in namespace ${root.attrs.xmlns}, the workbook's is ${main}`);
    }
    if (name.endsWith(".rels")) {
      const source = name === "_rels/.rels" ? "" : name.replace(/_rels\/([^/]+)\.rels$/, "$1");
      for (const [id, rel] of relsOf(after, source)) {
        if (!rel.external && !(rel.target in after))
          findings.push(`${name}: ${id} points at a missing part ${rel.target}`);
        const base = OFFICE_RELS.find((b) => rel.type.startsWith(b));
        if (base && base !== relsBase)
          findings.push(`${name}: ${id} has type ${rel.type}, not of the package's ${relsBase}`);
      }
    }
  }
  return findings;
}

/** Everything above for one apply: parts, scored sheets, workbook, styles, strings, rels, types, measure Table. */
export function checkApply(before: Files, after: Files, own: Ownership): string[] {
  const findings = [
    ...checkParts(before, after, own),
    ...checkRelsAndTypes(before, after, own),
    ...checkWholePackage(before, after),
  ];
  const mapBefore = packageMap(before);
  const mapAfter = packageMap(after);
  const scoredSheets = own.scored.flatMap((name) => {
    const was = mapBefore.sheets.find((s) => s.name === name);
    const now = mapAfter.sheets.find((s) => s.name === name);
    return was && now ? [{ name, before: xmlOf(before, was.part), after: xmlOf(after, now.part) }] : [];
  });
  findings.push(
    ...checkWorkbook(xmlOf(before, mapBefore.workbook), xmlOf(after, mapAfter.workbook), grownFilters(scoredSheets)),
  );
  const stylesPart = mapBefore.byType.get("styles");
  if (stylesPart)
    findings.push(...checkStyles(xmlOf(before, stylesPart), xmlOf(after, mapAfter.byType.get("styles")!)));
  const sstBefore = mapBefore.byType.get("sharedStrings");
  const sstAfter = mapAfter.byType.get("sharedStrings");
  findings.push(
    ...checkSharedStrings(
      sstBefore ? xmlOf(before, sstBefore) : undefined,
      sstAfter && after[sstAfter] ? xmlOf(after, sstAfter) : undefined,
    ),
  );
  const sst = sharedStrings(after);
  for (const name of own.scored) {
    const was = mapBefore.sheets.find((s) => s.name === name)!;
    const now = mapAfter.sheets.find((s) => s.name === name);
    if (!now) {
      findings.push(`${name}: sheet lost`);
      continue;
    }
    const afterSheet = xmlOf(after, now.part);
    const owned = outputColumns(afterSheet, sst);
    if (owned.size === 0) findings.push(`${name}: no Scorecard output column was written (the sheet was not scored)`);
    findings.push(...checkSheet(name, xmlOf(before, was.part), afterSheet, owned, tableEnd(afterSheet)));
    if (own.measureTablePart) {
      const beforeSst = sharedStrings(before);
      const beforeSheet = xmlOf(before, was.part);
      const headersBefore = new Set(outputColumns(beforeSheet, beforeSst));
      const added = [...owned]
        .filter((c) => !headersBefore.has(c))
        .sort((a, b) => a - b)
        .map((c) => headerAt(afterSheet, c, sst));
      findings.push(
        ...checkMeasureTable(xmlOf(before, own.measureTablePart), xmlOf(after, own.measureTablePart), added),
      );
    }
  }
  return findings;
}

/** Last row of the block of rows from row 1 down that each hold a cell in column A (the fixtures' measure table). */
export function tableEnd(sheet: El): number {
  const rows = new Set(
    childrenNamed(child(sheet, "sheetData")!, "row")
      .filter((r) => childrenNamed(r, "c").some((c) => colIndex(c.attrs.r) === 1))
      .map((r) => Number(r.attrs.r)),
  );
  let last = 1;
  while (rows.has(last + 1)) last++;
  return last;
}

function headerAt(sheet: El, column: number, sst: readonly string[]): string {
  const row = childrenNamed(child(sheet, "sheetData")!, "row").find((r) => r.attrs.r === "1");
  const cell = row && childrenNamed(row, "c").find((c) => colIndex(c.attrs.r) === column);
  return cell ? cellText(cell, sst) : "";
}
