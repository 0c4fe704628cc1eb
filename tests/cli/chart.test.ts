/** `scorecard chart` end to end, in process (issue 12): one measure's SPC chart drawn on a copy, or a one-line refusal. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { run, type Console } from "../../src/cli/main";
import { HELP_HINT } from "../../src/cli/args";
import { KENT_MONTHS, KENT_SERIES } from "../support/kent";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-chart-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Console = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => null };
  const status = await run(argv, io);
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Kent's ASC dashboard as a wide table, on two sheets so that a code can be on both. */
async function kentFile(sheets = ["Adult Social Care"]): Promise<string> {
  const workbook = new Workbook();
  for (const name of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(["Code", "Measure", "Aim", "Target", ...KENT_MONTHS]);
    for (const [code, aim, target, months] of KENT_SERIES)
      sheet.addRow([code, `${code} measure`, aim, target, ...months]);
  }
  const file = path.join(dir, "kent.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

test("draws the chart on Scorecard SPC of <name>.spc.xlsx and says what it shows", async () => {
  const input = await kentFile();
  const result = await cli("chart", input, "--measure", "ASC1");
  expect(result).toEqual({
    status: 0,
    stdout:
      'SPC chart of ASC1 ASC1 measure (Adult Social Care, 13 points) on the sheet "Scorecard SPC": Improvement (high), assurance Fail.\n' +
      `Wrote ${path.join(dir, "kent.spc.xlsx")}`,
    stderr: "",
  });
  const out = await parts(path.join(dir, "kent.spc.xlsx"));
  expect(out.get("xl/workbook.xml")).toContain('<sheet name="Scorecard SPC"');
  const charts = [...out.keys()].filter((p) => p.startsWith("xl/charts/"));
  expect(charts).toHaveLength(1);
  expect(out.get(charts[0])).toContain("<c:lineChart>");
  // The input is untouched.
  expect((await parts(input)).get("xl/workbook.xml")).not.toContain("Scorecard SPC");
});

test("a measure by its name, whatever the case; charting the output again rewrites the same sheet and chart", async () => {
  const input = await kentFile();
  const first = path.join(dir, "first.xlsx");
  const second = path.join(dir, "second.xlsx");
  expect((await cli("chart", input, "--measure", "asc9 MEASURE", "-o", first)).status).toBe(0);
  const result = await cli("chart", first, "--measure", "ASC10", "-o", second);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^SPC chart of ASC10 ASC10 measure .*: Common cause, assurance Pass\.$/m);
  const out = await parts(second);
  expect(out.get("xl/workbook.xml")!.match(/<sheet name="Scorecard SPC/g)).toHaveLength(1);
  expect([...out.keys()].filter((p) => p.startsWith("xl/charts/"))).toHaveLength(1);
});

test("too few points, or no such measure: exit 1 with one line naming what exists, nothing written", async () => {
  const input = await kentFile();
  const short = await cli("chart", input, "--measure", "ASC4");
  expect(short).toEqual({
    status: 1,
    stdout: "",
    stderr: "scorecard: ASC4 on Adult Social Care has 10 points; an SPC chart needs at least 12.",
  });
  const missing = await cli("chart", input, "--measure", "ASC99");
  expect(missing).toEqual({
    status: 1,
    stdout: "",
    stderr:
      'scorecard: No measure "ASC99". Measures with 12 or more points: ' +
      "ASC1 (Adult Social Care), ASC3 (Adult Social Care), ASC9 (Adult Social Care), ASC10 (Adult Social Care).",
  });
  await expect(fs.access(path.join(dir, "kent.spc.xlsx"))).rejects.toThrow();
});

test("a part of a code or name that one measure has picks it; a part several have is exit 1 listing them", async () => {
  const input = await kentFile();
  const unique = await cli("chart", input, "--measure", "sc9 meas", "-o", path.join(dir, "one.xlsx"));
  expect(unique.status).toBe(0);
  expect(unique.stdout).toMatch(/^SPC chart of ASC9 ASC9 measure \(Adult Social Care, 13 points\)/);
  // "ASC1" is a code, so the exact code wins over ASC10 containing it.
  expect((await cli("chart", input, "--measure", "asc1", "-o", path.join(dir, "two.xlsx"))).stdout).toMatch(
    /^SPC chart of ASC1 ASC1 measure /,
  );
  const several = await cli("chart", input, "--measure", "C1", "-o", path.join(dir, "three.xlsx"));
  expect(several).toEqual({
    status: 1,
    stdout: "",
    stderr:
      'scorecard: "C1" matches 2 measures: ASC1 ASC1 measure (Adult Social Care), ASC10 ASC10 measure (Adult Social Care); ' +
      "give more of the code, name or sheet.",
  });
  await expect(fs.access(path.join(dir, "three.xlsx"))).rejects.toThrow();
});

test("a code on two sheets needs --sheet; --sheet picks it", async () => {
  const input = await kentFile(["North", "South"]);
  const both = await cli("chart", input, "--measure", "ASC1");
  expect(both.status).toBe(1);
  expect(both.stderr).toBe('scorecard: "ASC1" is a measure on 2 sheets (North, South); name one with --sheet.');
  const south = await cli("chart", input, "--measure", "ASC1", "--sheet", "South");
  expect(south.status).toBe(0);
  expect(south.stdout).toContain("(South, 13 points)");
  // The sheet's name among the words, as the pane's picker takes it (R12): ASC1 on North, not ASC10 there.
  const north = await cli("chart", input, "--measure", "asc1 north", "-o", path.join(dir, "north.xlsx"));
  expect(north.status).toBe(0);
  expect(north.stdout).toMatch(/^SPC chart of ASC1 ASC1 measure \(North, 13 points\)/);
});

test("bad usage: no --measure, or -o naming the input, is exit 1 with the usage", async () => {
  const input = await kentFile();
  const none = await cli("chart", input);
  expect(none).toEqual({
    status: 1,
    stdout: "",
    stderr: `scorecard: "chart" needs --measure <code or name>.\n${HELP_HINT}`,
  });
  const clobber = await cli("chart", input, "--measure", "ASC1", "-o", input);
  expect(clobber.status).toBe(1);
  expect(clobber.stderr).toMatch(/^scorecard: -o .*kent\.xlsx is the input workbook; chart writes a copy/);
  expect((await cli("apply", input, "--measure", "ASC1")).stderr).toMatch(
    /^scorecard: "apply" does not take --measure\./,
  );
});

test("--sheet as typed (N12): any case, a curly apostrophe for a straight one, or words of one sheet's name", async () => {
  const input = await kentFile(["Children's Services", "Adults"]);
  for (const typed of ["Children's Services", "CHILDREN'S SERVICES", "Children’s Services", "children", "child serv"]) {
    const result = await cli("chart", input, "--measure", "ASC1", "--sheet", typed, "-o", path.join(dir, "c.xlsx"));
    expect({ typed, status: result.status, stderr: result.stderr }).toEqual({ typed, status: 0, stderr: "" });
    expect(result.stdout).toContain("(Children's Services, 13 points)");
  }
  const adults = await cli("chart", input, "--measure", "ASC1", "--sheet", "adults", "-o", path.join(dir, "a.xlsx"));
  expect(adults.stdout).toContain("(Adults, 13 points)");
  // Words in both sheets' names pick neither; words in none leave the usual message listing the sheets.
  const both = await cli("chart", input, "--measure", "ASC1", "--sheet", "s", "-o", path.join(dir, "b.xlsx"));
  expect(both).toEqual({
    status: 1,
    stdout: "",
    stderr: `scorecard: --sheet "s" matches 2 sheets (Children's Services, Adults); give more of its name.`,
  });
  const none = await cli("chart", input, "--measure", "ASC1", "--sheet", "Place", "-o", path.join(dir, "n.xlsx"));
  expect(none.status).toBe(1);
  expect(none.stderr).toBe(
    `scorecard: No sheet "Place" has a measure with a history; sheets with one: Children's Services, Adults.`,
  );
  expect((await fs.readdir(dir)).sort()).toEqual(["a.xlsx", "c.xlsx", "kent.xlsx"]);
});

test("--sheet keeps two sheets apart whose names differ only by the apostrophe, as Excel does", async () => {
  const input = await kentFile(["Children's Services", "Children’s Services"]);
  for (const sheet of ["Children's Services", "Children’s Services"]) {
    const result = await cli("chart", input, "--measure", "ASC1", "--sheet", sheet, "-o", path.join(dir, "x.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`(${sheet}, 13 points)`);
  }
  // Excel's own match (case only) still tells them apart; words both names hold pick neither.
  const curly = await cli("chart", input, "--measure", "ASC1", "--sheet", "children’s SERVICES");
  expect(curly.stdout).toContain("(Children’s Services, 13 points)");
  const either = await cli("chart", input, "--measure", "ASC1", "--sheet", "children");
  expect(either.status).toBe(1);
  expect(either.stderr).toMatch(/matches 2 sheets \(Children's Services, Children’s Services\)/);
});
