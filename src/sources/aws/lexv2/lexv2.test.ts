import { describe, expect, it } from 'vitest';
import type { LexV2Event } from 'aws-lambda';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { isLexV2Event, lexV2Source } from './index.js';

const V2_FIXTURES = ['aws-sam-cli/lex-v2/BankingBot.json', 'aws-sam-cli/lex-v2/LexBookCar.json', 'aws-sam-cli/lex-v2/LexBookHotel.json'];

describe('Lex V2', () => {
  it('recognises the V2 samples and no V1 event', () => {
    for (const path of V2_FIXTURES) {
      expect(isLexV2Event(loadFixture(path)), path).toBe(true);
      expect(findSource(loadFixture(path))?.name, path).toBe('aws.lexv2');
    }
    for (const path of ['aws-sam-cli/lex/LexOrderFlowers.json', 'aws-lambda-go/lex-event.json']) {
      expect(isLexV2Event(loadFixture(path)), path).toBe(false);
    }
    expect(isLexV2Event({ interpretations: [], sessionState: null })).toBe(false);
    expect(isLexV2Event({ interpretations: {}, sessionState: {} })).toBe(false);
    expect(fixturePaths('aws-sam-cli/lex-v2')).toEqual(V2_FIXTURES);
  });

  it('maps a code hook call', () => {
    const event = loadFixture('aws-sam-cli/lex-v2/LexBookCar.json') as LexV2Event;
    const events = lexV2Source.toCloudEvents(event, { awsRequestId: 'req-l2' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-l2',
        source: 'aws:lexv2:bot/CCGFLGVZMD',
        type: 'com.amazonaws.lexv2.DialogCodeHook',
        datacontenttype: 'application/json',
        subject: 'BookCar',
        data: event,
      },
    ]);
    expect(lexV2Source.route(event)).toBe('/aws.lexv2');
    for (const path of V2_FIXTURES) expectValidCloudEvents(lexV2Source.toCloudEvents(loadFixture(path) as LexV2Event));
  });

  // A Lex V2 response as documented (docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html).
  const close = {
    sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'BookCar', state: 'Fulfilled' } },
    messages: [{ contentType: 'PlainText', content: 'Your car is booked.' }],
  };
  for (const { name, app, received } of syncApps('/aws.lexv2', () => ({ json: close }))) {
    it(`${name}: the app's JSON body is the code hook's result`, async () => {
      const event = loadFixture('aws-sam-cli/lex-v2/LexBookCar.json');
      expect(await invoke(app, event)).toEqual({
        sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'BookCar', state: 'Fulfilled' } },
        messages: [{ contentType: 'PlainText', content: 'Your car is booked.' }],
      });
      expect(received).toEqual([event]);
    });
  }
});
