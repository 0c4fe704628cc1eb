// The Excel side of the KPI functions: the wrappers in src/functions/functions.ts (problems become #VALUE! with a
// message) and what the build hands Excel (dist/functions.json generated from the JSDoc, the associate calls).
import { readFileSync } from "fs";
import path from "path";
import * as functions from "../src/functions/functions";
import { KPI_FUNCTIONS, KPI_NAMES } from "../src/functions/kpi";
import { SPC_FUNCTIONS, SPC_NAMES } from "../src/functions/spc";

/** Every function Excel gets, with its parameters as the implementations describe them. */
const FUNCTIONS: Record<string, { readonly params: readonly { name: string; optional?: boolean }[] }> = {
  ...KPI_FUNCTIONS,
  ...SPC_FUNCTIONS,
};
const NAMES = [...KPI_NAMES, ...SPC_NAMES];

/** The part of the CustomFunctions runtime the wrappers use (only when called): errors with a code and a message. */
class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
Object.assign(globalThis, { CustomFunctions: { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!" } } });

const DIST = path.resolve(__dirname, "..", "dist");

describe("functions.ts wrappers", () => {
  test("results spill as Excel arrays", () => {
    expect(functions.rag([[96], [95]], [[100]], [["Max"]])).toEqual([["Amber"], ["Red"]]);
    expect(functions.trend([[2]], [[1]], [["Max"]])).toEqual([["IMP"]]);
    expect(functions.longtrend([[80]], [[70], [75], [90]], [["Max"]])).toEqual([["IMP"]]);
    expect(functions.gap([[65]], [[60, 70]], [["Goldilocks"]])).toEqual([[0]]);
    expect(functions.reason([[28]], [[30]], [["Max"]])).toEqual([
      ["Red: 6.7% below target 30 (Maximise, amber band 5%)"],
    ]);
    const months = [[65, 67, 70, 71, 74, 73, 76, 76, 77, 76, 76, 74, 73]];
    expect(functions.spc(months, [["Max"]])).toEqual([["Improvement (high)"]]);
    expect(functions.assurance(months, [["Max"]], [[80]])).toEqual([["Fail"]]);
  });

  test("omitted optional arguments arrive as null or undefined and take their defaults", () => {
    const nullBand = null as unknown as unknown[][];
    expect(functions.rag([[96]], [[100]], [["Max"]], nullBand, undefined)).toEqual([["Amber"]]);
  });

  test("a bad row becomes #VALUE! with the message, in its own cell of the spill", () => {
    const [[first], [second]] = functions.rag([[96], [96]], [[100]], [["Max"], ["Sideways"]]);
    expect(first).toBe("Amber");
    expect(second).toBeInstanceOf(FakeError);
    expect(second).toEqual(new FakeError("#VALUE!", 'unknown aim "Sideways"'));
  });

  test("a call whose ranges do not line up throws #VALUE! for the whole formula", () => {
    expect(() => functions.rag([[1], [2], [3]], [[1], [2]], [["Max"]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: "target has 2 rows but 3 are needed (or a single cell)" }),
    );
  });
});

describe("dist/functions.json (generated from the JSDoc by custom-functions-metadata-plugin)", () => {
  interface Metadata {
    functions: {
      id: string;
      name: string;
      description?: string;
      parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
      result: { dimensionality?: string };
    }[];
  }
  const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as Metadata;

  test("declares the KPI functions, each with a description", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...NAMES].sort());
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.description?.length).toBeGreaterThan(30);
    }
  });

  test("parameters match the functions' descriptions in kpi.ts, each with help text, all accepting ranges", () => {
    for (const f of metadata.functions) {
      const expected = FUNCTIONS[f.id].params.map((p) => ({ name: p.name, optional: Boolean(p.optional) }));
      expect([f.id, f.parameters.map((p) => ({ name: p.name, optional: Boolean(p.optional) }))]).toEqual([
        f.id,
        expected,
      ]);
      for (const p of f.parameters) {
        expect(p.description?.length).toBeGreaterThan(10);
        expect(p.dimensionality).toBe("matrix");
      }
      expect(f.result.dimensionality).toBe("matrix");
    }
  });

  test("the bundle associates every id with its function", () => {
    const bundle = readFileSync(path.join(DIST, "functions.js"), "utf8");
    for (const id of NAMES) expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });
});
