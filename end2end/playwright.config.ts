// Playwright drives Debian's Chromium (never a downloaded browser) against a running server.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "./tests",
  // Generous: on a 2-core machine busy compiling, Chromium can take seconds to compile a
  // bundle before a page is interactive; a real failure still fails, only later.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  use: {
    baseURL: process.env.PERCORSO_URL ?? "http://127.0.0.1:3000",
    locale: "en-GB",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
  },
});
