// Every page, as every role that can open it, checked by axe-core against WCAG 2.1 A and AA and
// best practice: a serious or critical violation fails the test, so new pages stay clean.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, open, signIn } from "./helpers";

const everyone = ["/", "/account", "/account/two-factor", "/competencies", "/competencies/1", "/profiles", "/profiles/1", "/courses", "/courses/1", "/me", "/training", "/training/decisions", "/certifications", "/notifications"];
const recruitment = [
  "/competencies/new",
  "/profiles/new",
  "/openings",
  "/openings/new",
  "/openings/1",
  "/openings/1/board",
  "/candidates",
  "/candidates/1",
  "/intake",
  "/reports",
  "/reports?opening=1",
  "/candidates/3",
  "/interviews",
  "/interviews/4",
  "/interviews/4/kit",
  "/openings/1/interviews",
  "/tests",
  "/tests/templates",
  "/tests/templates/1",
  "/tests/templates/new",
  "/tests/templates/1/materials",
  "/tests/banks",
  "/tests/banks/5",
  "/tests/1",
  "/online-tests/3",
  "/online-tests/4",
  "/applications/1/assessment",
  "/openings/2/assessment",
  "/employees",
  "/employees/4",
  "/applications/1/hire",
  "/certifications/new",
  "/courses/new",
  "/courses/1/edit",
  "/certifications/1",
  "/compliance",
];
const pagesOf = {
  visitor: [
    "/careers",
    "/careers/1",
    "/careers/applied",
    "/login",
    "/login/code",
    "/login/two-factor",
    "/forgot-password",
    "/forgot-password?sent=1",
    `/reset-password/${"ab".repeat(32)}`,
    "/nowhere",
  ],
  // The 403 page (a page for HR) and the 404 page, as a signed-in user sees them.
  employee: [...everyone, "/candidates", "/nowhere"],
  interviewer: [
    ...everyone,
    "/candidates/1",
    "/interviews",
    "/interviews/3",
    "/interviews/4",
    "/interviews/4/kit",
    "/tests",
    "/tests/1",
    "/online-tests/3",
  ],
  hr: [...everyone, ...recruitment],
  admin: [...everyone, ...recruitment, "/admin/users", "/admin/data-protection", "/admin/mail"],
} as const;

async function check(page: Page, path: string): Promise<string[]> {
  await open(page, path);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const [role, paths] of Object.entries(pagesOf)) {
  test(`every page a ${role} opens has no serious or critical accessibility violation`, async ({ page }) => {
    test.setTimeout(120_000);
    if (role !== "visitor") {
      await signIn(page, demo[role as keyof typeof demo]);
    }
    const found: string[] = [];
    for (const path of paths) {
      found.push(...(await check(page, path)));
    }
    expect(found).toEqual([]);
  });
}
