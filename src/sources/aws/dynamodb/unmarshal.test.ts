import { describe, expect, it } from 'vitest';
import { toNumber, unmarshall, unmarshallValue } from './unmarshal.js';

describe('unmarshall', () => {
  it('converts every DynamoDB type to plain JSON', () => {
    expect(
      unmarshall({
        s: { S: 'text' },
        n: { N: '3.14159' },
        b: { B: 'AAEqQQ==' },
        bool: { BOOL: false },
        nil: { NULL: true },
        map: { M: { name: { S: 'Joe' }, age: { N: '35' } } },
        list: { L: [{ S: 'Cookies' }, { N: '1' }, { L: [{ BOOL: true }] }] },
        ss: { SS: ['Giraffe', 'Zebra'] },
        ns: { NS: ['1234', '567.8', '123456789012345678901234567890'] },
        bs: { BS: ['AAEqQQ==', 'QSoBAA=='] },
        empty: { SS: [] },
      }),
    ).toEqual({
      s: 'text',
      n: 3.14159,
      b: 'AAEqQQ==',
      bool: false,
      nil: null,
      map: { name: 'Joe', age: 35 },
      list: ['Cookies', 1, [true]],
      ss: ['Giraffe', 'Zebra'],
      ns: [1234, 567.8, '123456789012345678901234567890'],
      bs: ['AAEqQQ==', 'QSoBAA=='],
      empty: [],
    });
  });

  it('keeps unknown descriptors and non-items as they are', () => {
    expect(unmarshallValue({ X: 1 })).toEqual({ X: 1 });
    expect(unmarshallValue('raw')).toBe('raw');
    expect(unmarshall(null)).toBeNull();
    expect(unmarshall([1])).toEqual([1]);
  });

  it('keeps an attribute named __proto__ as an attribute', () => {
    const item = unmarshall(JSON.parse('{"__proto__": {"S": "x"}, "a": {"N": "1"}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.keys(item)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(item)).toBe('{"__proto__":"x","a":1}');
  });
});

describe('toNumber', () => {
  it('gives a number when it is exact, else the numeral', () => {
    expect(toNumber('123')).toBe(123);
    expect(toNumber('-0.5')).toBe(-0.5);
    expect(toNumber('123.45')).toBe(123.45);
    expect(toNumber('9007199254740991')).toBe(9007199254740991);
    expect(toNumber('9007199254740993')).toBe('9007199254740993');
    expect(toNumber('0.1234567890123456')).toBe('0.1234567890123456');
    expect(toNumber('0.123456789012345')).toBe(0.123456789012345);
    expect(toNumber('1.50000000000000000000')).toBe(1.5);
    expect(toNumber('1E+2')).toBe(100);
    expect(toNumber('1e400')).toBe('1e400');
    expect(toNumber('12345678901234567890123456789012345678')).toBe('12345678901234567890123456789012345678');
    expect(toNumber('')).toBe('');
    expect(toNumber('abc')).toBe('abc');
  });
});
