/** One written cell as sheet XML: a value, or a formula with its cached result, in the style it is given. */
import type { OutCell } from "../../../workbook/port";
import { toFileFormula } from "../../../workbook/fileFormulas";
import { escapeXml } from "../xml/scan";
import type { StringTable } from "./stringTable";

/** Excel's limit on a number's digits: JavaScript's shortest round-trip text is what it reads back exactly. */
function numberText(n: number): string {
  return String(n);
}

export function cellXml(prefix: string, ref: string, xf: number, out: OutCell, strings: StringTable): string {
  const s = xf > 0 ? ` s="${xf}"` : "";
  const c = `${prefix}c`;
  const { value, formula } = out;
  if (formula !== undefined) {
    // As Excel saves it: KPI.RAG( is _xldudf_KPI_RAG(, SWITCH( is _xlfn.SWITCH( (see fileFormulas.ts). An array
    // formula of one cell (OutCell.array) is read with array evaluation by every Excel version.
    const array = out.array ? ` t="array" ref="${ref}"` : "";
    const f = `<${prefix}f${array}>${escapeXml(toFileFormula(formula).replace(/^=/, ""))}</${prefix}f>`;
    if (value === null) return `<${c} r="${ref}"${s}>${f}</${c}>`;
    if (typeof value === "number") {
      return Number.isFinite(value)
        ? `<${c} r="${ref}"${s}>${f}<${prefix}v>${numberText(value)}</${prefix}v></${c}>`
        : `<${c} r="${ref}"${s} t="e">${f}<${prefix}v>#NUM!</${prefix}v></${c}>`;
    }
    return `<${c} r="${ref}"${s} t="str">${f}<${prefix}v>${escapeXml(value)}</${prefix}v></${c}>`;
  }
  if (value === null) return `<${c} r="${ref}"${s}/>`;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? `<${c} r="${ref}"${s}><${prefix}v>${numberText(value)}</${prefix}v></${c}>`
      : `<${c} r="${ref}"${s} t="e"><${prefix}v>#NUM!</${prefix}v></${c}>`;
  }
  return `<${c} r="${ref}"${s} t="s"><${prefix}v>${strings.indexOf(value)}</${prefix}v></${c}>`;
}
