import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressTable, type Cell, type SuppressedTable } from "@/lib/monitoring/aggregates";

// The attacker's view: every line of the table with its margins is an equation (cells add up to
// the total). A hidden entry is recoverable exactly when its unit vector lies in the span of those
// equations restricted to the hidden entries. Checked here by Gaussian elimination, a method
// independent of the bridge search the implementation uses.

type Grid = { values: number[][]; cells: Cell[][] };

function grid(input: number[][], table: SuppressedTable): Grid {
  const columns = input[0]?.length ?? 0;
  const rowSums = input.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: columns }, (_, j) => input.reduce((s, row) => s + row[j], 0));
  return {
    values: [...input.map((row, i) => [...row, rowSums[i]]), [...columnSums, rowSums.reduce((a, b) => a + b, 0)]],
    cells: [...table.cells.map((row, i) => [...row, table.rowTotals[i]]), [...table.columnTotals, table.total]],
  };
}

const lines = (g: Grid): [number, number][][] => {
  const rows = g.cells.length;
  const columns = g.cells[0].length;
  return [
    ...Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j): [number, number] => [i, j])),
    ...Array.from({ length: columns }, (_, j) => Array.from({ length: rows }, (_, i): [number, number] => [i, j])),
  ];
};

const rank = (matrix: number[][]): number => {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const factor = m[i][c] / m[r][c];
      for (let k = c; k < width; k++) m[i][k] -= factor * m[r][k];
    }
    r++;
  }
  return r;
};

/** Hidden entries that the shown cells and totals pin down exactly. */
function recoverable(g: Grid): [number, number][] {
  const hidden: [number, number][] = [];
  g.cells.forEach((row, i) => row.forEach((cell, j) => cell.kind !== "shown" && hidden.push([i, j])));
  if (hidden.length === 0) return [];
  const index = new Map(hidden.map(([i, j], k) => [`${i}:${j}`, k]));
  const equations = lines(g).map((line) => {
    const row = new Array<number>(hidden.length).fill(0);
    for (const [i, j] of line) {
      const k = index.get(`${i}:${j}`);
      if (k !== undefined) row[k] = 1;
    }
    return row;
  });
  const base = rank(equations);
  return hidden.filter((_, k) => rank([...equations, hidden.map((__, q) => (q === k ? 1 : 0))]) === base);
}

const tables = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 8 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 })), { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe("suppressTable", () => {
  it("shows true values only, never a count from 1 to 4, and leaves no line with a single hidden entry", () => {
    fc.assert(
      fc.property(tables, (input) => {
        const g = grid(input, suppressTable(input));
        g.cells.forEach((row, i) =>
          row.forEach((cell, j) => {
            const value = g.values[i][j];
            if (cell.kind === "shown") {
              expect(cell.value).toBe(value);
              expect(cell.value === 0 || cell.value >= 5).toBe(true);
            } else if (cell.kind === "small") expect(value > 0 && value < 5).toBe(true);
            if (value > 0 && value < 5) expect(cell.kind).toBe("small");
          }),
        );
        for (const line of lines(g)) {
          const hidden = line.filter(([i, j]) => g.cells[i][j].kind !== "shown").length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("leaves no hidden entry that the shown cells and totals determine exactly", () => {
    fc.assert(
      fc.property(tables, (input) => {
        expect(recoverable(grid(input, suppressTable(input)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("covers the case the line rule misses: two hidden rectangles joined by one cell", () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 are small, and (0,2) is small too: with
    // only the line rule, (0,2) would follow from adding one rectangle's equations.
    const input = [
      [1, 1, 1, 20, 20],
      [1, 1, 30, 20, 20],
      [30, 30, 1, 1, 20],
      [30, 30, 1, 1, 20],
      [20, 20, 20, 20, 20],
    ];
    expect(recoverable(grid(input, suppressTable(input)))).toEqual([]);
  });

  it("hides nothing in a table of large counts, and a lone small cell takes a second cell and the totals' cover with it", () => {
    expect(suppressTable([[10, 20], [30, 40]]).cells.flat().every((c) => c.kind === "shown")).toBe(true);
    const table = suppressTable([[3, 10, 12], [8, 9, 40]]);
    expect(table.cells[0][0]).toEqual({ kind: "small" });
    expect(table.cells[0].filter((c) => c.kind !== "shown").length).toBeGreaterThanOrEqual(2);
    expect(table.cells.map((row) => row[0]).filter((c) => c.kind !== "shown").length).toBeGreaterThanOrEqual(2);
  });

  it("handles an empty table", () => {
    expect(suppressTable([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], total: { kind: "shown", value: 0 } });
  });
});
