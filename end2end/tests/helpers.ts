// Shared steps: the demo sign-ins and signing in through the real form.
import { expect, type Page } from "@playwright/test";
import { inflateRawSync } from "node:zlib";

export const demo = {
  admin: { email: "admin@percorso.test", password: "percorso-admin-demo", name: "Alessandra Conti", role: "Admin" },
  hr: { email: "hr@percorso.test", password: "percorso-hr-demo", name: "Giulia Ferrari", role: "HR" },
  interviewer: {
    email: "interviewer@percorso.test",
    password: "percorso-interviewer-demo",
    name: "Marco Bianchi",
    role: "Interviewer",
  },
  employee: { email: "employee@percorso.test", password: "percorso-employee-demo", name: "Luca Esposito", role: "Employee" },
};

/**
 * Opens a page and, if it loads a browser bundle (pages with islands do), waits until its
 * islands have hydrated, so its forms are live.
 */
export async function open(page: Page, path: string) {
  watch(page);
  await page.goto(path);
  await hydrated(page);
}

/** What went wrong in each page's browser: script errors and failed requests. */
const troubles = new WeakMap<Page, string[]>();

/** Starts noting a page's script errors and failed requests, once per page. */
function watch(page: Page) {
  if (troubles.has(page)) return;
  const noted: string[] = [];
  troubles.set(page, noted);
  page.on("pageerror", (error) => noted.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") noted.push(`console: ${message.text()}`);
  });
  page.on("requestfailed", (request) =>
    noted.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`),
  );
}

/**
 * Waits until the page at hand, if it loads a browser bundle, has hydrated its islands: what
 * is typed before then would be replaced by the islands' own state. When it never does, the
 * failure names what the browser reported (a panic, a bundle that did not load).
 */
export async function hydrated(page: Page) {
  if ((await page.locator("script[type=module]").count()) > 0) {
    try {
      await expect(page.locator("body[data-hydrated=true]")).toBeAttached();
    } catch (error) {
      const noted = troubles.get(page)?.join("\n  ") || "nothing";
      throw new Error(`${page.url()} did not hydrate; the browser reported:\n  ${noted}\n${error}`);
    }
  }
}

/** Signs in through the sign-in form and waits for the home page. */
export async function signIn(page: Page, who: { email: string; password: string; name: string }) {
  await open(page, "/login");
  // By id, so signing in works whatever the page's language.
  await page.locator("#f-email").fill(who.email);
  await page.locator("#f-password").fill(who.password);
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(who.name);
}

/** A suffix that keeps names unique across runs against the same database. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** A small, valid one-page PDF with a line of text. */
export function pdfWith(text: string): Buffer {
  const stream = `BT /F1 12 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}


/** HR open and publish an opening for `profile` in `place`; returns its id. */
export async function publishedOpening(page: Page, profile: string, place: string): Promise<string> {
  await open(page, "/openings/new");
  await page.getByLabel("Job profile").selectOption({ label: profile });
  await page.getByLabel("Location").fill(place);
  await page.getByLabel("Status").selectOption("open");
  await page.getByLabel("Published on the careers page").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Edit opening" })).toBeVisible();
  return page.url().match(/\/openings\/(\d+)$/)![1];
}

/**
 * The message to `to` that the server's mail sender wrote as an `.eml` file (the end-to-end
 * server has no SMTP server, so it writes them under its data directory's `mail/`), waiting
 * for the sender's next pass. `containing` picks one among several to the same address.
 */
export async function sentMail(to: string, containing = ""): Promise<string> {
  const folder = process.env.PERCORSO_E2E_MAIL_DIR;
  if (!folder) throw new Error("PERCORSO_E2E_MAIL_DIR is not set (./dev e2e sets it)");
  const { readdirSync, readFileSync, existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  let found = "";
  await expect
    .poll(
      () => {
        if (!existsSync(folder)) return "";
        for (const name of readdirSync(folder).filter((n) => n.endsWith(".eml"))) {
          const text = readFileSync(join(folder, name), "utf8");
          if (text.includes(`To: ${to}`) && text.includes(containing)) found = text;
        }
        return found;
      },
      { timeout: 15_000, message: `a message to ${to}` },
    )
    .not.toBe("");
  return found;
}

/**
 * The private link's path (`/t/…` for an online test, `/p/…` for a practical test's
 * materials, `/welcome/…` for a new account, `/reset-password/…` for a forgotten password) in
 * the message sent to `to`, whatever the body's encoding.
 */
export async function privateLink(
  to: string,
  kind: "t" | "p" | "welcome" | "reset-password" = "t",
): Promise<string> {
  const message = await sentMail(to, "Content-Type");
  const pattern = new RegExp(`/${kind}/([0-9a-f]{64})`);
  const find = (text: string) => text.match(pattern)?.[0];
  const plain = find(message) ?? find(message.replace(/=\r?\n/g, ""));
  if (plain) return plain;
  for (const block of message.split(/\r?\n\r?\n/)) {
    const compact = block.replace(/\s+/g, "");
    if (/^[A-Za-z0-9+/=]{40,}$/.test(compact)) {
      const found = find(Buffer.from(compact, "base64").toString("utf8"));
      if (found) return found;
    }
  }
  throw new Error(`no link in the message to ${to}`);
}

/**
 * HR add a candidate by hand to `opening` (the public form's limit of ten applications an hour
 * per address is for the careers site, and every test here comes from one address).
 */
export async function addCandidate(hr: Page, opening: string, name: string, email: string) {
  const response = await hr.request.post("/api/add_candidate", {
    data: {
      input: {
        name, email, phone: "+39 0422 555 011", education: "", experience: "",
        opening_id: Number(opening), source: "manual", source_detail: "", upload_id: null,
      },
    },
  });
  expect(response.status()).toBe(200);
}

/**
 * A second server on the end-to-end server's own database and data directory, with its clock
 * moved `days` forward (`PERCORSO_CLOCK_SHIFT_DAYS`): what falls due then is seen now. Its
 * daily jobs run as it starts, as any instance's do. `./dev e2e` says where the binary, the
 * data and the site are.
 */
export async function shiftedServer(days: number, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const binary = process.env.PERCORSO_E2E_BINARY;
  const data = process.env.PERCORSO_E2E_DATA_DIR;
  const site = process.env.PERCORSO_E2E_SITE;
  if (!binary || !data || !site) throw new Error("PERCORSO_E2E_BINARY, _DATA_DIR and _SITE are not set (./dev e2e sets them)");
  const { spawn } = await import("node:child_process");
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PERCORSO_SMTP_HOST;
  Object.assign(env, {
    PERCORSO_SITE_ROOT: site,
    PERCORSO_DATA_DIR: data,
    PERCORSO_BIND: `127.0.0.1:${port}`,
    PERCORSO_MAIL_POLL_SECONDS: "1",
    PERCORSO_CLOCK_SHIFT_DAYS: String(days),
  });
  const child = spawn(binary, ["serve"], { env, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => {
      try {
        return (await fetch(`${url}/healthz`)).status;
      } catch {
        return 0;
      }
    }, { timeout: 30_000, message: "the shifted server starts" })
    .toBe(200);
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, stop };
}

/** Every `.eml` message to `to` containing all of `parts`, as the mail senders wrote them. */
export async function mailsTo(to: string, ...parts: string[]): Promise<string[]> {
  const folder = process.env.PERCORSO_E2E_MAIL_DIR;
  if (!folder) throw new Error("PERCORSO_E2E_MAIL_DIR is not set (./dev e2e sets it)");
  const { readdirSync, readFileSync, existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.endsWith(".eml"))
    .map((n) => readFileSync(join(folder, n), "utf8"))
    .filter((text) => text.includes(`To: ${to}`))
    .filter((text) => {
      const readable = decoded(text);
      return parts.every((p) => readable.includes(p));
    });
}

/** A message's text whatever its parts' transfer encoding: quoted-printable or base64. */
function decoded(message: string): string {
  const unwrapped = message.replace(/=\r?\n/g, "");
  const blocks = message
    .split(/\r?\n\r?\n/)
    .map((block) => block.replace(/\s+/g, ""))
    .filter((block) => /^[A-Za-z0-9+/=]{40,}$/.test(block))
    .map((block) => Buffer.from(block, "base64").toString("utf8"));
  return [message, unwrapped, ...blocks].join("\n");
}

/**
 * The files of a zip archive by name, read with a parser of our own (Node has none), so the
 * server's zip is checked by code that shares nothing with the writer: the central directory
 * found from its end record, each entry stored or deflated.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (method === 0) files.set(name, Buffer.from(data));
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new Error(`${name}: compression method ${method}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
