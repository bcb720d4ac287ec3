// The browser bundle's budget, measured as a first visit in Chromium: every script and wasm
// file a page loads, gzipped (level 9). Public pages: at most 150 KB; the staff app: 400 KB.
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { demo, open, publishedOpening, signIn, unique } from "./helpers";

const KB = 1024;
const PUBLIC_BUDGET = 150 * KB;
const STAFF_BUDGET = 400 * KB;

/** Visits `path` in a fresh context and returns the gzipped size of each script and wasm loaded. */
async function firstVisit(page: Page, path: string, hydrated: boolean): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    const type = response.request().resourceType();
    if (type === "script" || url.pathname.endsWith(".js") || url.pathname.endsWith(".wasm")) {
      pending.push(
        response.body().then((body) => {
          sizes.set(url.pathname, gzipSync(body, { level: 9 }).length);
        }),
      );
    }
  });
  if (hydrated) {
    await open(page, path);
  } else {
    await page.goto(path);
  }
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  return sizes;
}

function report(label: string, sizes: Map<string, number>): number {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const files = [...sizes.entries()].map(([file, size]) => `${file} ${(size / KB).toFixed(1)} KB`).join(", ");
  console.log(`bundle budget: ${label}: ${(total / KB).toFixed(1)} KB gzip (${files || "no script"})`);
  return total;
}

test("public pages load at most 150 KB of script and wasm, gzipped", async ({ page, browser }) => {
  await signIn(page, demo.hr);
  const id = await publishedOpening(page, "Contact-centre agent", `Bari ${unique()}`);
  for (const path of ["/careers", `/careers/${id}`, "/careers/applied"]) {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    const total = report(path, await firstVisit(visitor, path, false));
    expect(total).toBeLessThanOrEqual(PUBLIC_BUDGET);
    await context.close();
  }
});

test("the staff app loads at most 400 KB of script and wasm on a first visit, gzipped", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signInPage = await firstVisit(page, "/login", true);
  const total = report("/login (first load of the staff app)", signInPage);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(STAFF_BUDGET);
  await context.close();

  // Each group of staff pages loads its own bundle, within the same budget.
  for (const [who, path] of [
    [demo.hr, "/intake"],
    [demo.hr, "/openings/new"],
    [demo.admin, "/admin/users"],
    [demo.interviewer, "/interviews/3"],
  ] as const) {
    const staff = await browser.newContext();
    const tab = await staff.newPage();
    await signIn(tab, who);
    const sizes = await firstVisit(tab, path, true);
    expect(report(path, sizes)).toBeLessThanOrEqual(STAFF_BUDGET);
    await staff.close();
  }
});
