// Azure Event Grid webhooks over real HTTP into Express 5: the documented payloads
// (test/fixtures/documented/azure/, after learn.microsoft.com/azure/event-grid/event-schema and
// webhook-event-delivery), the validation handshake, and the CloudEvents-schema OPTIONS handshake.
import { describe, expect, it } from 'vitest';
import { express5App } from '../../../test/apps/echo.js';
import type { EchoApp } from '../../../test/apps/echo.js';
import { loadFixture } from '../../../test/fixtures/load.js';
import { startGateway, push } from '../gateway.testing.js';
import type { GatewayOptions } from '../options.js';

async function start(echo: EchoApp, options: GatewayOptions = {}) {
  const served = await startGateway(echo.app, options);
  return served.url;
}

const blobCreated = () => {
  const fixture = loadFixture('documented/azure/eventgrid-blob-created.json');
  return (Array.isArray(fixture) ? fixture : [fixture]) as Array<Record<string, unknown>>;
};

describe('Event Grid schema', () => {
  it('SubscriptionValidationEvent: 200 { validationResponse }, never delivered', async () => {
    const echo = express5App();
    const url = await start(echo);
    const res = await push(url, loadFixture('documented/azure/eventgrid-subscription-validation.json'), { 'aeg-event-type': 'SubscriptionValidation' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ validationResponse: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' });
    expect(echo.received).toHaveLength(0);
  });

  it('each event delivered at /azure.eventgrid; 200 when all 2xx, else the first failing status', async () => {
    const second = { ...blobCreated()[0], id: 'second' };
    let failSecond = false;
    const echo = express5App((r) => ({ status: failSecond && JSON.parse(r.body.toString()).id === 'second' ? 400 : 200 }));
    const url = await start(echo);
    const events = [blobCreated()[0], second];
    expect((await push(url, events, { 'aeg-event-type': 'Notification' })).status).toBe(200);
    expect(echo.received.map((r) => r.url)).toEqual(['/azure.eventgrid', '/azure.eventgrid']);
    expect(JSON.parse(echo.received[0]!.body.toString())).toEqual(events[0]);
    failSecond = true;
    expect((await push(url, events)).status).toBe(400);
  });

  it('record mode: one CloudEvent per event, Event Grid schema mapped', async () => {
    const echo = express5App();
    const url = await start(echo, { mode: 'record' });
    const [event] = blobCreated();
    expect((await push(url, [event])).status).toBe(200);
    expect(echo.received[0]!.headers['ce-type']).toBe(event!.eventType);
    expect(echo.received[0]!.headers['ce-id']).toBe(event!.id);
  });
});

describe('CloudEvents schema: the OPTIONS abuse-protection handshake', () => {
  it('an allowed origin gets WebHook-Allowed-Origin and -Rate; another gets 403; nothing is delivered', async () => {
    const echo = express5App();
    const url = await start(echo, { auth: { eventGrid: { allowedOrigins: ['eventgrid.azure.net'] } } });
    const ok = await fetch(url, { method: 'OPTIONS', headers: { 'WebHook-Request-Origin': 'eventgrid.azure.net' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('webhook-allowed-origin')).toBe('eventgrid.azure.net');
    expect(ok.headers.get('webhook-allowed-rate')).toBe('*');
    const denied = await fetch(url, { method: 'OPTIONS', headers: { 'WebHook-Request-Origin': 'evil.example' } });
    expect(denied.status).toBe(403);
    expect(echo.received).toHaveLength(0);
  });

  it('without allowedOrigins every handshake is refused', async () => {
    const url = await start(express5App());
    expect((await fetch(url, { method: 'OPTIONS', headers: { 'WebHook-Request-Origin': 'eventgrid.azure.net' } })).status).toBe(403);
  });
});
