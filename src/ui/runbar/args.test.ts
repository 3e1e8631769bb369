import { describe, expect, it } from 'vitest';
import { joinArgs, parseEnv, splitArgs } from './args';

describe('splitArgs', () => {
  it('splits on blanks and keeps quoted text together', () => {
    expect(splitArgs('  one two\tthree  ').value).toEqual(['one', 'two', 'three']);
    expect(splitArgs(`"two words" 'single $x' mixed"quo"'ted'`).value).toEqual(['two words', 'single $x', 'mixedquoted']);
    expect(splitArgs(`"" '' x`).value).toEqual(['', '', 'x']);
    expect(splitArgs('').value).toEqual([]);
  });
  it('handles backslashes like a shell', () => {
    expect(splitArgs(String.raw`a\ b c\"d "e\"f\g" 'h\i'`).value).toEqual(['a b', 'c"d', 'e"f\\g', 'h\\i']);
  });
  it('reports unterminated quotes but still reads the rest', () => {
    expect(splitArgs(`a "b c`)).toEqual({ value: ['a', 'b c'], error: 'unterminated " quote' });
    expect(splitArgs(`a 'b`)).toEqual({ value: ['a', 'b'], error: "unterminated ' quote" });
    expect(splitArgs('a\\').error).toMatch(/backslash/);
  });
  it('joinArgs quotes what splitArgs would split', () => {
    const words = ['plain', 'two words', "it's", '', 'café', '--flag=1', '$HOME'];
    expect(splitArgs(joinArgs(words)).value).toEqual(words);
    expect(joinArgs(['a', '--b=c'])).toBe('a --b=c');
  });
});

describe('parseEnv', () => {
  it('reads KEY=VALUE lines, skipping blanks and comments', () => {
    expect(parseEnv('A=1\n\n# note\nB=two words\nC=\nD=x=y\r\n').value).toEqual(['A=1', 'B=two words', 'C=', 'D=x=y']);
  });
  it('names the lines it cannot read', () => {
    expect(parseEnv('A=1\nnope\n=x\nB=2')).toEqual({ value: ['A=1', 'B=2'], error: 'lines 2, 3: expected KEY=VALUE' });
  });
});
