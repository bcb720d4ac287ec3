// Online tests and the assessment end to end: HR send the typing and data-entry test from the
// candidate's page; the candidate opens the private link in a fresh browser, starts, copies
// records (saved as they go), reloads mid-way and finds them, types the text on the server's
// clock, and hands in; a second use of the link is refused. Another candidate takes the
// banking test with JavaScript off. HR then read the assessment with its fit score and
// compare the two candidates side by side.
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addCandidate, demo, hydrated, open, privateLink, publishedOpening, signIn, unique } from "./helpers";

/** HR send the online test `title` to `candidate` from their page, graded by the demo interviewer. */
async function sendTest(hr: Page, opening: string, candidate: string, title: string) {
  await open(hr, `/openings/${opening}/board`);
  await hr.locator("li.card-item", { hasText: candidate }).getByRole("link", { name: candidate }).click();
  await hydrated(hr);
  const form = hr.locator("#send-online-test");
  await form.locator("summary").click();
  await form.getByLabel("Template").selectOption({ label: title });
  await form.getByLabel("Grader").selectOption({ label: demo.interviewer.name });
  await form.getByRole("button", { name: "Send", exact: true }).click();
  await expect(form.getByRole("status").first()).toContainText("Test sent");
}

test("a candidate takes an online test through the private link and HR compare the candidates", async ({ browser }) => {
  test.setTimeout(240_000);
  const suffix = unique();
  const anna = { name: `Anna Riva ${suffix}`, email: `anna.${suffix}@example.it` };
  const bruno = { name: `Bruno Sala ${suffix}`, email: `bruno.${suffix}@example.it` };

  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  const opening = await publishedOpening(hr, "Bank teller", `Rovigo ${suffix}`);
  await addCandidate(hr, opening, anna.name, anna.email);
  await addCandidate(hr, opening, bruno.name, bruno.email);
  await sendTest(hr, opening, anna.name, "Typing and data entry");
  const link = await privateLink(anna.email);

  // The candidate, in a browser that has never signed in.
  const context = await browser.newContext({ locale: "en-GB" });
  const candidate = await context.newPage();
  // A public page: at most 150 KB of script and wasm on a first visit, gzipped.
  const loaded: Promise<number>[] = [];
  candidate.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".js") || path.endsWith(".wasm")) {
      loaded.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
    }
  });
  await open(candidate, link);
  await candidate.waitForLoadState("networkidle");
  const script = (await Promise.all(loaded)).reduce((a, b) => a + b, 0);
  console.log(`bundle budget: /t/… (the candidate's online test): ${(script / 1024).toFixed(1)} KB gzip`);
  expect(script).toBeGreaterThan(0);
  expect(script).toBeLessThanOrEqual(150 * 1024);
  await expect(candidate.getByRole("heading", { level: 1 })).toHaveText("Typing and data entry");
  await candidate.getByRole("button", { name: "Start the test" }).click();
  await hydrated(candidate);
  await expect(candidate.locator("#time-left")).toContainText("Time left");
  const audit = await new AxeBuilder({ page: candidate })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(audit.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Records copied, saved as the candidate goes; a reload loses nothing.
  await candidate.getByLabel("Supplier, record 1").fill("Cartoleria Rossi srl");
  await candidate.getByLabel("Number, record 1").fill("FT-1043");
  await expect(candidate.locator("#autosave")).toHaveText("Saved.");
  await candidate.reload();
  await hydrated(candidate);
  await expect(candidate.getByLabel("Supplier, record 1")).toHaveValue("Cartoleria Rossi srl");
  await expect(candidate.getByLabel("Number, record 1")).toHaveValue("FT-1043");

  // The typing test: the text shows once started, and the server keeps the time.
  await candidate.getByRole("button", { name: "Start typing" }).click();
  const reference = (await candidate.locator("blockquote.typing-text").innerText()).trim();
  await candidate.getByLabel("Type the text here").fill(reference.slice(0, 80));
  await candidate.getByRole("button", { name: "I have finished typing" }).click();
  await expect(candidate.getByText("Text handed in")).toBeVisible();
  await expect(candidate.getByLabel("Supplier, record 1")).toHaveValue("Cartoleria Rossi srl");
  await candidate.getByRole("button", { name: "Hand in" }).click();
  await expect(candidate.locator("#test-state")).toContainText("Your answers have been handed in");

  // A second use of the link is refused.
  await candidate.goto(link);
  await expect(candidate.locator("#test-state")).toContainText("cannot be used again");
  await expect(candidate.getByRole("button", { name: "Start the test" })).toHaveCount(0);
  await context.close();

  // With JavaScript off, the second candidate answers the banking test.
  await sendTest(hr, opening, bruno.name, "Knowledge of banking services");
  const second = await privateLink(bruno.email);
  const plain = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(second);
  await page.getByRole("button", { name: "Start the test" }).click();
  await page.getByLabel("An instant transfer").check();
  await page.getByRole("button", { name: "Save the answers" }).click();
  await expect(page.locator("#test-saved")).toBeVisible();
  await expect(page.getByLabel("An instant transfer")).toBeChecked();
  await page.getByRole("button", { name: "Hand in" }).click();
  await expect(page.locator("#test-state")).toContainText("handed in");
  await plain.close();

  // HR: the typing test is graded by the server; the assessment shows the fit, still partial.
  await open(hr, `/openings/${opening}/board`);
  await hr.locator("li.card-item", { hasText: anna.name }).getByRole("link", { name: anna.name }).click();
  await expect(hr.locator("#candidate-online-tests")).toContainText("Typing and data entry");
  await hr.locator("a.assessment-link").first().click();
  await expect(hr.locator("p.fit")).toContainText("Fit for the profile:");
  await expect(hr.locator("p.fit")).toContainText("Partial");
  await expect(hr.locator("#not-assessed")).toBeVisible();
  await expect(hr.locator("#assessment")).toContainText("Typing and data entry");

  // Both candidates side by side, sorted by fit or by a competency, charted on the server.
  await hr.goto(`/openings/${opening}/assessment`);
  const rows = hr.locator("#comparison tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(hr.locator("#fit-chart")).toContainText(anna.name);
  await expect(hr.locator("#fit-chart")).toContainText(bruno.name);
  await hr.locator("#comparison thead").getByRole("link", { name: "Administrative work" }).click();
  await expect(hr.locator("#comparison th[aria-sort=descending]")).toContainText("Administrative work");
  await expect(rows.first()).toContainText(anna.name);
  await hr.close();
});

test("HR write an online test, refused for a question without a right option, then saved", async ({ page }) => {
  const suffix = unique();
  await signIn(page, demo.hr);
  await open(page, "/tests/banks/new");
  await page.getByLabel("Title (Italian)").fill(`Conti correnti ${suffix}`);
  await page.getByLabel("Title (English)").fill(`Current accounts ${suffix}`);
  await page.getByLabel("Instructions (Italian)").fill("Rispondi alle domande.");
  await page.getByLabel("Instructions (English)").fill("Answer the questions.");
  await page.getByLabel("Time limit (minutes)").fill("5");
  await page.getByLabel("Pass mark (points)").fill("2");
  await page.getByLabel("Bank teller").check();
  const question = page.locator("fieldset.question-editor").first();
  await question.getByLabel("Competency").selectOption({ label: "Knowledge of the company's products and services" });
  await question.getByLabel("Question (Italian)").fill("Che cos'è un IBAN?");
  await question.getByLabel("Question (English)").fill("What is an IBAN?");
  await question.getByLabel("Points").fill("3");
  const options = question.locator(".option-row");
  await options.nth(0).getByLabel("Option (Italian)").fill("Il codice di un conto");
  await options.nth(0).getByLabel("Option (English)").fill("An account's code");
  await options.nth(1).getByLabel("Option (Italian)").fill("Una carta");
  await options.nth(1).getByLabel("Option (English)").fill("A card");
  await page.getByRole("button", { name: "Save the test" }).click();
  await expect(question.locator(".field-error").last()).toHaveText("Mark at least one option as right.");

  await options.nth(0).getByLabel("Right").check();
  await page.getByRole("button", { name: "Save the test" }).click();
  await expect(page).toHaveURL(/\/tests\/banks\/\d+$/);
  await hydrated(page);
  await expect(page.locator("fieldset.question-editor").first().getByLabel("Question (English)")).toHaveValue("What is an IBAN?");
  await open(page, "/tests/banks");
  await expect(page.locator("#banks tr", { hasText: `Current accounts ${suffix}` })).toContainText("2 points out of 3");
});
