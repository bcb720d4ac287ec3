// Practical tests' materials end to end: HR add a file to the role-play template (a program
// is refused on its field first); HR assign the test; the grader downloads its materials and
// starts it; the candidate opens the mailed link with JavaScript off and downloads the
// materials in their language while the test runs.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { addCandidate, demo, hydrated, open, privateLink, publishedOpening, signIn, unique } from "./helpers";

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("the grader starts a practical test and the candidate downloads its materials without JavaScript", async ({ browser }) => {
  test.setTimeout(180_000);
  const suffix = unique();
  const candidate = { name: `Irene Sala ${suffix}`, email: `irene.${suffix}@example.it` };
  const sheet = `tariffe-${suffix}.csv`;

  // HR add a price list to the role-play, for every language.
  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  await open(hr, "/tests/templates");
  await hr.getByRole("link", { name: "Handling a complaint (role-play)" }).click();
  await hr.locator("#template-materials").click();
  await expect(hr.getByRole("heading", { level: 1 })).toContainText("Materials");
  const upload = hr.locator("#add-material");
  await upload.getByLabel("File").setInputFiles({ name: "setup.txt", mimeType: "text/plain", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) });
  await upload.getByLabel("Language").selectOption({ label: "English" });
  await upload.getByRole("button", { name: "Add the file" }).click();
  await expect(hr.locator("#f-file-error")).toContainText("PNG or JPEG picture");
  await expect(hr.locator("#add-material").getByLabel("Language")).toHaveValue("en");
  await hr.locator("#add-material").getByLabel("File").setInputFiles({
    name: sheet,
    mimeType: "text/csv",
    buffer: Buffer.from("camera;tariffa\nsingola;95,00\n", "utf8"),
  });
  await hr.locator("#add-material").getByLabel("Language").selectOption({ label: "Every language" });
  await hr.locator("#add-material").getByRole("button", { name: "Add the file" }).click();
  await expect(hr.locator("#materials-notice")).toHaveText("Material added.");
  await expect(hr.locator("#materials tr", { hasText: sheet })).toContainText("Every language");

  // HR assign the role-play to a new candidate.
  const opening = await publishedOpening(hr, "Bank teller", `Rovigo ${suffix}`);
  await addCandidate(hr, opening, candidate.name, candidate.email);
  await open(hr, `/openings/${opening}/board`);
  await hr.getByLabel(`Move to – ${candidate.name}`).selectOption("practical_test");
  await hr.getByRole("button", { name: `Move – ${candidate.name}` }).click();
  const card = hr.locator("section.column[data-stage=practical_test] li", { hasText: candidate.name });
  await card.getByRole("link", { name: "Assign the practical test" }).click();
  await hydrated(hr);
  const form = hr.locator("#assign-test");
  await form.getByLabel("Template").selectOption({ label: "Handling a complaint (role-play)" });
  await form.getByLabel("Grader").selectOption({ label: demo.interviewer.name });
  await form.getByLabel("Due on").fill(inDays(2));
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByRole("status").first()).toContainText("Test assigned");
  await hr.close();

  // The grader downloads the materials, then starts the test.
  const context = await browser.newContext({ locale: "en-GB" });
  const grader = await context.newPage();
  await signIn(grader, demo.interviewer);
  await open(grader, "/tests");
  await grader.locator("#tests-to-grade tr", { hasText: candidate.name }).getByRole("link", { name: "Handling a complaint (role-play)" }).click();
  await expect(grader.locator("#test-started")).toHaveText("Not started yet");
  const list = grader.locator("#test-materials");
  await expect(list.locator("li")).toHaveCount(3);
  const [download] = await Promise.all([grader.waitForEvent("download"), list.getByRole("link", { name: sheet }).click()]);
  expect(download.suggestedFilename()).toBe(sheet);
  expect(readFileSync(await download.path(), "utf8")).toContain("singola;95,00");
  await grader.getByRole("button", { name: "Start the test" }).click();
  await expect(grader.locator("#test-start-notice")).toContainText("the candidate gets the link to the materials by email");
  await expect(grader.locator("#test-started")).not.toHaveText("Not started yet");
  await expect(grader.getByRole("button", { name: "Start the test" })).toHaveCount(0);
  await context.close();

  // The candidate, who speaks Italian, opens the link with JavaScript off.
  const link = await privateLink(candidate.email, "p");
  const plain = await browser.newContext({ locale: "it-IT", javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gestione di un reclamo (role-play)");
  await expect(page.locator("#time-left")).toContainText("Tempo rimasto");
  const files = page.locator("#materials li");
  await expect(files).toHaveCount(2);
  await expect(page.locator("#materials")).toContainText("scheda-servizio.txt");
  await expect(page.locator("#materials")).not.toContainText("service-sheet.txt");
  const [mine] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "scheda-servizio.txt" }).click()]);
  expect(readFileSync(await mine.path(), "utf8")).toContain("Check-in");
  await plain.close();

  // With JavaScript, the time left counts down; the page passes axe-core.
  const scripted = await browser.newContext({ locale: "en-GB" });
  const live = await scripted.newPage();
  await live.goto(link);
  await hydrated(live);
  const before = await live.locator("#time-left span").first().textContent();
  await expect(live.locator("#time-left span").first()).not.toHaveText(before ?? "");
  const audit = await new AxeBuilder({ page: live })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(audit.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await scripted.close();
});
