import { describe, expect, it } from 'vitest';
import { clampWidth, gridTemplate, minRowWidth, moveFor, type ColumnWidth } from '../../../renderer/src/components/grid/grid-model';

const columns: ColumnWidth[] = [
  { key: 'select', min: 40 },
  { key: 'name', min: 180, grow: 2 },
  { key: 'orgNumber', min: 120, shrinkTo: 120 },
];

describe('the virtual grid’s columns', () => {
  it('share the free width among growing columns and keep fixed ones at their width', () => {
    expect(gridTemplate(columns, {})).toBe('40px minmax(180px, 2fr) 120px');
  });

  it('give a dragged column its own width in px, and count it in the least row width', () => {
    expect(gridTemplate(columns, { name: 260 })).toBe('40px 260px 120px');
    expect(minRowWidth(columns, {})).toBe(340);
    expect(minRowWidth(columns, { name: 260 })).toBe(420);
  });

  it('never let an org number column be dragged narrower than its form needs', () => {
    expect(clampWidth(columns[2]!, 60)).toBe(120);
    expect(clampWidth(columns[2]!, 151.6)).toBe(152);
    // Other columns may get narrow, but not to nothing.
    expect(clampWidth(columns[1]!, 10)).toBe(40);
  });
});

describe('the keys that move the active row', () => {
  it('step, page and jump within the rows', () => {
    expect(moveFor('ArrowDown', 0, 100, 12)).toBe(1);
    expect(moveFor('ArrowUp', 0, 100, 12)).toBe(0);
    expect(moveFor('PageDown', 5, 100, 12)).toBe(16);
    expect(moveFor('PageUp', 5, 100, 12)).toBe(0);
    expect(moveFor('End', 5, 100, 12)).toBe(99);
    expect(moveFor('Home', 50, 100, 12)).toBe(0);
    expect(moveFor('ArrowDown', 99, 100, 12)).toBe(99);
  });

  it('leave other keys, and an empty grid, to the caller', () => {
    expect(moveFor(' ', 3, 100, 12)).toBeNull();
    expect(moveFor('ArrowDown', 0, 0, 12)).toBeNull();
  });
});
