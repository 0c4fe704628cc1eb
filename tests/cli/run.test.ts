/** The CLI commands end to end, in process: files written, what goes to stdout and stderr, and exit statuses. */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { run, type Console } from "../../src/cli/main";
import { USAGE } from "../../src/cli/args";
import { buildSampleWorkbook } from "../support/buildSample";
import { FIXTURES } from "../fixtures/ooxml/features";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-cli-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

interface Result {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(...argv: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Console = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => null };
  const status = await run(argv, io);
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

async function sampleFile(name = "sample.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer()));
  return file;
}

async function load(file: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Column index (1-based) of a header on a sheet's header row. */
function columnOf(workbook: Workbook, sheet: string, headerRow: number, header: string): number {
  const headers = workbook.getWorksheet(sheet)!.getRow(headerRow).values as unknown[];
  const col = headers.indexOf(header);
  if (col < 1) throw new Error(`no ${header} header on ${sheet} row ${headerRow}`);
  return col;
}

describe("scorecard apply", () => {
  it("writes <name>.scored.xlsx beside the input with values, leaves the input alone, and reports problems on stderr", async () => {
    const input = await sampleFile();
    const before = await fs.readFile(input);
    const result = await cli("apply", input);

    expect(result.status).toBe(0);
    expect(await fs.readFile(input)).toEqual(before);
    const output = path.join(dir, "sample.scored.xlsx");
    expect(result.stdout).toContain(`Wrote ${output}`);
    expect(result.stdout).toMatch(
      /Rated \d+ rows \(48 measures\) in 5 tables on 3 sheets; .*summary sheet "Scorecard Summary"/,
    );
    expect(result.stderr).toBe(`'Children''s Services'!E21: Unknown aim "Lower is btter": the status is NA.`);

    const scored = await load(output);
    const status = columnOf(scored, "People", 5, "Status");
    expect(scored.getWorksheet("People")!.getCell(6, status).value).toBe("NA"); // PH14 2019/20: value "NA"
    expect(scored.getWorksheet("People")!.getCell(7, status).value).toBe("Red"); // PH14 2018/19: 24% vs 21.5%, Minimise
    // Values mode: no KPI formulas anywhere in the scored workbook, so it opens without the add-in.
    for (const ws of scored.worksheets) {
      ws.eachRow((row) => row.eachCell((c) => expect(String(c.formula ?? "")).not.toMatch(/KPI\./)));
    }
    expect(scored.getWorksheet("Scorecard Summary")).toBeDefined();
  });

  it("scoring a scored copy again without -o writes no name.scored.scored.xlsx and leaves the copy alone (F23)", async () => {
    const input = await sampleFile();
    const scored = path.join(dir, "sample.scored.xlsx");
    expect((await cli("apply", input, "-o", scored)).status).toBe(0);
    const before = await fs.readFile(scored);
    const again = await cli("apply", scored);
    expect(again.status).toBe(1);
    expect(again.stderr.split("\n")[0]).toBe(
      `scorecard: ${scored} is already a scored copy: name the output with -o, or give -o ${scored} --in-place to score it again in place.`,
    );
    expect((await fs.readFile(scored)).equals(before)).toBe(true);
    expect(await fs.readdir(dir)).not.toContain("sample.scored.scored.xlsx");
  });

  it("writes KPI formulas with cached results when asked, and no summary with --no-summary", async () => {
    const input = await sampleFile();
    const output = path.join(dir, "live.xlsx");
    expect((await cli("apply", input, "-o", output, "--formulas", "--no-summary")).status).toBe(0);
    const scored = await load(output);
    const status = columnOf(scored, "People", 5, "Status");
    const value = scored.getWorksheet("People")!.getCell(7, status).value;
    expect(value).toMatchObject({
      // As Excel saves a custom function call in the file (see src/workbook/fileFormulas.ts).
      formula: expect.stringMatching(/^_xldudf_KPI_RAG\(IF\(E7="","",E7\),IF\(D7="","",D7\),F7/),
      result: "Red",
    });
    expect(scored.getWorksheet("Scorecard Summary")).toBeUndefined();
  });

  it("writes the JSON report the contract describes, with one entry per measure", async () => {
    const input = await sampleFile();
    const json = path.join(dir, "report.json");
    expect((await cli("apply", input, "-o", path.join(dir, "o.xlsx"), "--json", json)).status).toBe(0);
    const report = JSON.parse(await fs.readFile(json, "utf8"));
    expect(report.measures).toHaveLength(48);
    expect(report.measures.find((m: { code: string }) => m.code === "ILAC6")).toMatchObject({
      sheet: "People",
      group: "Children and young people have the best start in life",
      period: "Q2 2020/21",
      aim: "Goldilocks",
      value: 391,
      target: [330, 380],
      floor: null,
      status: "Amber",
    });
    expect(report.measures.find((m: { code: string }) => m.code === "ASC01")).toMatchObject({
      floor: 0.7,
      status: "Amber",
    });
    expect(report.summary.sheets.map((s: { sheet: string }) => s.sheet)).toEqual([
      "People",
      "Adult Social Care",
      "Children's Services",
    ]);
    expect(report.problems).toEqual([
      { sheet: "Children's Services", cell: "E21", message: expect.stringContaining("Lower is btter") },
    ]);
    expect(report.writeProblems).toEqual([]);
  });

  it("refuses -o naming the input unless --in-place says so", async () => {
    const input = await sampleFile();
    const before = await fs.readFile(input);
    const refused = await cli("apply", input, "-o", input);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^scorecard: -o .*sample\.xlsx is the input workbook; add --in-place/);
    expect((await fs.readFile(input)).equals(before)).toBe(true);

    const result = await cli("apply", input, "-o", input, "--in-place");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("replacing the input, as --in-place asked");
    expect((await load(input)).getWorksheet("Scorecard Summary")).toBeDefined();
    expect((await fs.readdir(dir)).sort()).toEqual(["sample.xlsx"]);
  });

  it("exits 1 (bad usage, as -o naming the input) without writing anything when --json names the input or the output workbook", async () => {
    const input = await sampleFile();
    const before = await fs.readFile(input);
    for (const argv of [
      ["apply", input, "--json", input],
      ["apply", input, "-o", path.join(dir, "out.xlsx"), "--json", path.join(dir, "out.xlsx")],
    ]) {
      const result = await cli(...argv);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^scorecard: --json .*would overwrite the (input|output) workbook; name another file\.\nRun scorecard --help for the options\.$/,
      );
      expect(await fs.readdir(dir)).toEqual(["sample.xlsx"]);
      expect((await fs.readFile(input)).equals(before)).toBe(true);
    }
  });

  it("notes a protected sheet on stderr and still scores the rest", async () => {
    const workbook = buildSampleWorkbook();
    await workbook.getWorksheet("People")!.protect("", {});
    const input = path.join(dir, "locked.xlsx");
    await fs.writeFile(input, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const result = await cli("apply", input);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^Note: Sheet "People" is protected/m);
    // The sample has tables on 3 sheets: the protected one is not counted as rated, and the line says so.
    expect(result.stdout).toMatch(
      /^Rated \d+ rows \(\d+ measures\) in 2 tables on 2 sheets; not written: People \(protected\);/,
    );
    const scored = await load(path.join(dir, "locked.scored.xlsx"));
    expect(scored.getWorksheet("People")!.getCell("H6").value).toBeNull();
    expect(scored.getWorksheet("Adult Social Care")!.getCell("S5").value).toBe("Amber");
  });

  it("keeps parts it does not own, such as a chart, and says nothing was lost", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(await sampleFile()));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const input = path.join(dir, "charted.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const result = await cli("apply", input);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/Note: .*(does not keep|lost)/);
    const scored = await JSZip.loadAsync(await fs.readFile(path.join(dir, "charted.scored.xlsx")));
    expect(await scored.file("xl/charts/chart1.xml")!.async("string")).toBe("<c:chartSpace/>");
  });

  describe("a sheet part damaged where the XML is still well formed", () => {
    /** A one-sheet workbook whose sheet XML is edited: a cell reference or a number Excel would never write. */
    async function damaged(edit: (xml: string) => string): Promise<string> {
      const workbook = new Workbook();
      const ws = workbook.addWorksheet("Place");
      ws.addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
      ws.addRow(["P1", "Measure 1", "Q1 2024/25", 10, 12, "Maximise"]);
      ws.addRow(["P1", "Measure 1", "Q2 2024/25", 0.44, 12, "Maximise"]);
      const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
      const part = "xl/worksheets/sheet1.xml";
      const xml = await zip.file(part)!.async("string");
      const edited = edit(xml);
      expect(edited).not.toBe(xml);
      zip.file(part, edited);
      const input = path.join(dir, "damaged.xlsx");
      await fs.writeFile(input, await zip.generateAsync({ type: "uint8array" }));
      return input;
    }

    it.each([
      [
        "a cell filed under another row",
        (xml: string) => xml.replace('r="D3"', 'r="D9"'),
        "cell D9 is filed under row 3",
      ],
      [
        "a column past XFD",
        (xml: string) => xml.replace('r="D3"', 'r="ZZZZ3"'),
        'cell reference "ZZZZ3" is not a cell',
      ],
      [
        "a number cell holding text",
        (xml: string) => xml.replace("<v>0.44</v>", "<v>abc</v>"),
        'cell D3 holds "abc" where a number belongs',
      ],
    ])(
      "exits 2 for %s, naming the sheet, the part and the cell in one line; writes nothing",
      async (_what, edit, detail) => {
        const input = await damaged(edit);
        for (const command of ["apply", "summary"]) {
          const result = await cli(command, input);
          expect(result.status).toBe(2);
          expect(result.stderr).toBe(
            `scorecard: ${input} has a damaged sheet "Place" (part xl/worksheets/sheet1.xml: ${detail})`,
          );
        }
        expect(await fs.readdir(dir)).toEqual(["damaged.xlsx"]);
      },
    );
  });

  it("keeps a macro workbook an .xlsm: an output named otherwise is refused, and the reverse too", async () => {
    const macros = FIXTURES.find((f) => f.name === "macros")!;
    const input = path.join(dir, "macros.xlsm");
    await fs.writeFile(input, macros.bytes());
    const refused = await cli("apply", input, "-o", path.join(dir, "out.xlsx"));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^scorecard: -o .*out\.xlsx: the workbook has macros, so the output must be an \.xlsm file\./,
    );
    expect((await cli("apply", input)).status).toBe(0);
    expect(await fs.readdir(dir)).toEqual(["macros.scored.xlsm", "macros.xlsm"]);
    const sample = await sampleFile();
    const reverse = await cli("apply", sample, "-o", path.join(dir, "out.xlsm"));
    expect(reverse.status).toBe(1);
    expect(reverse.stderr).toMatch(/the workbook has no macros, so the output must be an \.xlsx file/);
  });

  it("names the default output by what was read: a macro-enabled workbook called .xlsx gets a .scored.xlsm copy", async () => {
    const macros = FIXTURES.find((f) => f.name === "macros")!;
    const input = path.join(dir, "macros.xlsx");
    await fs.writeFile(input, macros.bytes());
    const result = await cli("apply", input);
    expect(result.stderr).not.toMatch(/-o/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Wrote .*macros\.scored\.xlsm$/);
    expect(await fs.readdir(dir)).toEqual(["macros.scored.xlsm", "macros.xlsx"]);
  });

  it("writes neither file when the JSON report cannot be written", async () => {
    const input = await sampleFile();
    const result = await cli(
      "apply",
      input,
      "-o",
      path.join(dir, "out.xlsx"),
      "--json",
      path.join(dir, "no", "r.json"),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^scorecard: cannot write .*r\.json: no such file or folder$/);
    expect(await fs.readdir(dir)).toEqual(["sample.xlsx"]);
  });

  it("renames the workbook into place last: when that rename fails, exit 2 names it and the report before it is in place", async () => {
    const input = await sampleFile();
    const output = path.join(dir, "out.xlsx");
    const json = path.join(dir, "r.json");
    // The workbook's rename fails (a file open in Excel on Windows); the report's, made before it, has happened.
    const realRename = fs.rename.bind(fs);
    const rename = jest.spyOn(fs, "rename").mockImplementation(async (from, to) => {
      if (to === output) throw Object.assign(new Error("EBUSY: resource busy"), { code: "EBUSY" });
      return realRename(from, to);
    });
    let result: Result;
    try {
      result = await cli("apply", input, "-o", output, "--json", json);
    } finally {
      rename.mockRestore();
    }
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^scorecard: cannot write .*out\.xlsx: the file is in use/);
    expect((await fs.readdir(dir)).sort()).toEqual(["r.json", "sample.xlsx"]);
    expect(JSON.parse(await fs.readFile(json, "utf8")).summary.sheets.length).toBeGreaterThan(0);
  });

  it("refuses -o or --json naming a folder with one line, before reading the input, and writes nothing (N18)", async () => {
    const input = await sampleFile();
    const folder = path.join(dir, "outdir");
    await fs.mkdir(folder);
    for (const [argv, message] of [
      [["-o", folder], `scorecard: cannot write ${folder}: it is a folder; name a file in it`],
      [["-o", `${folder}/`], `scorecard: cannot write ${folder}/: it names a folder; name a file in it`],
      [["-o", path.join(dir, "nothere") + "/"], `it names a folder; name a file in it`],
      [["--json", folder], `scorecard: cannot write ${folder}: it is a folder; name a file in it`],
    ] as const) {
      const result = await cli("apply", input, ...argv);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.split("\n")).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\.tmp|ENOTDIR|EISDIR/);
    }
    expect((await fs.readdir(dir)).sort()).toEqual(["outdir", "sample.xlsx"]);
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it("writes through a symlink named by -o (the link stays, its file is replaced), and takes a link to the input as the input (N1)", async () => {
    const input = await sampleFile();
    const shared = path.join(dir, "shared");
    await fs.mkdir(shared);
    const real = path.join(shared, "latest-real.xlsx");
    await fs.writeFile(real, "last month's");
    const link = path.join(dir, "latest.xlsx");
    await fs.symlink(real, link);
    const result = await cli("apply", input, "-o", link);
    expect(result.status).toBe(0);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await load(real)).getWorksheet("Scorecard Summary")).toBeDefined();
    expect(await fs.readdir(shared)).toEqual(["latest-real.xlsx"]);

    const before = await fs.readFile(input);
    const toInput = path.join(dir, "input-link.xlsx");
    await fs.symlink(input, toInput);
    const refused = await cli("apply", input, "-o", toInput);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^scorecard: -o .*input-link\.xlsx is the input workbook; add --in-place/);
    expect((await cli("apply", input, "--json", toInput)).stderr).toMatch(/would overwrite the input workbook/);
    expect((await fs.readFile(input)).equals(before)).toBe(true);
  });

  // mknod needs root (as on the machines this runs on): a null device of the test's own, never the real /dev/null.
  (process.getuid?.() === 0 ? it : it.skip)(
    "writes -o and --json into a character device, which stays a device (N1)",
    async () => {
      const input = await sampleFile();
      const device = path.join(dir, "mynull");
      execFileSync("mknod", ["-m", "666", device, "c", "1", "3"]);
      for (const argv of [
        ["-o", device],
        ["-o", path.join(dir, "out.xlsx"), "--json", device],
      ]) {
        const result = await cli("apply", input, ...argv);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain(`Wrote ${device}`);
        expect((await fs.lstat(device)).isCharacterDevice()).toBe(true);
      }
      expect((await fs.readdir(dir)).sort()).toEqual(["mynull", "out.xlsx", "sample.xlsx"]);
    },
  );

  it("exits 2 with one line, before inflating anything, when the workbook is larger than --max-size", async () => {
    const input = await sampleFile();
    const result = await cli("apply", input, "--max-size", "0.01");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^scorecard: .*sample\.xlsx (would inflate to|has a part \(.*\) of) [\d.]+ MB( uncompressed)?, over the limit of 0\.01 MB( per part)?$/,
    );
    expect(await fs.readdir(dir)).toEqual(["sample.xlsx"]);
  });

  it.each([
    [
      "a missing file",
      (d: string) => path.join(d, "nope.xlsx"),
      /^scorecard: cannot read .*nope\.xlsx: no such file or folder$/,
    ],
    [
      "a text file",
      async (d: string) => write(d, "notes.xlsx", "Code,Value\n"),
      /^scorecard: .*notes\.xlsx is not an \.xlsx workbook$/,
    ],
    [
      "an encrypted workbook",
      async (d: string) =>
        write(d, "secret.xlsx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1000)])),
      /^scorecard: .*secret\.xlsx is password-protected \(encrypted\)/,
    ],
  ])("exits 2 with one line and no output for %s", async (_what, make, message) => {
    const input = await make(dir);
    const output = path.join(dir, "out.xlsx");
    const result = await cli("apply", input, "-o", output, "--json", path.join(dir, "r.json"));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    await expect(fs.access(output)).rejects.toThrow();
    await expect(fs.access(path.join(dir, "r.json"))).rejects.toThrow();
  });

  it("exits 2 when the output cannot be written, and leaves nothing behind", async () => {
    const input = await sampleFile();
    const result = await cli("apply", input, "-o", path.join(dir, "no-folder", "out.xlsx"));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^scorecard: cannot write .*out\.xlsx: no such file or folder$/);
    expect(await fs.readdir(dir)).toEqual(["sample.xlsx"]);
  });
});

async function write(d: string, name: string, data: string | Buffer): Promise<string> {
  const file = path.join(d, name);
  await fs.writeFile(file, data);
  return file;
}

describe("scorecard summary", () => {
  it("prints counts, improvement lines, narrative and problems, and changes nothing", async () => {
    const input = await sampleFile();
    const before = await fs.readFile(input);
    const result = await cli("summary", input);
    expect(result.status).toBe(0);
    expect(await fs.readFile(input)).toEqual(before);
    expect(await fs.readdir(dir)).toEqual(["sample.xlsx"]);
    const lines = result.stdout.split("\n");
    // SPEC §5: the summary names the period it covers, each with its count where they differ.
    expect(lines[1]).toBe(
      "Periods: Q2 2020/21 (16 measures), Q1 2020/21 (1 measure), 2019/20 (2 measures), Sep 2013 (9 measures), " +
        "Aug 2013 (2 measures), period not stated (18 measures).",
    );
    const people = lines.indexOf("People");
    expect(lines.slice(people + 1, people + 5)).toEqual([
      "  19 measures: 14 reporting, 5 NA (5 data not available, 0 not rated)",
      "  Green 6 · Amber 3 · Red 5 · NA 5",
      "  57% (8 out of 14) improved long term",
      "  29% (4 out of 14) improved short term",
    ]);
    expect(lines).toContain("  The total number of measures for this directorate is 19.");
    // Children's Services is a single-layout table: it has no long trends, so no long-term line.
    const children = lines.indexOf("Children's Services");
    expect(lines.slice(children + 1, children + 4)).toEqual([
      "  18 measures: 17 reporting, 1 NA (0 data not available, 1 not rated)",
      "  Green 8 · Amber 4 · Red 5 · NA 1",
      "  59% (10 out of 17) improved short term",
    ]);
    expect(lines).toContain("  Healthy and active communities");
    expect(lines).toContain("    The total number of measures for this outcome is 4.");
    expect(lines.slice(-2)).toEqual([
      "Data problems (1):",
      `  'Children''s Services'!E21: Unknown aim "Lower is btter": the status is NA.`,
    ]);
  });
});

describe("scorecard sample, help, version and bad usage", () => {
  it("writes the sample workbook", async () => {
    const output = path.join(dir, "s.xlsx");
    const result = await cli("sample", "-o", output);
    expect(result).toEqual({ status: 0, stdout: `Wrote ${output}`, stderr: "" });
    expect((await load(output)).worksheets.map((ws) => ws.name)).toEqual([
      "People",
      "Adult Social Care",
      "Children's Services",
      "Notes",
    ]);
  });

  it("prints help and the package version on stdout", async () => {
    expect(await cli("--help")).toEqual({ status: 0, stdout: USAGE, stderr: "" });
    const { version } = JSON.parse(await fs.readFile(path.join(__dirname, "../../package.json"), "utf8"));
    expect(await cli("--version")).toEqual({ status: 0, stdout: version, stderr: "" });
  });

  it("exits 1 with the problem and a pointer to --help on stderr, not the whole help (N20)", async () => {
    const result = await cli("apply", "a.xlsx", "--values", "--formulas");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "scorecard: Choose either --values or --formulas, not both.\nRun scorecard --help for the options.",
    );
    const misspelt = await cli("apply", "a.xlsx", "--spcc");
    expect(misspelt.status).toBe(1);
    expect(misspelt.stderr).toBe("scorecard: Unknown option '--spcc'.\nRun scorecard --help for the options.");
  });

  it("prints the whole help, on stderr with exit 1, when no command is given", async () => {
    expect(await cli()).toEqual({ status: 1, stdout: "", stderr: `scorecard: No command given.\n\n${USAGE}` });
  });
});
