/**
 * Gate checks `requests` (no request to another origin: no fonts, tiles, CDNs or trackers) and `resources` (every
 * same-origin resource a page uses loads).
 */
import type { Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';
import type { PageRecord } from './visit.ts';

/**
 * Records requests to any origin but `origin` in `record.otherOriginRequests` and answers them locally with an empty
 * 204, so a test never reaches the network and a blocked request causes no follow-up console error.
 */
export async function recordOtherOriginRequests(page: Page, origin: string, record: PageRecord): Promise<void> {
  await page.route(
    (target) => (target.protocol === 'http:' || target.protocol === 'https:') && target.origin !== origin,
    (route) => route.fulfill({ status: 204, body: '' }),
  );
  page.on('request', (request) => {
    const target = new URL(request.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(target.protocol) || target.origin === origin) return;
    record.otherOriginRequests.push(`${request.method()} ${request.url()} (${request.resourceType()})`);
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).origin !== origin.replace(/^http/, 'ws'))
      record.otherOriginRequests.push(`WebSocket ${socket.url()}`);
  });
}

/** Records same-origin requests that fail or answer ≥ 400 in `record.failedResources`. */
export function recordFailedResources(page: Page, origin: string, record: PageRecord): void {
  page.on('requestfailed', (request) => {
    const target = new URL(request.url());
    if (target.origin === origin)
      record.failedResources.push(
        `failed ${target.pathname}${target.search}: ${request.failure()?.errorText ?? 'unknown error'}`,
      );
  });
  page.on('response', (response) => {
    const target = new URL(response.url());
    if (target.origin === origin && response.status() >= 400)
      record.failedResources.push(`${response.status()} ${target.pathname}${target.search}`);
  });
}

export const resourcesCheck: GateCheck = {
  id: 'resources',
  sentence: 'loads every same-origin resource it uses',
  problems: (a) => a.record.failedResources,
};

export const requestsCheck: GateCheck = {
  id: 'requests',
  sentence: 'requests nothing from another origin',
  problems: (a) => a.record.otherOriginRequests,
};
