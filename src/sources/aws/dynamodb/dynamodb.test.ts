import { describe, expect, it } from 'vitest';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { dynamoDbSource } from './index.js';

describe('DynamoDB Streams', () => {
  it('maps each record with its images unmarshalled, the input untouched', () => {
    const event = loadFixture('aws-sam-cli/dynamodb/DynamoDBUpdate.json') as DynamoDBStreamEvent;
    const before = JSON.stringify(event);
    const events = dynamoDbSource.toCloudEvents(event);
    expect(JSON.stringify(event)).toBe(before);
    const [first, second, third] = event.Records;
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: first?.eventID,
        source: first?.eventSourceARN,
        type: 'com.amazonaws.dynamodb.INSERT',
        datacontenttype: 'application/json',
        subject: '{"Id":101}',
        time: '2015-04-09T00:00:00.000Z',
        data: { ...first, dynamodb: { ...first?.dynamodb, Keys: { Id: 101 }, NewImage: { Message: 'New item!', Id: 101 } } },
      },
      {
        specversion: '1.0',
        id: second?.eventID,
        source: second?.eventSourceARN,
        type: 'com.amazonaws.dynamodb.MODIFY',
        datacontenttype: 'application/json',
        subject: '{"Id":101}',
        time: '2015-04-09T00:00:00.000Z',
        data: {
          ...second,
          dynamodb: {
            ...second?.dynamodb,
            Keys: { Id: 101 },
            NewImage: { Message: 'This item has changed', Id: 101 },
            OldImage: { Message: 'New item!', Id: 101 },
          },
        },
      },
      {
        specversion: '1.0',
        id: third?.eventID,
        source: third?.eventSourceARN,
        type: 'com.amazonaws.dynamodb.REMOVE',
        datacontenttype: 'application/json',
        subject: '{"Id":101}',
        time: '2015-04-09T00:00:00.000Z',
        data: { ...third, dynamodb: { ...third?.dynamodb, Keys: { Id: 101 }, OldImage: { Message: 'This item has changed', Id: 101 } } },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('takes time from ApproximateCreationDateTime (epoch seconds)', () => {
    const events = dynamoDbSource.toCloudEvents(loadFixture('aws-lambda-go/dynamodb-event.json') as DynamoDBStreamEvent);
    expect(events.map((e) => e.time)).toEqual(['2016-12-02T01:27:00.000Z', '2016-12-02T01:27:00.000Z']);
    expect(events[0]?.subject).toBe('{"val":"data","key":"binary"}');
    expect((events[1]?.data as { dynamodb: { NewImage: Record<string, unknown> } }).dynamodb.NewImage).toMatchObject({
      Binary: 'AAEqQQ==',
      Boolean: true,
      List: ['Cookies', 'Coffee', 3.14159],
      Map: { Name: 'Joe', Age: 35 },
      NumberSet: [1234, 567.8],
      Null: null,
      StringSet: ['Giraffe', 'Zebra'],
      EmptyStringSet: [],
    });
    expectValidCloudEvents(events);
  });

  it('reports batch items by SequenceNumber, always ordered', () => {
    const event = loadFixture('aws-sam-cli/dynamodb/DynamoDBUpdate.json') as DynamoDBStreamEvent;
    expect([0, 1, 2].map((i) => dynamoDbSource.records?.identifier?.(event, i))).toEqual([
      '4421584500000000017450439091',
      '4421584500000000017450439092',
      '4421584500000000017450439093',
    ]);
    expect(dynamoDbSource.records?.ordered?.(event)).toBe(true);
  });
});
