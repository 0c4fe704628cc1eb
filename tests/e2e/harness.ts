/**
 * Runs the built add-in page (dist/) in real Chromium: a tiny static server on 127.0.0.1 and Debian's chromium
 * driven by playwright-core. The page is the browser demo, since no Office host is present.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { chromiumPath, INSTALL_COMMAND, shouldRun, toolSuites } from "../support/externalTools";

const CHROMIUM = chromiumPath();
const missing = toolSuites()[0].missing;
const canRun = shouldRun(missing);
if (!canRun) {
  console.warn(
    `Chromium tests SKIPPED: ${missing.join(", ")} is not installed here. Install it with: ${INSTALL_COMMAND}`,
  );
}

/** `describe` where Chromium is installed (always under CI=true, where its absence fails); skipped elsewhere. */
export const describeInChromium: jest.Describe = canRun ? describe : describe.skip;

export const DIST = resolve(__dirname, "../../dist");
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serveDist(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error(`${DIST}/taskpane.html is missing: run "npm run build" first (npm test does).`);
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: ${INSTALL_COMMAND} (.ci/run does).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that tried to leave 127.0.0.1 (there must be none: nothing leaves the browser). */
  readonly outside: string[];
  /** Uncaught errors on the page. */
  readonly errors: string[];
}

export interface DemoOptions {
  width?: number;
  height?: number;
  query?: string;
  colorScheme?: "light" | "dark";
}

async function openDemo(browser: Browser, origin: string, options: DemoOptions = {}): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
    acceptDownloads: true,
  });
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}/taskpane.html${options.query ?? ""}`);
  await waitForPane(page);
  return { context, page, outside, errors };
}

/**
 * One server and one browser for a test file (registers its beforeAll/afterEach/afterAll). After each test, every
 * page it opened is checked (nothing left 127.0.0.1, the page threw nothing) and closed.
 */
export function demoPages(): { open(options?: DemoOptions): Promise<Page>; readonly browser: Browser } {
  let server: Server | undefined;
  let origin = "";
  let browser: Browser | undefined;
  const sessions: Session[] = [];

  beforeAll(async () => {
    if (!canRun) return;
    ({ server, origin } = await serveDist());
    browser = await launch();
  });

  afterEach(async () => {
    for (const s of sessions.splice(0)) {
      expect(s.outside).toEqual([]); // nothing leaves the browser
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const started = (): Browser => {
    if (!browser) throw new Error("the browser starts in beforeAll");
    return browser;
  };
  return {
    async open(options = {}) {
      const session = await openDemo(started(), origin, options);
      sessions.push(session);
      return session.page;
    },
    get browser() {
      return started();
    },
  };
}

/** The demo has read the workbook: the sheet list is on screen. */
export async function waitForPane(page: Page): Promise<void> {
  await page.getByRole("list", { name: "Sheets with measure tables" }).waitFor({ timeout: 30_000 });
}

/** The outcome message of the last action. */
async function outcome(page: Page): Promise<string> {
  return (await page.getByTestId("outcome").textContent({ timeout: 30_000 })) ?? "";
}

/** Clicks "Apply rules to all sheets" and waits for the outcome, which it returns. */
export async function applyAll(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Apply rules to all sheets" }).click();
  await page.getByTestId("outcome").getByText("Rules applied").waitFor({ timeout: 30_000 });
  return outcome(page);
}

/** Clicks "Generate summary sheet" and waits for the outcome, which it returns. */
export async function generateSummary(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Generate summary sheet" }).click();
  await page.getByTestId("outcome").getByText("Summary sheet generated").waitFor({ timeout: 30_000 });
  return outcome(page);
}

/** Opens the SPC chart tab, searches for `search`, picks the option named `option` and waits for its chart. */
export async function chooseSpcMeasure(page: Page, search: string, option: RegExp): Promise<void> {
  await page.getByRole("tab", { name: "SPC chart" }).click();
  const box = page.getByRole("combobox", { name: "Measure" });
  await box.click();
  await box.fill(search);
  await page.getByRole("option", { name: option }).click();
  await page.getByRole("img", { name: /^SPC chart of / }).waitFor({ timeout: 30_000 });
}

/** How many pixels differ between two PNG images of the same size (all of them when the sizes differ). */
export async function differingPixels(browser: Browser, a: Buffer, b: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([first, second]) => {
        const load = (base64: string) =>
          new Promise<HTMLImageElement>((done, fail) => {
            const image = new Image();
            image.onload = () => done(image);
            image.onerror = () => fail(new Error("not a PNG"));
            image.src = `data:image/png;base64,${base64}`;
          });
        const pixels = (image: HTMLImageElement) => {
          const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
          const context = canvas.getContext("2d") as CanvasRenderingContext2D;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height).data;
        };
        const [ia, ib] = await Promise.all([load(first), load(second)]);
        if (ia.width !== ib.width || ia.height !== ib.height)
          return Math.max(ia.width * ia.height, ib.width * ib.height);
        const [pa, pb] = [pixels(ia), pixels(ib)];
        let count = 0;
        for (let i = 0; i < pa.length; i += 4) {
          if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) count++;
        }
        return count;
      },
      [a.toString("base64"), b.toString("base64")],
    );
  } finally {
    await page.close();
  }
}
