import { describe, expect, it } from 'vitest';
import { normalPath, requestTarget } from '../../src/dev/request-target.js';

describe('the dev server routes only targets that are already normal', () => {
  it('keeps the paths its own page asks for', () => {
    expect(requestTarget('/')).toEqual({ path: '/', query: '' });
    expect(requestTarget('/__lectern/state')).toEqual({ path: '/__lectern/state', query: '' });
    expect(requestTarget('/__lectern/state?v=3')).toEqual({ path: '/__lectern/state', query: 'v=3' });
    expect(requestTarget('/__lectern/font/400.woff2')?.path).toBe('/__lectern/font/400.woff2');
  });

  it.each([
    ['absolute-form', 'http://evil.com/__lectern/state'],
    ['authority-like', '//evil.com/__lectern/state'],
    ['asterisk-form', '*'],
    ['a dot-dot segment', '/x/../__lectern/state'],
    ['a dot-dot under the font path', '/__lectern/font/../state'],
    ['an encoded dot-dot', '/__lectern/font/%2e%2e/state'],
    ['an encoded slash', '/__lectern/font/..%2fstate'],
    ['a dot segment', '/__lectern/./state'],
    ['an empty segment', '/__lectern//state'],
    ['any %-escape', '/__lectern/%73tate'],
    ['a broken %-escape', '/__lectern/%zz'],
    ['a backslash', '/__lectern/font\\..\\state'],
    ['a control character', '/__lectern/state%00'],
    ['a fragment', '/__lectern/state#x'],
    ['a trailing dot-dot', '/__lectern/state/..'],
  ])('refuses %s: %s', (_what, target) => {
    expect(requestTarget(target)).toBeUndefined();
  });

  it('resolves dot segments as RFC 3986 does', () => {
    expect(normalPath('/a/b/../c')).toBe('/a/c');
    expect(normalPath('/a/./b')).toBe('/a/b');
    expect(normalPath('/../../a')).toBe('/a');
    expect(normalPath('/a/..')).toBe('/');
    expect(normalPath('/a/')).toBe('/a/');
  });
});
