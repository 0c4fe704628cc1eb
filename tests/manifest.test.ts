/**
 * @jest-environment jsdom
 */
// Offline manifest checks (`office-addin-manifest validate` needs the network): well-formed XML, the library's own
// parse, the shared-runtime wiring, resources, icons, Office Store limits, and the built dist/ it points at.
// jsdom gives a strict XML parser (saxes) with namespaces, so the checks read the manifest as Office does.
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import type { ManifestInfo } from "office-addin-manifest/lib/manifestInfo";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DIST = path.join(ROOT, "dist");
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const { rewriteManifestUrls, DEV_BASE } = require("../scripts/manifest-urls.cjs") as {
  rewriteManifestUrls(xml: string, publicUrl: string): string;
  DEV_BASE: string;
};

/** Office Store and schema limits (character counts). */
const LIMITS = { displayName: 125, description: 250, providerName: 125, shortString: 125, longString: 250 };
/** Our own: ribbon labels must fit a narrow ribbon without wrapping into three lines. */
const MAX_LABEL = 32;
/** Ids of the OfficeDev templates: a copied id would clash with every other add-in that kept it. */
const TEMPLATE_IDS = ["ca968be6-628b-4f14-ba3c-3e614effa9bd", "05c2e1c9-3e1d-406e-9a91-e9ac64854143"];

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

const all = (root: Document | Element, name: string): Element[] => Array.from(root.getElementsByTagNameNS("*", name));

function one(root: Document | Element, name: string): Element {
  const found = all(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** A direct child of <OfficeApp> (Description, DisplayName… also occur inside VersionOverrides). */
function top(root: Document, name: string): Element {
  const found = Array.from(root.documentElement.children).filter((el) => el.localName === name);
  if (found.length !== 1) throw new Error(`expected one top-level <${name}>, found ${found.length}`);
  return found[0];
}

const xsiType = (el: Element) => el.getAttributeNS(XSI, "type");
const attr = (el: Element, name: string): string => {
  const value = el.getAttribute(name);
  if (value === null) throw new Error(`<${el.localName}> has no ${name}`);
  return value;
};

/** Every resource the manifest defines, by id: images and URLs (a URL) and strings (a text). */
function resources(doc: Document): Map<string, { kind: string; value: string }> {
  const map = new Map<string, { kind: string; value: string }>();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const el of Array.from(one(doc, kind).children)) {
      const id = attr(el, "id");
      if (map.has(id)) throw new Error(`resource ${id} is defined twice`);
      map.set(id, { kind, value: attr(el, "DefaultValue") });
    }
  }
  return map;
}

/** All absolute URLs in the manifest, wherever they are (attributes and element text). */
function urls(doc: Document): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const a of Array.from(el.attributes)) {
      if (a.name !== "xmlns" && a.prefix !== "xmlns" && /^https?:/i.test(a.value)) found.push(a.value);
    }
    if (el.children.length === 0 && /^\s*https?:/i.test(el.textContent ?? "")) found.push(el.textContent!.trim());
  }
  return found;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file under `root` that a manifest URL points to (the URL's path below the dev base). */
function localFile(url: string, root: string): string {
  expect(url.startsWith(DEV_BASE)).toBe(true);
  return path.join(root, new URL(url).pathname);
}

const xml = readFileSync(MANIFEST, "utf8");
const doc = parse(xml);
const res = resources(doc);
const resUrl = (id: string) => {
  const r = res.get(id);
  if (!r || r.kind !== "Urls") throw new Error(`${id} is not a URL resource`);
  return r.value;
};

describe("manifest.xml", () => {
  // On CI (.ci/run installs libxml2-utils) xmllint must be there; elsewhere the strict parser below still runs.
  const xmllint =
    ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].find(existsSync) ??
    (process.env.CI === "true" ? "xmllint" : undefined);
  (xmllint ? test : test.skip)("xmllint finds it well-formed", () => {
    expect(() => execFileSync(xmllint ?? "xmllint", ["--noout", MANIFEST], { stdio: "pipe" })).not.toThrow();
  });

  test("a strict XML parser rejects a broken copy (so the parse check can fail)", () => {
    expect(() => parse(xml.replace("</Hosts>", ""))).toThrow(/not well-formed/);
  });

  test("`office-addin-manifest info` parses it", () => {
    const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const out = execFileSync(process.execPath, [cli, "info", MANIFEST], { encoding: "utf8" });
    expect(out).toContain(`Id: ${one(doc, "Id").textContent}`);
    expect(out).toMatch(/Name: Scorecard\n/);
    expect(out).toMatch(/Type: TaskPaneApp\n/);
  });

  test("office-addin-manifest's readManifestFile gives the expected add-in", () => {
    // In a child Node process: the library pulls in ESM-only packages (uuid, strip-bom) that jest cannot load on Node 20.
    const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])
      .then((info) => process.stdout.write(JSON.stringify(info)))`;
    const out = execFileSync(process.execPath, ["-e", script, MANIFEST], { cwd: ROOT, encoding: "utf8" });
    const info = JSON.parse(out) as ManifestInfo;
    expect(info).toMatchObject({
      displayName: "Scorecard",
      officeAppType: "TaskPaneApp",
      hosts: ["Workbook"],
      permissions: "ReadWriteDocument",
      version: "1.0.0.0",
      defaultLocale: "en-GB",
      manifestType: "xml",
    });
    expect(info.id).toBe(one(doc, "Id").textContent);
    expect(info.defaultSettings?.sourceLocation).toBe(resUrl("Taskpane.Url"));
  });

  test("identity: a GUID of our own, a four-part version, provider and support URL", () => {
    const id = one(doc, "Id").textContent ?? "";
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(TEMPLATE_IDS).not.toContain(id);
    expect(one(doc, "Version").textContent).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(attr(one(doc, "ProviderName").parentElement!, "xsi:type")).toBe("TaskPaneApp");
    expect(one(doc, "ProviderName").textContent?.trim()).not.toBe("");
    expect(attr(one(doc, "SupportUrl"), "DefaultValue")).toMatch(/^https:\/\//);
    expect(all(doc, "AppDomain").length).toBeGreaterThan(0);
  });

  test("shared runtime: SharedRuntime 1.1 (+ CustomFunctionsRuntime 1.2), one long-lived runtime used by functions, ribbon and pane", () => {
    const sets = all(one(doc, "Requirements"), "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    expect(sets).toContainEqual(["CustomFunctionsRuntime", "1.2"]); // CustomFunctions.Error with messages
    // Every Excel call the host makes (src/hosts/office/excelApi.ts) is in ExcelApi 1.9, so none is checked at run time.
    expect(sets).toContainEqual(["ExcelApi", "1.9"]);
    const runtime = one(doc, "Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    const page = attr(runtime, "resid");
    // The marker tells the page Office loaded it (src/taskpane/startup.ts): no demo fallback, Office.js from the CDN.
    expect(resUrl(page)).toBe(`${DEV_BASE}taskpane.html?host=office`);

    const functionsPoint = all(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(attr(one(one(functionsPoint, "Page"), "SourceLocation"), "resid")).toBe(page);
    expect(attr(one(doc, "FunctionFile"), "resid")).toBe(page);
    const showPane = all(doc, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(showPane).toHaveLength(1);
    expect(attr(one(showPane[0], "SourceLocation"), "resid")).toBe(page);
    expect(attr(one(doc, "VersionOverrides"), "xsi:type")).toBe("VersionOverridesV1_0");
  });

  test("custom functions: namespace KPI, script and generated metadata", () => {
    const point = all(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(res.get(attr(one(point, "Namespace"), "resid"))?.value).toBe("KPI");
    expect(resUrl(attr(one(one(point, "Script"), "SourceLocation"), "resid"))).toBe(`${DEV_BASE}functions.js`);
    expect(resUrl(attr(one(one(point, "Metadata"), "SourceLocation"), "resid"))).toBe(`${DEV_BASE}functions.json`);
  });

  test("ribbon: a Home tab group with Open Scorecard (pane) and Generate summary sheet (command)", () => {
    const tab = one(doc, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const controls = all(one(tab, "Group"), "Control");
    const labels = controls.map((c) => res.get(attr(one(c, "Label"), "resid"))?.value);
    expect(labels).toEqual(["Open Scorecard", "Generate summary sheet"]);
    expect(controls.map((c) => xsiType(one(c, "Action")))).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    const ids = all(doc, "Control").map((c) => attr(c, "id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the ribbon command's function is registered by src/commands", () => {
    const names = all(doc, "FunctionName").map((f) => f.textContent?.trim() ?? "");
    expect(names).toEqual(["generateSummary"]);
    const dir = path.join(ROOT, "src", "commands");
    const sources = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    expect(sources).toMatch(/Office\.actions\??\.associate\(/);
    for (const name of names) expect(sources).toContain(`"${name}"`);
  });

  test("every resid refers to a defined resource, and every resource is used", () => {
    const referenced = Array.from(doc.querySelectorAll("[resid]")).map((el) => attr(el, "resid"));
    for (const id of referenced) expect([id, res.has(id)]).toEqual([id, true]);
    for (const id of res.keys()) expect([id, referenced.includes(id)]).toEqual([id, true]);
  });

  test("every URL is https on the one add-in host", () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(8);
    for (const url of found) expect(new URL(url).origin).toBe(new URL(DEV_BASE).origin);
  });

  test("every icon exists in assets/ as a PNG of the size it is used at", () => {
    const uses: [string, number][] = [
      [attr(one(doc, "IconUrl"), "DefaultValue"), 32],
      [attr(one(doc, "HighResolutionIconUrl"), "DefaultValue"), 64],
    ];
    const images = all(doc, "Image").filter((i) => i.hasAttribute("size"));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const url = res.get(attr(image, "resid"));
      expect(url?.kind).toBe("Images");
      uses.push([url!.value, Number(attr(image, "size"))]);
    }
    expect(new Set(uses.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of uses) {
      const file = localFile(url, ROOT);
      expect(path.dirname(file)).toBe(path.join(ROOT, "assets"));
      expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
    }
  });

  test("Office Store limits: names, descriptions, strings and labels", () => {
    const within = (text: string, max: number) => expect([text, text.length <= max]).toEqual([text, true]);
    within(attr(top(doc, "DisplayName"), "DefaultValue"), LIMITS.displayName);
    within(attr(top(doc, "Description"), "DefaultValue"), LIMITS.description);
    within(one(doc, "ProviderName").textContent ?? "", LIMITS.providerName);
    for (const r of res.values()) {
      expect(r.value.trim()).not.toBe("");
      if (r.kind === "ShortStrings") within(r.value, LIMITS.shortString);
      if (r.kind === "LongStrings") within(r.value, LIMITS.longString);
    }
    for (const label of all(doc, "Label")) within(res.get(attr(label, "resid"))!.value, MAX_LABEL);
    expect(attr(top(doc, "DisplayName"), "DefaultValue")).toBe("Scorecard");
  });
});

describe("pointing the manifest at a production host", () => {
  test("rewrites every URL, not just the first, and the AppDomain to the new origin", () => {
    const out = rewriteManifestUrls(xml, "https://apps.example.gov.uk/scorecard");
    expect(out).not.toContain("localhost");
    const rewritten = parse(out);
    const found = urls(rewritten);
    expect(found).toHaveLength(urls(doc).length);
    for (const url of found) expect(url.startsWith("https://apps.example.gov.uk")).toBe(true);
    expect(all(rewritten, "AppDomain").map((d) => d.textContent)).toEqual(["https://apps.example.gov.uk"]);
    expect(attr(one(top(rewritten, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(
      "https://apps.example.gov.uk/scorecard/taskpane.html?host=office",
    );
  });

  test("refuses a plain http host (Office loads add-ins over https only)", () => {
    expect(() => rewriteManifestUrls(xml, "http://apps.example.gov.uk/")).toThrow(/https/);
  });
});

describe("dist/ (built by `npm test` before jest)", () => {
  test("every file the manifest points at was built", () => {
    for (const url of urls(doc).filter((u) => u.startsWith(DEV_BASE))) {
      const file = localFile(url.replace(/[?#].*$/, ""), DIST);
      expect([url, existsSync(file)]).toEqual([url, true]);
    }
  });

  test("dist/manifest.xml is the manifest, pointed at ADDIN_PUBLIC_URL when that is set", () => {
    const built = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    const publicUrl = process.env.ADDIN_PUBLIC_URL;
    expect(built).toBe(publicUrl ? rewriteManifestUrls(xml, publicUrl) : xml);
  });

  /**
   * The scripts dist/taskpane.html loads, in order, when opened with `search`: its first script, office-loader.js,
   * writes the Office.js script tag; it is run here as a browser runs it.
   */
  function pageScripts(search: string): string[] {
    const page = new DOMParser().parseFromString(readFileSync(path.join(DIST, "taskpane.html"), "utf8"), "text/html");
    const [loader, ...rest] = Array.from(page.querySelectorAll("script")).map((s) => s.getAttribute("src") ?? "");
    expect(loader).toBe("office-loader.js");
    const written: string[] = [];
    const code = readFileSync(path.join(DIST, loader), "utf8");
    new Function("location", "document", code)({ search }, { write: (t: string) => written.push(t) });
    const officeJs = /<script src="([^"]+)">/.exec(written.join(""))?.[1] ?? "";
    return [officeJs, ...rest];
  }

  test("opened by Office the shared page loads Office.js from Microsoft's CDN first, then the bundles", () => {
    const scripts = pageScripts("?host=office");
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    for (const bundle of ["functions.js", "commands.js", "taskpane.js"]) expect(scripts).toContain(bundle);
  });

  test("opened in a plain browser (the demo) it loads the local Office.js, so nothing leaves this host", () => {
    const scripts = pageScripts("");
    expect(scripts[0]).toBe("office-js/office.js");
    for (const bundle of ["functions.js", "commands.js", "taskpane.js"]) expect(scripts).toContain(bundle);
    for (const src of scripts) expect([src, existsSync(path.join(DIST, src))]).toEqual([src, true]);
    // Office.js fetches its Excel host scripts from beside itself.
    for (const file of ["excel-web-16.00.js", "excel-win32-16.01.js", "custom-functions-runtime.js", "en-gb"]) {
      expect([file, existsSync(path.join(DIST, "office-js", file))]).toEqual([file, true]);
    }
  });
});
