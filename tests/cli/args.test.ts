/** The command line interface of issue 4, exactly: commands, options, defaults, and what is bad usage. */
import { parseCommand, UsageError } from "../../src/cli/args";

describe("parseCommand", () => {
  it("reads apply with its defaults: values, summary, no output or JSON named", () => {
    expect(parseCommand(["apply", "in.xlsx"])).toEqual({
      kind: "apply",
      input: "in.xlsx",
      output: null,
      json: null,
      mode: "values",
      summary: true,
      inPlace: false,
      spc: false,
      maxSize: null,
    });
  });

  it("reads every apply option, short and long", () => {
    expect(
      parseCommand(["apply", "in.xlsx", "-o", "out.xlsx", "--json", "r.json", "--formulas", "--no-summary"]),
    ).toEqual({
      kind: "apply",
      input: "in.xlsx",
      output: "out.xlsx",
      json: "r.json",
      mode: "formulas",
      summary: false,
      inPlace: false,
      spc: false,
      maxSize: null,
    });
    expect(parseCommand(["apply", "in.xlsx", "-o", "in.xlsx", "--in-place", "--max-size", "2048"])).toMatchObject({
      inPlace: true,
      maxSize: 2048,
    });
    expect(parseCommand(["apply", "in.xlsx", "--spc"])).toMatchObject({ spc: true });
    expect(parseCommand(["summary", "in.xlsx", "--spc"])).toMatchObject({ kind: "summary", spc: true });
    expect(() => parseCommand(["chart", "in.xlsx", "--measure", "A1", "--spc"])).toThrow(
      '"chart" does not take --spc.',
    );
    expect(parseCommand(["apply", "--output=o.xlsx", "in.xlsx", "--values"])).toMatchObject({
      output: "o.xlsx",
      mode: "values",
    });
  });

  it("reads summary, sample, help and version", () => {
    expect(parseCommand(["summary", "in.xlsx"])).toEqual({
      kind: "summary",
      input: "in.xlsx",
      spc: false,
      maxSize: null,
    });
    expect(parseCommand(["sample"])).toEqual({ kind: "sample", output: null });
    expect(parseCommand(["sample", "-o", "s.xlsx"])).toEqual({ kind: "sample", output: "s.xlsx" });
    expect(parseCommand(["--help"])).toEqual({ kind: "help" });
    expect(parseCommand(["apply", "-h"])).toEqual({ kind: "help" });
    expect(parseCommand(["--version"])).toEqual({ kind: "version" });
    expect(parseCommand(["-v"])).toEqual({ kind: "version" });
  });

  it.each([
    [[], /No command/],
    [["score", "in.xlsx"], /Unknown command "score"/],
    [["apply"], /exactly one input workbook, got 0/],
    [["apply", "a.xlsx", "b.xlsx"], /exactly one input workbook, got 2/],
    [["apply", "in.xlsx", "--values", "--formulas"], /either --values or --formulas/],
    [["apply", "in.xlsx", "--colour"], /Unknown option '--colour'/],
    [["apply", "in.xlsx", "-o"], /^--output needs a file name after it\.$/],
    [
      ["apply", "in.xlsx", "--json", "-r.json"],
      /^--json needs a file name after it \(a name starting with "-" is written --json=-name\)\.$/,
    ],
    [["apply", "in.xlsx", "--max-size"], /^--max-size needs a positive number of megabytes after it\.$/],
    [["apply", "in.xlsx", "--max-size", "-5"], /^--max-size needs a positive number of megabytes after it\.$/],
    [
      ["apply", "in.xlsx", "--in-place"],
      /^--in-place only goes with -o naming the input: -o in\.xlsx --in-place replaces it\.$/,
    ],
    [["apply", "in.xlsx", "-o", ""], /empty file name/],
    [["summary", "in.xlsx", "--json", "r.json"], /"summary" does not take --json/],
    [["summary", "in.xlsx", "-o", "x.xlsx"], /"summary" does not take --output/],
    [["sample", "-o", ""], /empty file name/],
    [["sample", "file.xlsx"], /takes no file name/],
    [["sample", "--formulas"], /"sample" does not take --formulas/],
    [["apply", "in.xlsx", "--max-size", "lots"], /--max-size takes a positive number of megabytes, got "lots"/],
    [["apply", "in.xlsx", "--max-size", "0"], /--max-size takes a positive number of megabytes, got "0"/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
