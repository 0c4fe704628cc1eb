/** Input checks that decide exit 2, atomic writes, default names and the terminal-only progress bar. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawn } from "node:child_process";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import {
  FileError,
  chartName,
  checkExtension,
  checkOutputName,
  readWorkbookFile,
  sameFile,
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
    const workbook = await fileWith("out.xlsx", "old");
    const later = await fileWith("later.json", "old");
    // A rename that fails after every temporary file was written (a file locked by another program on Windows).
    const realRename = fs.rename.bind(fs);
    const rename = jest.spyOn(fs, "rename").mockImplementation(async (from, to) => {
      if (to === workbook) throw Object.assign(new Error("EBUSY: resource busy"), { code: "EBUSY" });
      return realRename(from, to);
    });
    try {
      const error = await writeFilesAtomic([
        { file: report, data: "new" },
        { file: workbook, data: "workbook" },
        { file: later, data: "new" },
      ]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileError);
      expect((error as Error).message).toMatch(/cannot write .*out\.xlsx: the file is in use/);
    } finally {
      rename.mockRestore();
    }
    expect(await fs.readFile(report, "utf8")).toBe("new");
    expect(await fs.readFile(workbook, "utf8")).toBe("old");
    expect(await fs.readFile(later, "utf8")).toBe("old");
    expect((await fs.readdir(dir)).sort()).toEqual(["later.json", "out.xlsx", "report.json"]);
  });
});

describe("writeFilesAtomic on what is not a regular file (N1, N18)", () => {
  it("follows a symlink: the file it points to is replaced and the link stays a link", async () => {
    const real = await fileWith("latest-real.xlsx", "old");
    const link = path.join(dir, "latest.xlsx");
    await fs.symlink("latest-real.xlsx", link); // relative, as `ln -s` makes it: resolved from the link's folder
    await writeFileAtomic(link, "new");
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe("latest-real.xlsx");
    expect(await fs.readFile(real, "utf8")).toBe("new");
    expect((await fs.readdir(dir)).sort()).toEqual(["latest-real.xlsx", "latest.xlsx"]);
  });

  it("follows a chain of symlinks, into another folder, and creates the file a dangling link names", async () => {
    const shared = path.join(dir, "shared");
    await fs.mkdir(shared);
    await fs.symlink(path.join(shared, "q2.xlsx"), path.join(dir, "hop.xlsx")); // q2.xlsx does not exist yet
    await fs.symlink("hop.xlsx", path.join(dir, "latest.xlsx"));
    await writeFileAtomic(path.join(dir, "latest.xlsx"), "new");
    expect(await fs.readFile(path.join(shared, "q2.xlsx"), "utf8")).toBe("new");
    expect(await fs.readdir(shared)).toEqual(["q2.xlsx"]);
    expect((await fs.lstat(path.join(dir, "latest.xlsx"))).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(path.join(dir, "hop.xlsx"))).isSymbolicLink()).toBe(true);
  });

  it("refuses a symlink loop with one line", async () => {
    await fs.symlink("b.xlsx", path.join(dir, "a.xlsx"));
    await fs.symlink("a.xlsx", path.join(dir, "b.xlsx"));
    const error = await writeFileAtomic(path.join(dir, "a.xlsx"), "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toMatch(/^cannot write .*a\.xlsx: too many symbolic links$/);
  });

  // mknod needs root (as on the machines this runs on); a character device made here stands in for /dev/null.
  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot("writes into a character device (a null device of its own) and leaves it a device", async () => {
    const device = path.join(dir, "mynull");
    execFileSync("mknod", ["-m", "666", device, "c", "1", "3"]);
    await writeFilesAtomic([
      { file: path.join(dir, "r.json"), data: "{}" },
      { file: device, data: "workbook bytes" },
    ]);
    const stat = await fs.lstat(device);
    expect(stat.isCharacterDevice()).toBe(true);
    expect(stat.rdev).toBe(makedev(1, 3));
    expect(await fs.readFile(path.join(dir, "r.json"), "utf8")).toBe("{}");
    expect((await fs.readdir(dir)).sort()).toEqual(["mynull", "r.json"]);
  });

  it("writes into a FIFO that another program reads, and leaves it a FIFO", async () => {
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    const read = new Promise<string>((resolve) => {
      let text = "";
      reader.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      reader.on("close", () => resolve(text));
    });
    await writeFileAtomic(fifo, "through the pipe");
    expect(await read).toBe("through the pipe");
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
    expect(await fs.readdir(dir)).toEqual(["pipe"]);
  });

  it("refuses a folder, or a name ending in a slash, with one line and writes nothing", async () => {
    const folder = path.join(dir, "out");
    await fs.mkdir(folder);
    const other = await fileWith("r.json", "old");
    for (const [file, message] of [
      [folder, /^cannot write .*out: it is a folder; name a file in it$/],
      [`${folder}/`, /^cannot write .*out\/: it names a folder; name a file in it$/],
      [path.join(dir, "new-folder") + "/", /^cannot write .*new-folder\/: it names a folder; name a file in it$/],
    ] as const) {
      const error = await writeFilesAtomic([
        { file: other, data: "new" },
        { file, data: "x" },
      ]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileError);
      expect((error as Error).message).toMatch(message);
      expect(() => checkOutputName(file)).toThrow(message);
    }
    expect(await fs.readFile(other, "utf8")).toBe("old");
    expect((await fs.readdir(dir)).sort()).toEqual(["out", "r.json"]);
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it("names a path through a file in one line, without the temporary file's name", async () => {
    const file = await fileWith("notafolder", "x");
    const error = await writeFileAtomic(path.join(file, "out.xlsx"), "x").catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `cannot write ${path.join(file, "out.xlsx")}: a part of the path is a file, not a folder`,
    );
  });
});

describe("sameFile", () => {
  it("is true for two names of one regular file (a symlink, a hard link), not for two devices or two files", async () => {
    const input = await fileWith("in.xlsx", "x");
    await fs.symlink(input, path.join(dir, "link.xlsx"));
    await fs.link(input, path.join(dir, "hard.xlsx"));
    const other = await fileWith("other.xlsx", "x");
    expect(sameFile(path.join(dir, "link.xlsx"), input)).toBe(true);
    expect(sameFile(path.join(dir, "hard.xlsx"), input)).toBe(true);
    expect(sameFile(path.join(dir, ".", "in.xlsx"), input)).toBe(true);
    expect(sameFile(other, input)).toBe(false);
    expect(sameFile(path.join(dir, "new.xlsx"), input)).toBe(false);
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    await fs.symlink(fifo, path.join(dir, "pipe-link"));
    expect(sameFile(path.join(dir, "pipe-link"), fifo)).toBe(false);
  });
});

/** The device number mknod makes from major and minor numbers (Linux's encoding for small numbers). */
const makedev = (major: number, minor: number): number => major * 256 + minor;

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
