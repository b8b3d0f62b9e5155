// Drives the local runner's /docs page in Debian's headless Chromium as a person would: opens the page, expands
// "PUT /api/assessments/{id}", clicks "Try it out", fills the id and a body with the version the caller names,
// clicks "Execute" and reads the status and body the page shows; then the same with a second body. Prints one JSON
// line on stdout for the JUnit test to assert on (DocsPageBrowserIT); it asserts nothing itself.
//
// Usage: node docs-page.mjs [--document=<file>] <base-url> <assessment-id> <screenshot.png> <body-json>...
// --document: the browser receives this file's JSON as /openapi.yaml instead of the runner's document (to try the
// page with other security schemes); the API still answers every request.
// Exit status 0 when every step ran (whatever the API answered), 1 with {"error": ...} otherwise.
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
// Debian's Chromium as root in a closed network: no sandbox, no GPU, no background calls to the vendor's hosts.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const STEP_MS = 30_000;

const args = process.argv.slice(2);
const documentOption = args.find((arg) => arg.startsWith('--document='));
const [base, id, screenshot, ...bodies] = args.filter((arg) => arg !== documentOption);
if (!base || !id || !screenshot || bodies.length === 0) {
  console.log(JSON.stringify({ error: 'usage: docs-page.mjs <base-url> <id> <screenshot.png> <body-json>...' }));
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.log(JSON.stringify({ error: `${CHROMIUM} is missing: install it with apt-get install -y chromium` }));
  process.exit(1);
}

// launch() gives the browser a fresh, empty profile directory of its own and removes it on close.
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const report = { consoleErrors: [], cspViolations: [], executions: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(STEP_MS);
  page.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => report.consoleErrors.push(String(error)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });

  if (documentOption) {
    const document = readFileSync(documentOption.slice('--document='.length), 'utf8');
    await page.route(`${base}/openapi.yaml`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: document }));
  }
  const response = await page.goto(`${base}/docs`);
  report.pageStatus = response.status();
  report.pageHeaders = {
    contentSecurityPolicy: response.headers()['content-security-policy'] ?? null,
    cacheControl: response.headers()['cache-control'] ?? null,
  };

  const operation = page.locator('#operations-assessments-updateAssessment');
  await operation.waitFor();
  await page.waitForFunction(() => document.body.hasAttribute('data-preauthorized'));
  report.preauthorized = await page.evaluate(() => document.body.getAttribute('data-preauthorized'));
  report.authorizeButton = await page.locator('.auth-wrapper .authorize').getAttribute('class');

  await operation.locator('.opblock-summary-control').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.locator('tr[data-param-name="id"] input').fill(id);
  // Not touched: what the page pre-fills is what a person's first try sends (the contract has no example for it).
  report.ifMatchPrefilled = await operation.locator('tr[data-param-name="If-Match"] input').inputValue();

  for (const body of bodies) {
    await operation.locator('textarea.body-param__text').fill(body);
    await operation.getByRole('button', { name: 'Execute' }).click();
    const row = operation.locator('.live-responses-table tr.response');
    await row.locator('.response-col_status').waitFor();
    report.executions.push({
      sent: body,
      requestUrl: (await operation.locator('.request-url pre').innerText()).trim(),
      status: Number((await row.locator('.response-col_status').innerText()).trim()),
      body: (await row.locator('.response-col_description pre').first().innerText()).trim(),
    });
    // Clears the answer from the page, so the next execution's answer is read only once it is there.
    if (report.executions.length < bodies.length) {
      await operation.getByRole('button', { name: 'Clear' }).click();
      await row.waitFor({ state: 'detached' });
    }
  }
  // The operation from its title to the answer on screen (the 409), without the documented responses below.
  const clip = await operation.evaluate((element) => {
    const top = element.getBoundingClientRect();
    const answer = element.querySelector('.live-responses-table').getBoundingClientRect();
    return { x: top.left, y: top.top + window.scrollY, width: top.width, height: answer.bottom - top.top };
  });
  await page.screenshot({ path: screenshot, fullPage: true, clip });
  report.screenshot = screenshot;
  report.cspViolations = await page.evaluate(() => window.__cspViolations);
  console.log(JSON.stringify(report));
} catch (error) {
  report.error = String(error && error.message ? error.message : error);
  console.log(JSON.stringify(report));
  process.exitCode = 1;
} finally {
  await browser.close();
}
