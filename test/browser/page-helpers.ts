/**
 * What the browser tests of the pages (audit, report) share: the page's headers and the shared
 * assets at /pages/, a browser page that records what it fetches from other origins and its script
 * errors, signing in with a pasted token, and waiting for what the page does after an answer.
 */
import type { Browser, Page } from 'playwright-core';
import type { Test } from 'tap';

/** Polls `condition` (every 50 ms, up to 10 s) for what the page does after an answer arrives. */
export const until = async (condition: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the page did not get there within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * The page at `${base}${prefix}/` answers with its CSP, and the assets it shares with the other
 * pages are served at /pages/ the same way (and nothing else from that folder).
 */
export const checkServed = async (t: Test, base: string, prefix: string): Promise<void> => {
  const html = await fetch(`${base}${prefix}/`);
  t.equal(html.status, 200);
  t.match(html.headers.get('content-security-policy'), /script-src 'self'/, 'the page allows only its own scripts');
  for (const [file, type] of [
    ['session.js', /javascript/],
    ['page.css', /text\/css/],
  ] as const) {
    const shared = await fetch(`${base}/pages/${file}`);
    t.equal(shared.status, 200, `/pages/${file} is served`);
    t.match(shared.headers.get('content-type'), type, `/pages/${file} as ${String(type)}`);
    t.match(shared.headers.get('content-security-policy'), /default-src 'none'/, `/pages/${file} with the CSP`);
  }
  t.equal((await fetch(`${base}/pages/serve-page.ts`)).status, 404, 'nothing else from src/api/pages');
};

export interface WatchedPage {
  page: Page;
  /** Every request to another origin than `base` (blob: downloads aside). */
  external: string[];
  /** Script errors and console errors (an answer >= 400 aside: the page's to show). */
  consoleErrors: string[];
}

/** A page in a new context (downloads accepted, zh-CN) that records other origins and script errors. */
export const watchedPage = async (browser: Browser, base: string): Promise<WatchedPage> => {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('blob:')) external.push(request.url());
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // An answer >= 400 is the page's to show, not a script error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, external, consoleErrors };
};

/** Pastes the token into the sign-in form and presses Sign in (the page may still refuse it). */
export const pasteToken = async (page: Page, token: string): Promise<void> => {
  await page.getByLabel('令牌 Bearer token').fill(token);
  await page.getByRole('button', { name: '登录 Sign in' }).click();
};

/** Opens `${base}${prefix}` (answered with a redirect to `${prefix}/`) and signs in with `token`. */
export const signIn = async (t: Test, page: Page, base: string, prefix: string, token: string): Promise<void> => {
  await page.goto(`${base}${prefix}`);
  t.match(page.url(), new RegExp(`${prefix}/$`), `${prefix} redirects to ${prefix}/`);
  await pasteToken(page, token);
  await page.locator('#who').waitFor({ state: 'visible' });
};
