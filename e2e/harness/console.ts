/** Gate check `console`: no `console.error` and no uncaught exception during a visit (CSP messages go to the `csp` check). */
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';
import { isCspMessage } from './csp.ts';
import type { PageRecord } from './visit.ts';

/** Records console errors and uncaught exceptions in `record.consoleErrors`, CSP messages in `record.cspConsoleMessages`. */
export function recordConsole(page: Page, record: PageRecord): void {
  page.on('console', (message) => {
    const text = message.text();
    const where = message.location().url ? ` (${message.location().url}:${message.location().lineNumber})` : '';
    if (isCspMessage(text)) record.cspConsoleMessages.push(`${message.type()}: ${text}`);
    else if (message.type() === 'error') record.consoleErrors.push(`${text}${where}`);
  });
  page.on('pageerror', (error) => record.consoleErrors.push(`Uncaught ${error.name}: ${error.message}`));
}

export const consoleCheck: GateCheck = {
  id: 'console',
  sentence: 'logs no console errors',
  problems: (a) => a.record.consoleErrors,
};
