/** The command line, parsed with node:util parseArgs into one of the commands; bad usage is a UsageError. */
import { parseArgs } from "node:util";

export type Command =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | {
      readonly kind: "apply";
      readonly input: string;
      readonly output: string | null;
      readonly json: string | null;
      readonly mode: "values" | "formulas";
      readonly summary: boolean;
      readonly inPlace: boolean;
      /** --spc: add Variation and Assurance (SPEC §7) whatever the workbook's stored setting says. */
      readonly spc: boolean;
      /** Megabytes the workbook may inflate to in all; null for the default. */
      readonly maxSize: number | null;
    }
  | {
      readonly kind: "summary";
      readonly input: string;
      /** --spc: the SPC sentences too, as `apply --spc` writes them on the summary sheet. */
      readonly spc: boolean;
      readonly maxSize: number | null;
    }
  | {
      readonly kind: "chart";
      readonly input: string;
      /** A measure's code or name; `sheet` narrows it to one sheet. */
      readonly measure: string;
      readonly sheet: string | null;
      readonly output: string | null;
      readonly maxSize: number | null;
    }
  | { readonly kind: "sample"; readonly output: string | null };

/** Bad usage: exit 1 with the message and a pointer to --help (the whole help only when it is the answer). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** `scorecard` with no command: the help is what was wanted. Otherwise it would bury the one useful line. */
    readonly showUsage = false,
  ) {
    super(message);
  }
}

export const HELP_HINT = "Run scorecard --help for the options.";

export const USAGE = `Usage: scorecard <command> [options]

Commands:
  apply <in.xlsx>      Rate every measure: write status and trends beside each table,
                       colour them and add the summary sheet, into a new workbook.
      -o, --output <file>  Output workbook (default: <name>.scored.xlsx beside the input)
      --json <file>        Also write a JSON report: measures, summary counts, problems
      --values             Write plain values (the default: opens anywhere)
      --formulas           Write live KPI.* formulas with cached results (needs the add-in)
      --no-summary         Do not add the summary sheet
      --spc                Add SPC Variation and Assurance columns (NHS Making Data Count)
                           for measures with a history of 12 or more figures
      --in-place           Allow -o to name the input itself (it is replaced); only with -o
      --max-size <MB>      Refuse a workbook that inflates to more than this (default 1024;
                           no one part may pass 512)
  summary <in.xlsx>    Print the summary of a workbook (counts, trends, narrative, problems).
                       The file is not changed. Takes --spc (the SPC sentences) and --max-size.
  chart <in.xlsx> --measure <code or name>
                       Draw one measure's SPC chart (values, mean, process limits,
                       special causes) on the sheet "Scorecard SPC" of a copy.
      --sheet <name>       The measure's sheet, when its code is on several
      -o, --output <file>  Output workbook (default: <name>.spc.xlsx beside the input)
  sample [-o <file>]   Write the sample scorecard workbook (default: scorecard-sample.xlsx)

Options:
  -h, --help           Show this help
  -v, --version        Show the version

Exit status: 0 when the workbook was processed (data problems are listed on stderr as
"Sheet!Cell: message"), 1 for bad usage (and for chart, a measure not found or with too
few points), 2 when the input cannot be read or the output
cannot be written, 3 on an internal error.`;

const OPTIONS = {
  output: { type: "string", short: "o" },
  json: { type: "string" },
  values: { type: "boolean" },
  formulas: { type: "boolean" },
  "no-summary": { type: "boolean" },
  "in-place": { type: "boolean" },
  spc: { type: "boolean" },
  measure: { type: "string" },
  sheet: { type: "string" },
  "max-size": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Options each command accepts, besides --help. */
const ACCEPTS: Record<"apply" | "summary" | "sample" | "chart", readonly OptionName[]> = {
  apply: ["output", "json", "values", "formulas", "no-summary", "in-place", "spc", "max-size"],
  summary: ["spc", "max-size"],
  sample: ["output"],
  chart: ["measure", "sheet", "output", "max-size"],
};

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    // Node's words for an option without its value ("argument missing", "argument is ambiguous … use
    // '--max-size=-XYZ'") are about its parser; say what the option needs, as the other messages do.
    const valueless = /^Option '(?:-\w, )?--([\w-]+)(?: <value>)?' argument (missing|is ambiguous)/.exec(message);
    if (valueless) {
      const [, name, why] = valueless;
      const dash =
        why === "missing" || name === "max-size" ? "" : ` (a name starting with "-" is written --${name}=-name)`;
      throw new UsageError(`--${name} needs ${VALUE_OF[name] ?? "a value"} after it${dash}.`);
    }
    // Node's other messages are clear; its hint about "--" only confuses here.
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, "."));
  }
}

/** What follows each option that takes a value, for the message when it is missing. */
const VALUE_OF: Partial<Record<string, string>> = {
  output: "a file name",
  json: "a file name",
  "max-size": "a positive number of megabytes",
  measure: "a measure's code or name",
  sheet: "a sheet name",
};

export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseOptions(argv);
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [name, ...operands] = positionals;
  if (name === undefined) throw new UsageError("No command given.", true);
  if (name !== "apply" && name !== "summary" && name !== "sample" && name !== "chart")
    throw new UsageError(`Unknown command "${name}".`);

  const given = (Object.keys(values) as OptionName[]).filter((key) => values[key] !== undefined);
  const stray = given.find((key) => !ACCEPTS[name].includes(key));
  if (stray) throw new UsageError(`"${name}" does not take --${stray}.`);

  if (values.output === "" || values.json === "") throw new UsageError("An empty file name was given.");

  if (name === "sample") {
    if (operands.length > 0) throw new UsageError(`"sample" takes no file name; use -o <file>.`);
    return { kind: "sample", output: values.output ?? null };
  }
  if (operands.length !== 1) {
    throw new UsageError(`"${name}" needs exactly one input workbook, got ${operands.length}.`);
  }
  const [input] = operands;
  const maxSize = parseMaxSize(values["max-size"]);
  if (name === "summary") return { kind: "summary", input, spc: values.spc === true, maxSize };
  if (name === "chart") {
    if (values.measure === undefined || values.measure.trim() === "")
      throw new UsageError(`"chart" needs --measure <code or name>.`);
    return {
      kind: "chart",
      input,
      measure: values.measure,
      sheet: values.sheet ?? null,
      output: values.output ?? null,
      maxSize,
    };
  }
  if (values.values && values.formulas) throw new UsageError("Choose either --values or --formulas, not both.");
  // Without -o the output is <name>.scored.xlsx, never the input: --in-place alone would be silently ignored.
  if (values["in-place"] && values.output === undefined)
    throw new UsageError(`--in-place only goes with -o naming the input: -o ${input} --in-place replaces it.`);
  return {
    kind: "apply",
    input,
    output: values.output ?? null,
    json: values.json ?? null,
    mode: values.formulas ? "formulas" : "values",
    summary: !values["no-summary"],
    inPlace: values["in-place"] === true,
    spc: values.spc === true,
    maxSize,
  };
}

function parseMaxSize(text: string | undefined): number | null {
  if (text === undefined) return null;
  const mb = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(mb > 0))
    throw new UsageError(`--max-size takes a positive number of megabytes, got "${text}".`);
  return mb;
}
