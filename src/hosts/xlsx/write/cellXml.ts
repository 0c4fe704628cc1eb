/** One written cell as sheet XML: a value, or a formula with its cached result, in the style it is given. */
import type { OutCell } from "../../../workbook/port";
import { toFileFormula } from "../../../workbook/fileFormulas";
import { escapeXml } from "../xml/scan";
import type { StringTable } from "./stringTable";

/** Excel's limit on a number's digits: JavaScript's shortest round-trip text is what it reads back exactly. */
function numberText(n: number): string {
  return String(n);
}

/** The fixed text around a cell's parts, for one namespace prefix. */
interface Fragments {
  /** `<c r="` */
  readonly open: string;
  /** `<v>` */
  readonly v: string;
  /** `</v></c>` */
  readonly vEnd: string;
  /** `</c>` */
  readonly end: string;
  readonly f: string;
  readonly fEnd: string;
}

/**
 * Made once per prefix: a cell is then joined from a few pieces rather than a dozen (every piece joined is a string
 * made; the sheets' new cells were the write's largest source of garbage, ~80 MB on 40,000 rows).
 */
const FRAGMENTS = new Map<string, Fragments>();

function fragmentsFor(prefix: string): Fragments {
  let fragments = FRAGMENTS.get(prefix);
  if (!fragments) {
    fragments = {
      open: `<${prefix}c r="`,
      v: `<${prefix}v>`,
      vEnd: `</${prefix}v></${prefix}c>`,
      end: `</${prefix}c>`,
      f: `<${prefix}f`,
      fEnd: `</${prefix}f>`,
    };
    FRAGMENTS.set(prefix, fragments);
  }
  return fragments;
}

export function cellXml(prefix: string, ref: string, xf: number, out: OutCell, strings: StringTable): string {
  const x = fragmentsFor(prefix);
  // `<c r="A1"` and its style: the tag is closed by what follows, its type (if any) first.
  const head = xf > 0 ? `${x.open}${ref}" s="${xf}"` : `${x.open}${ref}"`;
  const { value, formula } = out;
  if (formula !== undefined) {
    // As Excel saves it: KPI.RAG( is _xldudf_KPI_RAG(, SWITCH( is _xlfn.SWITCH( (see fileFormulas.ts). An array
    // formula of one cell (OutCell.array) is read with array evaluation by every Excel version.
    const array = out.array ? ` t="array" ref="${ref}"` : "";
    const f = `${x.f}${array}>${escapeXml(toFileFormula(formula).replace(/^=/, ""))}${x.fEnd}`;
    if (value === null) return `${head}>${f}${x.end}`;
    if (typeof value === "number") {
      return Number.isFinite(value)
        ? `${head}>${f}${x.v}${numberText(value)}${x.vEnd}`
        : `${head} t="e">${f}${x.v}#NUM!${x.vEnd}`;
    }
    return `${head} t="str">${f}${x.v}${escapeXml(value)}${x.vEnd}`;
  }
  if (value === null) return `${head}/>`;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? `${head}>${x.v}${numberText(value)}${x.vEnd}`
      : `${head} t="e">${x.v}#NUM!${x.vEnd}`;
  }
  return `${head} t="s">${x.v}${strings.indexOf(value)}${x.vEnd}`;
}
