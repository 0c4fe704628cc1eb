/**
 * workbook.xml through the package's relationships: the sheets in tab order with their parts, visibility and ids,
 * the date system, and whether the package is Strict OOXML (new relationships must use the same namespaces).
 */
import { OoxmlPackage } from "../package/OoxmlPackage";
import { PackageError } from "../package/limits";
import { attribute, attributes, childrenOf, findElement, rootOf, type Element } from "../xml/scan";

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly state: "visible" | "hidden" | "veryHidden";
  readonly rId: string;
  /** Part name, or null for a chart sheet, dialog sheet or a relationship pointing nowhere. */
  readonly part: string | null;
}

export interface WorkbookInfo {
  readonly part: string;
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly strict: boolean;
  /** `<workbookProtection lockStructure="1">`: Excel adds, renames or hides no sheet (ECMA-376 Part 1, 18.2.29). */
  readonly structureLocked: boolean;
  /** Parts the workbook relates to by kind: "sharedStrings", "styles", "calcChain". */
  readonly sharedStrings: string | null;
  readonly styles: string | null;
  readonly calcChain: string | null;
}

export function findWorkbookPart(pkg: OoxmlPackage): string {
  const office = pkg.related("", "officeDocument")[0];
  if (!office || !pkg.has(office.part)) throw new PackageError("is not an Excel workbook (no workbook part)");
  return office.part;
}

export function readWorkbookInfo(pkg: OoxmlPackage): WorkbookInfo {
  const part = findWorkbookPart(pkg);
  const xml = pkg.text(part) ?? "";
  let root: Element;
  try {
    root = rootOf(xml);
  } catch {
    throw new PackageError(`has a damaged workbook part (${part})`);
  }
  if (root.tag.local !== "workbook") throw new PackageError("is not an Excel workbook (a Word or PowerPoint file?)");
  const strict = xml.slice(root.tag.start, root.tag.end).includes("purl.oclc.org/ooxml");
  const worksheets = new Map(pkg.related(part, "worksheet").map(({ rel, part: p }) => [rel.id, p]));
  const sheetsElement = findElement(xml, "sheets", root.innerStart, root.innerEnd);
  const sheets: SheetEntry[] = sheetsElement
    ? childrenOf(xml, sheetsElement)
        .filter((child) => child.tag.local === "sheet")
        .map((child) => {
          const attrs = attributes(xml, child.tag);
          const rId = attribute(xml, child.tag, "id") ?? "";
          const state = attrs.get("state");
          return {
            name: attrs.get("name") ?? "",
            sheetId: Number(attrs.get("sheetId") ?? 0),
            state: state === "hidden" || state === "veryHidden" ? state : "visible",
            rId,
            part: worksheets.get(rId) ?? null,
          };
        })
    : [];
  const pr = findElement(xml, "workbookPr", root.innerStart, root.innerEnd);
  const date1904 = pr ? /^(1|true)$/.test(attribute(xml, pr.tag, "date1904") ?? "") : false;
  const protection = findElement(xml, "workbookProtection", root.innerStart, root.innerEnd);
  const structureLocked = protection ? /^(1|true)$/.test(attribute(xml, protection.tag, "lockStructure") ?? "") : false;
  const first = (kind: string) => pkg.related(part, kind).find((r) => pkg.has(r.part))?.part ?? null;
  return {
    part,
    sheets,
    date1904,
    strict,
    structureLocked,
    sharedStrings: first("sharedStrings"),
    styles: first("styles"),
    calcChain: first("calcChain"),
  };
}
