// Interviews end to end: HR schedule one with two interviewers from a card moved to Interview
// on the board; interviewer A's draft survives a dropped connection and a reload; B submits
// first, and A sees B's scorecard only after submitting theirs, two points apart on a
// competency; HR see the disagreement flagged; the candidate's invitation, with its calendar
// entry, is in the mail.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demo, hydrated, open, publishedOpening, sentMail, signIn, unique } from "./helpers";

async function apply(request: APIRequestContext, opening: string, name: string, email: string) {
  const response = await request.post("/api/apply", {
    multipart: {
      opening_id: opening,
      notice_version: "1",
      name,
      email,
      phone: "+39 0422 555 010",
      cv: { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
    },
  });
  expect(response.status()).toBe(200);
}

/** A wall-clock time in Rome `days` from today at `hour`, as a datetime-local field takes it. */
function romeTime(days: number, hour: number): string {
  const day = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Rome",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + days * 86_400_000));
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

/** Rates the `index`-th competency of the scorecard on `page`. */
async function rate(page: Page, index: number, rating: string, evidence: string) {
  const competency = page.locator("#scorecard fieldset.rating").nth(index);
  await competency.getByLabel(rating, { exact: true }).check();
  await competency.getByLabel("Evidence").fill(evidence);
}

test("HR schedule an interview from the board, two interviewers score it on their own, and HR see where they disagree", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = unique();
  const candidate = { name: `Anna Costa ${suffix}`, email: `anna.${suffix}@example.it` };
  const b = { email: `sara.${suffix}@percorso.test`, password: "una frase lunga e sicura 42", name: `Sara Neri ${suffix}` };

  const admin = await browser.newPage();
  await signIn(admin, demo.admin);
  const created = await admin.request.post("/api/create_user", {
    data: { input: { email: b.email, name: b.name, role: "interviewer", password: b.password } },
  });
  expect(created.ok()).toBeTruthy();
  await admin.close();

  // HR: an opening, an application, the card moved to Interview, and the offer to schedule.
  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  const opening = await publishedOpening(hr, "Bank teller", `Treviso ${suffix}`);
  await apply(request, opening, candidate.name, candidate.email);
  await open(hr, `/openings/${opening}/board`);
  await hr.getByLabel(`Move to – ${candidate.name}`).selectOption("interview");
  await hr.getByRole("button", { name: `Move – ${candidate.name}` }).click();
  const card = hr.locator("section.column[data-stage=interview] li", { hasText: candidate.name });
  await card.getByRole("link", { name: "Schedule the interview" }).click();
  await hydrated(hr);
  const form = hr.locator("#schedule");
  await expect(form).toHaveAttribute("open", "");
  await form.getByLabel("Kind of interview").selectOption("technical_interview");
  // Yesterday's interview, so that the scorecards can be submitted.
  await form.getByLabel("Start").fill(romeTime(-1, 10));
  await form.getByLabel("End").fill(romeTime(-1, 11));
  await form.getByLabel("Place or room").fill("Sala Verdi");
  await form.getByLabel(`${demo.interviewer.name} (Interviewer)`).check();
  await form.getByLabel(`${b.name} (Interviewer)`).check();
  await form.getByRole("button", { name: "Schedule" }).click();
  await expect(form.getByRole("status").first()).toContainText("Interview scheduled");
  await expect(form.locator(".hint", { hasText: "Added to the hiring team" })).toContainText(b.name);
  const link = form.getByRole("link", { name: "Interview →" });
  const interview = (await link.getAttribute("href"))!.match(/\/interviews\/(\d+)$/)![1];

  // A starts a scorecard; the draft saves itself and survives a reload.
  const a = await browser.newPage();
  await signIn(a, demo.interviewer);
  await open(a, `/interviews/${interview}`);
  await expect(a.locator("#interview-when")).toContainText("10:00–11:00 (Europe/Rome)");
  await expect(a.locator("#others-hidden")).toBeVisible();
  await rate(a, 0, "2", "Risposte generiche sulla gestione della cassa");
  await expect(a.locator(".draft-state")).toContainText("Draft saved at");
  // The connection drops while A types: the draft says so, and saves once it is back.
  await a.context().setOffline(true);
  await a.locator("#scorecard").getByLabel("Summary").fill("Da rivedere la parte sui contanti");
  await expect(a.locator(".draft-state")).toContainText("Draft not saved");
  await a.context().setOffline(false);
  await expect(a.locator(".draft-state")).toContainText("Draft saved at", { timeout: 15_000 });
  await a.reload();
  await hydrated(a);
  const first = a.locator("#scorecard fieldset.rating").nth(0);
  await expect(first.getByLabel("2", { exact: true })).toBeChecked();
  await expect(first.getByLabel("Evidence")).toHaveValue("Risposte generiche sulla gestione della cassa");
  await expect(a.locator("#scorecard").getByLabel("Summary")).toHaveValue("Da rivedere la parte sui contanti");

  // B submits, two points above A on the same competency.
  const bPage = await browser.newPage();
  await signIn(bPage, b);
  await open(bPage, `/interviews/${interview}`);
  await rate(bPage, 0, "4", "Esempi precisi di riconciliazione di fine giornata");
  await bPage.locator("#scorecard").getByLabel("Strong yes", { exact: true }).check();
  await bPage.getByRole("button", { name: "Submit the scorecard" }).click();
  await expect(bPage.locator("#scorecard")).toContainText("Submitted on");

  // A still cannot see B's; after submitting, A can.
  await a.reload();
  await hydrated(a);
  await expect(a.locator("#others-hidden")).toBeVisible();
  await expect(a.getByText("Esempi precisi di riconciliazione")).toHaveCount(0);
  await a.locator("#scorecard").getByLabel("No", { exact: true }).check();
  await a.getByRole("button", { name: "Submit the scorecard" }).click();
  await expect(a.locator("#scorecard")).toContainText("Submitted on");
  await expect(a.getByText("Esempi precisi di riconciliazione di fine giornata")).toBeVisible();

  // HR see both, side by side, with the disagreement flagged.
  await open(hr, `/interviews/${interview}`);
  const row = hr.locator("#comparison tr.disagreement");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("To discuss");
  await expect(row).toContainText("3.0");
  await expect(row.locator("td").last()).toHaveText("2");
  await expect(hr.locator("#panel")).toContainText("Submitted");

  // The candidate's invitation left with its calendar entry.
  const invitation = await sentMail(candidate.email, "text/calendar");
  expect(invitation).toMatch(/method=REQUEST/i);
  // The subject's "·" travels as an RFC 2047 encoded word.
  expect(invitation).toMatch(/^Subject: Invito: .*=\?utf-8\?b\?/m);
});
