/**
 * What a page did wrong while a test drove it: uncaught errors, console
 * errors, Content-Security-Policy violations and dialogs (alert, confirm…).
 * Every test ends by asserting there were none.
 */
import type { Dialog, Page } from 'playwright-core';

/** The page function the CSP listener reports to (exposed by playwright, so it survives navigations). */
const CSP_REPORT = '__marsadCspViolation';
/** Listens for CSP violations inside the page (an init script runs outside the page's CSP). */
const CSP_LISTENER = `
  document.addEventListener('securitypolicyviolation', (e) => {
    window.${CSP_REPORT}(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  });
`;

const HTTP_ERROR = 400;
/** Lines of a page error's stack kept in the report. */
const STACK_LINES = 4;

export interface PageProblems {
  errors: string[];
  dialogs: string[];
  /** CSP violations reported in the page so far, across navigations. */
  cspViolations(): Promise<string[]>;
}

export async function watchPage(page: Page): Promise<PageProblems> {
  const errors: string[] = [];
  const dialogs: string[] = [];
  const violations: string[] = [];
  await page.exposeFunction(CSP_REPORT, (violation: string) => void violations.push(violation));
  await page.addInitScript({ content: CSP_LISTENER });
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e.stack ?? e.message).split('\n').slice(0, STACK_LINES).join(' | ')}`));
  page.on('console', (m) => {
    // A failed request is reported below with its address; the console line says less.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= HTTP_ERROR) errors.push(`http ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  page.on('dialog', (d: Dialog) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return {
    errors,
    dialogs,
    cspViolations: async () => [...violations],
  };
}
