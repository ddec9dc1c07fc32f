import { describe, expect, it } from 'vitest';
import type { LexEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { lexSource } from './index.js';

describe('Lex', () => {
  it('maps a code hook call', () => {
    const event = loadFixture('aws-sam-cli/lex/LexOrderFlowers.json') as LexEvent;
    const events = lexSource.toCloudEvents(event, { awsRequestId: 'req-l' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-l',
        source: 'aws:lex:bot/OrderFlowers',
        type: 'com.amazonaws.lex.DialogCodeHook',
        datacontenttype: 'application/json',
        subject: 'OrderFlowers',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('is a request-response source: the app answers Lex', () => {
    expect(lexSource.answer).toBe('json');
    expect(lexSource.route(loadFixture('aws-lambda-go/lex-event.json') as LexEvent)).toBe('/aws.lex');
  });

  // The Lex V1 response format, as aws-lambda-go's sample gives it.
  const lexResponse = loadFixture('aws-lambda-go/lex-response.json');
  for (const { name, app, received } of syncApps('/aws.lex', (raw) =>
    (raw as LexEvent).currentIntent.name === 'Closed' ? { status: 503, json: { errorMessage: 'The shop is closed' } } : { json: lexResponse },
  )) {
    it(`${name}: the app's JSON body is the code hook's result; a 503 fails it with the app's message`, async () => {
      const event = loadFixture('aws-sam-cli/lex/LexOrderFlowers.json') as LexEvent;
      expect(await invoke(app, event)).toEqual(lexResponse);
      expect(received).toEqual([event]);
      const closed = { ...event, currentIntent: { ...event.currentIntent, name: 'Closed' } };
      const error = await invoke(app, closed).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect((error as EventDeliveryError).message).toBe('The shop is closed');
      expect((error as EventDeliveryError).statusCode).toBe(503);
    });
  }
});
