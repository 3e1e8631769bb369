import { defineConfig } from '@playwright/test';

// End-to-end tests (e2e/) in Debian's Chromium (apt-get install chromium; Playwright's own browser
// download is not available here), against the playground served two ways:
//   dev     `vite` with the COOP/COEP headers (vite.config.ts)
//   static  the built dist/ (run `npm run build` first) from a plain static server under a
//           sub-path, without those headers: the service worker (public/coi-sw.js) isolates it
const DEV_PORT = Number(process.env.A64PLAY_DEV_PORT ?? 5273);
const STATIC_PORT = Number(process.env.A64PLAY_STATIC_PORT ?? 4273);
const STATIC_BASE = '/a64play/';
const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'dev', use: { baseURL: `http://127.0.0.1:${DEV_PORT}/` }, testIgnore: /static-host\.spec\.ts$/ },
    { name: 'static', use: { baseURL: `http://127.0.0.1:${STATIC_PORT}${STATIC_BASE}` } },
  ],
  webServer: [
    {
      command: `npx vite --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node e2e/static-server.mjs --port ${STATIC_PORT} --base ${STATIC_BASE} dist`,
      url: `http://127.0.0.1:${STATIC_PORT}${STATIC_BASE}`,
      reuseExistingServer: !CI,
      timeout: 30_000,
    },
  ],
});
