// Statistical disclosure control for the public monitoring tables. Pure: no database, no I/O.
//
// A table of counts is published with its row totals, column totals and grand total. Seen with
// its margins it is an (R+1) × (C+1) grid, and every line of that grid (each row with its total,
// each column with its total, the totals row with the grand total, the totals column with the
// grand total) is an equation: cells add up to the margin. So:
//
// 1. Primary suppression: any count from 1 to 4 (cells and margins alike) is shown as "fewer than 5".
//    Zero is shown: "nothing was published" says nothing about a person.
// 2. Secondary suppression: a line with exactly one hidden entry gives it away by subtraction, so
//    the smallest other entry of that line is hidden too (a cell before a margin on a tie, a
//    positive count before a zero). Repeat until no line has exactly one hidden entry.
// 3. A line rule is not enough on its own: hidden entries joined like two rectangles linked by one
//    cell still give that cell away (add up one rectangle's equations). Hidden entries are edges of
//    a graph between lines; an entry is recoverable exactly when it is a bridge of that graph. For
//    each bridge, one more entry is hidden that closes a cycle around it; then step 2 runs again.
//
// Hidden entries only ever grow, so the loop ends. Shown values are always the true values.

export const SUPPRESSION_THRESHOLD = 5;

export type Cell = { kind: "shown"; value: number } | { kind: "small" } | { kind: "hidden" };

export type SuppressedTable = {
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
};

type Grid = { values: number[][]; hidden: boolean[][]; rows: number; columns: number };

const isSmall = (value: number) => value > 0 && value < SUPPRESSION_THRESHOLD;

/** The table with its margins: row R is the column totals, column C the row totals. */
function extend(cells: readonly (readonly number[])[], columns: number): Grid {
  const rows = cells.length;
  const values = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const bottom = Array.from({ length: columns + 1 }, (_, j) => values.reduce((sum, row) => sum + row[j], 0));
  values.push(bottom);
  return { values, hidden: values.map((row) => row.map(isSmall)), rows: rows + 1, columns: columns + 1 };
}

type Position = [number, number];

const lines = (grid: Grid): Position[][] => [
  ...Array.from({ length: grid.rows }, (_, i) => Array.from({ length: grid.columns }, (_, j): Position => [i, j])),
  ...Array.from({ length: grid.columns }, (_, j) => Array.from({ length: grid.rows }, (_, i): Position => [i, j])),
];

/** Cost of hiding an entry: positive counts before zeros (a hidden zero is a weak cover), then small first, then cells before margins. */
function cheapest(grid: Grid, candidates: Position[]): Position | undefined {
  const isMargin = ([i, j]: Position) => i === grid.rows - 1 || j === grid.columns - 1;
  const key = (p: Position): [number, number, number] => [grid.values[p[0]][p[1]] === 0 ? 1 : 0, grid.values[p[0]][p[1]], isMargin(p) ? 1 : 0];
  return [...candidates].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  })[0];
}

/** Step 2: no line with exactly one hidden entry. Returns whether anything changed. */
function coverLines(grid: Grid): boolean {
  let changed = false;
  for (let again = true; again; ) {
    again = false;
    for (const line of lines(grid)) {
      const hidden = line.filter(([i, j]) => grid.hidden[i][j]);
      if (hidden.length !== 1) continue;
      const pick = cheapest(grid, line.filter(([i, j]) => !grid.hidden[i][j]));
      if (!pick) continue;
      grid.hidden[pick[0]][pick[1]] = true;
      again = changed = true;
    }
  }
  return changed;
}

/**
 * Step 3: the bridges of the graph whose nodes are rows (0..R-1) and columns (R..R+C-1) and whose
 * edges are hidden entries. Returns one bridge with the two sides it separates, or null.
 */
function findBridge(grid: Grid): { edge: Position; rowSide: Set<number> } | null {
  const { rows, columns } = grid;
  const edges: Position[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) if (grid.hidden[i][j]) edges.push([i, j]);
  const adjacency: { node: number; edge: number }[][] = Array.from({ length: rows + columns }, () => []);
  edges.forEach(([i, j], e) => {
    adjacency[i].push({ node: rows + j, edge: e });
    adjacency[rows + j].push({ node: i, edge: e });
  });
  // Tarjan's bridge search (graphs here have at most a few hundred edges: recursion is fine).
  const order = new Array<number>(rows + columns).fill(-1);
  const low = new Array<number>(rows + columns).fill(0);
  let counter = 0;
  let bridge = -1;
  const visit = (node: number, viaEdge: number) => {
    order[node] = low[node] = counter++;
    for (const { node: next, edge } of adjacency[node]) {
      if (edge === viaEdge) continue;
      if (order[next] === -1) {
        visit(next, edge);
        low[node] = Math.min(low[node], low[next]);
        if (low[next] > order[node] && bridge === -1) bridge = edge;
      } else low[node] = Math.min(low[node], order[next]);
    }
  };
  for (let node = 0; node < rows + columns; node++) if (order[node] === -1) visit(node, -1);
  if (bridge === -1) return null;
  // The side of the bridge's row: everything reachable from it without the bridge.
  const [bi] = edges[bridge];
  const side = new Set<number>([bi]);
  const stack = [bi];
  while (stack.length) {
    const node = stack.pop()!;
    for (const { node: next, edge } of adjacency[node]) {
      if (edge === bridge || side.has(next)) continue;
      side.add(next);
      stack.push(next);
    }
  }
  return { edge: edges[bridge], rowSide: side };
}

/** Closes a cycle around a bridge: hides an entry joining a row on the column's side to a column on the row's side. */
function coverBridge(grid: Grid, rowSide: Set<number>): boolean {
  const candidates: Position[] = [];
  for (let i = 0; i < grid.rows; i++) {
    if (rowSide.has(i)) continue;
    for (let j = 0; j < grid.columns; j++) if (rowSide.has(grid.rows + j) && !grid.hidden[i][j]) candidates.push([i, j]);
  }
  const pick = cheapest(grid, candidates);
  if (!pick) return false;
  grid.hidden[pick[0]][pick[1]] = true;
  return true;
}

/**
 * Suppresses a table of counts (rows × columns, non-negative whole numbers) and its totals so
 * that no hidden count can be worked out exactly from what is shown.
 */
export function suppressTable(cells: readonly (readonly number[])[], columns = cells[0]?.length ?? 0): SuppressedTable {
  for (const row of cells) {
    if (row.length !== columns) throw new Error("suppressTable: rows of different lengths");
    for (const value of row) if (!Number.isInteger(value) || value < 0) throw new Error("suppressTable: counts are whole numbers ≥ 0");
  }
  const grid = extend(cells, columns);
  coverLines(grid);
  for (let guard = 0; guard < grid.rows * grid.columns; guard++) {
    const bridge = findBridge(grid);
    if (!bridge || !coverBridge(grid, bridge.rowSide)) break;
    coverLines(grid);
  }
  const cell = (i: number, j: number): Cell => {
    const value = grid.values[i][j];
    if (!grid.hidden[i][j]) return { kind: "shown", value };
    return isSmall(value) ? { kind: "small" } : { kind: "hidden" };
  };
  const R = grid.rows - 1;
  const C = grid.columns - 1;
  return {
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => cell(i, j))),
    rowTotals: Array.from({ length: R }, (_, i) => cell(i, C)),
    columnTotals: Array.from({ length: C }, (_, j) => cell(R, j)),
    total: cell(R, C),
  };
}

/** A shown count, or null when it is "fewer than 5" or withheld. */
export const shownValue = (cell: Cell): number | null => (cell.kind === "shown" ? cell.value : null);

/** The map's five shades: none, fewer than 5 (or withheld), 5–9, 10–24, 25 or more. */
export type Shade = 0 | 1 | 2 | 3 | 4;
export function shadeOf(cell: Cell): Shade {
  if (cell.kind !== "shown") return 1;
  if (cell.value === 0) return 0;
  if (cell.value < 10) return 2;
  return cell.value < 25 ? 3 : 4;
}
