/** Input checks that decide exit 2, atomic writes, default names and the terminal-only progress bar. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import {
  FileError,
  chartName,
  checkExtension,
  readWorkbookFile,
  scoredName,
  writeFileAtomic,
  writeFilesAtomic,
} from "../../src/cli/files";
import { progressBar } from "../../src/cli/progressBar";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-files-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function fileWith(name: string, data: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
}

async function xlsxBytes(): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.addWorksheet("S").getCell("A1").value = "hello";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readWorkbookFile", () => {
  it("loads an .xlsx workbook", async () => {
    const workbook = await readWorkbookFile(await fileWith("ok.xlsx", await xlsxBytes()));
    expect((await workbook.readWorkbook()).sheets[0].values).toEqual([["hello"]]);
  });

  it("keeps parts it does not read (a chart, macros) byte for byte in what it saves", async () => {
    const zip = await JSZip.loadAsync(await xlsxBytes());
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/vbaProject.bin", new Uint8Array([1, 2, 3]));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const saved = await JSZip.loadAsync((await readWorkbookFile(await fileWith("chart.xlsm", bytes))).save());
    expect(await saved.file("xl/charts/chart1.xml")!.async("string")).toBe("<c:chartSpace/>");
    expect([...(await saved.file("xl/vbaProject.bin")!.async("uint8array"))]).toEqual([1, 2, 3]);
  });

  it("refuses, before inflating, a workbook whose parts would pass the size limits", async () => {
    const zip = await JSZip.loadAsync(await xlsxBytes());
    zip.file("xl/media/big.bin", new Uint8Array(3 * 1024 * 1024));
    const file = await fileWith("big.xlsx", await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    await rejects(
      file,
      /big\.xlsx has a part \(xl\/media\/big\.bin\) of 3\.0 MB uncompressed, over the limit of 2\.0 MB per part/,
      {
        total: 100 * 1024 * 1024,
        part: 2 * 1024 * 1024,
      },
    );
    await rejects(file, /big\.xlsx would inflate to 3\.\d MB, over the limit of 1\.0 MB/, {
      total: 1024 * 1024,
      part: 1024 * 1024 * 4,
    });
  });

  const rejects = async (file: string, message: RegExp, limits?: { total: number; part: number }) => {
    const error = await readWorkbookFile(file, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
  };

  it("names a missing file and a folder", async () => {
    await rejects(path.join(dir, "nope.xlsx"), /cannot read .*nope\.xlsx: no such file/);
    await rejects(dir, /cannot read .*: it is a folder/);
  });

  it("recognises an encrypted (password-protected) workbook by its compound-file signature", async () => {
    const cfb = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504, 0)]);
    await rejects(
      await fileWith("secret.xlsx", cfb),
      /secret\.xlsx is password-protected \(encrypted\) or an old \.xls/,
    );
  });

  it("rejects text, an empty file and a damaged zip", async () => {
    await rejects(await fileWith("notes.xlsx", "Code,Value\nA1,3\n"), /notes\.xlsx is not an \.xlsx workbook/);
    await rejects(await fileWith("empty.xlsx", ""), /empty\.xlsx is not an \.xlsx workbook/);
    const bytes = await xlsxBytes();
    await rejects(await fileWith("cut.xlsx", bytes.subarray(0, bytes.length / 2)), /cut\.xlsx is not a zip package/);
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file whole and leaves no temporary file", async () => {
    const file = await fileWith("out.json", "old");
    await writeFileAtomic(file, "new");
    expect(await fs.readFile(file, "utf8")).toBe("new");
    expect(await fs.readdir(dir)).toEqual(["out.json"]);
  });

  it("fails with one line, and writes nothing, when the folder does not exist", async () => {
    const error = await writeFileAtomic(path.join(dir, "missing", "out.xlsx"), "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toMatch(/cannot write .*out\.xlsx: no such file or folder/);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe("writeFilesAtomic", () => {
  it("renames nothing into place when one of the files cannot be written", async () => {
    const workbook = await fileWith("out.xlsx", "old");
    const error = await writeFilesAtomic([
      { file: workbook, data: "new" },
      { file: path.join(dir, "missing", "report.json"), data: "{}" },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toMatch(/cannot write .*report\.json: no such file or folder/);
    expect(await fs.readFile(workbook, "utf8")).toBe("old");
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
  });

  it("renames in the order given: when a rename fails, the files before it are replaced and the rest untouched", async () => {
    const report = await fileWith("report.json", "old");
    const blocked = path.join(dir, "out.xlsx");
    await fs.mkdir(blocked); // a folder in the way: the write to a temp file succeeds, the rename fails
    const later = await fileWith("later.json", "old");
    const error = await writeFilesAtomic([
      { file: report, data: "new" },
      { file: blocked, data: "workbook" },
      { file: later, data: "new" },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toMatch(/cannot write .*out\.xlsx: it is a folder/);
    expect(await fs.readFile(report, "utf8")).toBe("new");
    expect(await fs.readFile(later, "utf8")).toBe("old");
    expect((await fs.readdir(dir)).sort()).toEqual(["later.json", "out.xlsx", "report.json"]);
  });
});

it("names the output <name>.scored.xlsx beside the input, .xlsm for a macro-enabled workbook whatever its name", () => {
  expect(scoredName(path.join("reports", "q2.xlsx"), false)).toBe(path.join("reports", "q2.scored.xlsx"));
  expect(scoredName("People Q2.XLSX", false)).toBe("People Q2.scored.xlsx");
  expect(scoredName("macros.xlsm", true)).toBe("macros.scored.xlsm");
  expect(scoredName("macros.xlsx", true)).toBe("macros.scored.xlsm");
  expect(scoredName("plain.xlsm", false)).toBe("plain.scored.xlsx");
  // A scored copy keeps its name (F23): main.ts then asks for -o rather than replace the input.
  expect(scoredName(path.join("reports", "q2.scored.xlsx"), false)).toBe(path.join("reports", "q2.scored.xlsx"));
  expect(scoredName("Q2.Scored.XLSX", false)).toBe("Q2.scored.xlsx");
  expect(scoredName("macros.scored.xlsm", true)).toBe("macros.scored.xlsm");
  expect(scoredName("q2.scored.xlsx", true)).toBe("q2.scored.xlsm");
});

it("names chart's copy <name>.spc.xlsx, .xlsm for a macro-enabled workbook, as the scored copy chooses", () => {
  expect(chartName(path.join("reports", "q2.xlsx"), false)).toBe(path.join("reports", "q2.spc.xlsx"));
  expect(chartName("macros.xlsx", true)).toBe("macros.spc.xlsm");
  expect(chartName("plain.xlsm", false)).toBe("plain.spc.xlsx");
});

it("takes an -o whose extension Excel opens for the workbook's format, and refuses one it would not", () => {
  expect(() => checkExtension("out.XLSM", true)).not.toThrow();
  expect(() => checkExtension("out.xlsx", false)).not.toThrow();
  expect(() => checkExtension("out.xlsx", true)).toThrow(
    "-o out.xlsx: the workbook has macros, so the output must be an .xlsm file.",
  );
  expect(() => checkExtension("out", true)).toThrow("the output must be an .xlsm file");
  expect(() => checkExtension("out.xlsm", false)).toThrow(
    "-o out.xlsm: the workbook has no macros, so the output must be an .xlsx file.",
  );
});

describe("progressBar", () => {
  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    const stream = { isTTY, columns: 60, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream;
    return { stream, writes };
  };

  it("is off when stderr is not a terminal", () => {
    expect(progressBar(fakeStream(false).stream)).toBeNull();
  });

  it("draws on one line of a terminal, only forward, and erases itself", () => {
    const { stream, writes } = fakeStream(true);
    const bar = progressBar(stream)!;
    bar.report(1, 2, "Rating People");
    bar.report(0, 4, "Writing People");
    bar.report(4, 4, "Written");
    bar.done();
    expect(writes[0]).toMatch(/^\r\[#{12}-{12}\] 50% Rating People/);
    expect(writes[1]).toMatch(/^\r\[#{12}-{12}\] 50% Writing People/);
    expect(writes[2]).toMatch(/^\r\[#{24}\] 100% Written/);
    expect(writes.at(-1)).toBe("\r\x1b[K");
    expect(writes.every((w) => !w.includes("\n"))).toBe(true);
  });
});
