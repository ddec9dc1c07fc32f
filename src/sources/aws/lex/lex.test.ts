import { describe, expect, it } from 'vitest';
import type { LexEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
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
});
