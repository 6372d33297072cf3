import { describe, expect, it } from 'vitest';
import { Inputs, inputSpec, inputValue, isInput } from '../../../src/kernel/builtins/inputs.ts';

describe('Inputs.range', () => {
  it('defaults to [0, 1] and the middle of the range', () => {
    const input = Inputs.range();
    expect(isInput(input)).toBe(true);
    expect(inputSpec(input)).toEqual({ kind: 'range', min: 0, max: 1, value: 0.5 });
    expect(inputValue(input)).toBe(0.5);
  });

  it('snaps the default to the step, as a native slider does', () => {
    expect(inputSpec(Inputs.range([0, 255], { step: 1 }))).toMatchObject({ value: 128, step: 1 });
    expect(inputValue(Inputs.range([0, 1], { step: 0.1, value: 0.3 }))).toBe(0.3);
    expect(inputValue(Inputs.range([1, 10], { step: 4 }))).toBe(5);
    expect(inputValue(Inputs.range([0, 10], { step: 3, value: 10 }))).toBe(9);
  });

  it('takes label, value and disabled', () => {
    const input = Inputs.range([0, 11], { value: 5, step: 0.1, label: 'Gain', disabled: true });
    expect(inputSpec(input)).toEqual({
      kind: 'range',
      label: 'Gain',
      min: 0,
      max: 11,
      step: 0.1,
      value: 5,
      disabled: true,
    });
  });

  it('uses a stored page value while it fits, else the default', () => {
    const input = Inputs.range([0, 10], { step: 1, value: 2 });
    expect(inputValue(input, 7)).toBe(7);
    expect(inputValue(input, 7.4)).toBe(7);
    expect(inputSpec(input, 7)).toMatchObject({ value: 7 });
    expect(inputValue(input, 12)).toBe(2);
    expect(inputValue(input, 'seven')).toBe(2);
    expect(inputSpec(input, 12)).toMatchObject({ value: 2 });
  });

  it('explains bad options', () => {
    expect(() => Inputs.range([5, 1])).toThrow('Inputs.range: min (5) must be less than max (1)');
    expect(() => Inputs.range([0, 1], { step: -1 })).toThrow(
      'Inputs.range: step must be a positive number, got -1',
    );
    expect(() => Inputs.range([0, NaN])).toThrow('Inputs.range: max must be a finite number, got NaN');
    expect(() => Inputs.range([0, 1], { value: Number('x') })).toThrow(
      'Inputs.range: value must be a finite number',
    );
    // A label where the options go is a common slip.
    // @ts-expect-error: the second argument must be an options object
    expect(() => Inputs.range([0, 1], 'Gain')).toThrow('Inputs.range: options must be an object');
  });
});

describe('Inputs.number', () => {
  it('starts empty (undefined) unless given a value', () => {
    const input = Inputs.number([0, 100], { step: 1, label: 'Favourite integer' });
    expect(inputSpec(input)).toEqual({
      kind: 'number',
      label: 'Favourite integer',
      min: 0,
      max: 100,
      step: 1,
      value: NaN,
    });
    expect(inputValue(input)).toBeUndefined();
    expect(inputValue(input, 42)).toBe(42);
    expect(inputValue(input, 142)).toBeUndefined();
  });

  it('takes the options alone', () => {
    const input = Inputs.number({ value: 3, placeholder: 'n' });
    expect(inputSpec(input)).toEqual({ kind: 'number', value: 3, placeholder: 'n' });
    expect(inputValue(input, -1e6)).toBe(-1e6);
  });

  it('explains bad options', () => {
    expect(() => Inputs.number([5, 1])).toThrow('Inputs.number: min (5) must not be greater than max (1)');
    expect(() => Inputs.number([0, 1], { value: 3 })).toThrow(
      'Inputs.number: value (3) must be between min and max',
    );
  });
});

describe('Inputs.text and Inputs.toggle', () => {
  it('text defaults to the empty string', () => {
    const input = Inputs.text({ label: 'Name', placeholder: 'Ada' });
    expect(inputSpec(input)).toEqual({ kind: 'text', label: 'Name', value: '', placeholder: 'Ada' });
    expect(inputValue(input, 'Grace')).toBe('Grace');
    expect(inputValue(input, 3)).toBe('');
  });

  it('toggle defaults to off and maps to its values', () => {
    expect(inputValue(Inputs.toggle({ label: 'Log scale' }))).toBe(false);
    const input = Inputs.toggle({ values: ['log', 'linear'], value: 'log' });
    expect(inputSpec(input)).toEqual({ kind: 'toggle', value: true });
    expect(inputValue(input)).toBe('log');
    expect(inputValue(input, false)).toBe('linear');
    expect(inputValue(Inputs.toggle({ values: [1, 0] }))).toBe(0);
  });

  it('explains bad options', () => {
    // @ts-expect-error: a text value is a string
    expect(() => Inputs.text({ value: ['a'] })).toThrow('Inputs.text: value must be a string, got an array');
    expect(() => Inputs.toggle({ value: 'yes' })).toThrow(
      'Inputs.toggle: value must be true or false, got "yes"',
    );
    expect(() => Inputs.toggle({ values: ['a', 'b'], value: 'c' })).toThrow(
      'Inputs.toggle: value ("c") must be one of values [on, off]',
    );
  });
});

describe('Inputs.select', () => {
  it('starts on the first option and maps indices to values', () => {
    const input = Inputs.select(['red', 'green', 'blue'], { label: 'Colour' });
    expect(inputSpec(input)).toEqual({
      kind: 'select',
      label: 'Colour',
      options: ['red', 'green', 'blue'],
      multiple: false,
      selected: [0],
    });
    expect(inputValue(input)).toBe('red');
    expect(inputValue(input, [2])).toBe('blue');
    expect(inputValue(input, [5])).toBe('red');
    expect(inputValue(input, [0, 1])).toBe('red');
  });

  it('selects the option whose valueof is the given value', () => {
    const rows = [
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ];
    const input = Inputs.select(rows, { format: (d) => d.name, valueof: (d) => d.id, value: 2 });
    expect(inputSpec(input)).toMatchObject({ options: ['Ada', 'Grace'], selected: [1] });
    expect(inputValue(input)).toBe(2);
    expect(inputValue(Inputs.select(rows, { format: (d) => d.name }), [1])).toBe(rows[1]);
  });

  it('uses Map keys as labels and values as values', () => {
    const input = Inputs.select(
      new Map([
        ['Small', 10],
        ['Large', 1000],
      ]),
      { value: 1000 },
    );
    expect(inputSpec(input)).toMatchObject({ options: ['Small', 'Large'], selected: [1] });
    expect(inputValue(input, [0])).toBe(10);
  });

  it('starts empty when multiple, and returns arrays', () => {
    const input = Inputs.select(['a', 'b', 'c'], { multiple: true });
    expect(inputSpec(input)).toMatchObject({ multiple: true, selected: [] });
    expect(inputValue(input)).toEqual([]);
    expect(inputValue(input, [2, 0])).toEqual(['a', 'c']);
    expect(inputValue(Inputs.select(['a', 'b', 'c'], { multiple: 3, value: ['b', 'c'] }))).toEqual([
      'b',
      'c',
    ]);
  });

  it('takes any iterable, sorts and removes duplicate labels', () => {
    const input = Inputs.select(new Set(['pear', 'apple', 'fig', 'apple']), { sort: true });
    expect(inputSpec(input)).toMatchObject({ options: ['apple', 'fig', 'pear'] });
    expect(inputValue(input, [2])).toBe('pear');
    const unique = Inputs.select(['b', 'a', 'b'], { unique: true });
    expect(inputSpec(unique)).toMatchObject({ options: ['b', 'a'] });
  });

  it('explains bad options', () => {
    // @ts-expect-error: data is an iterable of options
    expect(() => Inputs.select(3)).toThrow('Inputs.select: data must be an array, a Map or another iterable');
    expect(() => Inputs.select('abc')).toThrow('Inputs.select: data must be an array');
    // @ts-expect-error: format is a function
    expect(() => Inputs.select([1], { format: 'x' })).toThrow(
      'Inputs.select: format must be a function, got "x"',
    );
    // @ts-expect-error: disabled is a boolean here
    expect(() => Inputs.select([1], { disabled: [1] })).toThrow(
      'Inputs.select: disabled must be true or false',
    );
  });
});

describe('Inputs.radio and Inputs.checkbox', () => {
  it('radio starts with nothing chosen', () => {
    const input = Inputs.radio(['+', '-', '*'], { label: 'Operation' });
    expect(inputSpec(input)).toEqual({
      kind: 'radio',
      label: 'Operation',
      options: ['+', '-', '*'],
      selected: [],
    });
    expect(inputValue(input)).toBeNull();
    expect(inputValue(input, [1])).toBe('-');
    expect(inputValue(Inputs.radio(['+', '-'], { value: '-' }))).toBe('-');
  });

  it('checkbox starts empty and returns the chosen values in option order', () => {
    const input = Inputs.checkbox(['a', 'b', 'c'], { label: 'Letters', format: (d) => d.toUpperCase() });
    expect(inputSpec(input)).toEqual({
      kind: 'checkbox',
      label: 'Letters',
      options: ['A', 'B', 'C'],
      selected: [],
    });
    expect(inputValue(input)).toEqual([]);
    expect(inputValue(input, [2, 0])).toEqual(['a', 'c']);
    expect(inputSpec(input, [2, 0])).toMatchObject({ selected: [0, 2] });
    const preset = Inputs.checkbox(
      new Map([
        ['one', 1],
        ['two', 2],
      ]),
      { value: [2] },
    );
    expect(inputSpec(preset)).toMatchObject({ options: ['one', 'two'], selected: [1] });
    expect(inputValue(preset)).toEqual([2]);
  });

  it('explains bad values', () => {
    expect(() => Inputs.checkbox(['a'], { value: 'a' })).toThrow(
      'Inputs.checkbox: value must be an array when several options can be chosen, got "a"',
    );
  });
});

describe('inputs as values', () => {
  it('are opaque objects whose valueOf is the default', () => {
    const input = Inputs.range([0, 10], { value: 4 });
    expect(Number(input)).toBe(4);
    expect(isInput({ spec: {} })).toBe(false);
    expect(String(input)).toBe('[input range]');
  });
});
