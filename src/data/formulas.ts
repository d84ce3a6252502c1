/** Computed rows: their formulas are parsed, evaluated over their input rows and compared with the stored value. */
import type { Row } from './dataset-schema.ts';
import { ROW_ID_SOURCE, SLUG_SOURCE } from './ids.ts';

type Token = { kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string };

/** Splits a formula into numbers, row ids and operators; ids may contain hyphens, so minus needs spaces or −. */
export function tokenizeFormula(formula: string): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(`\\s*(?:(\\d+(?:\\.\\d+)?)|((?:${SLUG_SOURCE}/)?${ROW_ID_SOURCE})|([-+*/×÷−()]))`, 'y');
  let pos = 0;
  while (pos < formula.length) {
    if (/^\s*$/.test(formula.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(formula);
    if (!m)
      throw new Error(
        `cannot read the formula at "${formula.slice(pos).trim()}"; use row ids, numbers, + − × ÷ and parentheses`,
      );
    if (m[1]) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2]) tokens.push({ kind: 'id', name: m[2] });
    else tokens.push({ kind: 'op', op: ({ '×': '*', '÷': '/', '−': '-' } as Record<string, string>)[m[3]!] ?? m[3]! });
    pos = re.lastIndex;
  }
  return tokens;
}

/** Evaluates a formula with + − × ÷ and parentheses, looking ids up with `lookup`. */
export function evaluateFormula(formula: string, lookup: (id: string) => number): number {
  const tokens = tokenizeFormula(formula);
  let i = 0;
  const peek = () => tokens[i];
  const expr = (): number => {
    let v = term();
    while (peek()?.kind === 'op' && ['+', '-'].includes((peek() as { op: string }).op)) {
      const op = (tokens[i++] as { op: string }).op;
      v = op === '+' ? v + term() : v - term();
    }
    return v;
  };
  const term = (): number => {
    let v = factor();
    while (peek()?.kind === 'op' && ['*', '/'].includes((peek() as { op: string }).op)) {
      const op = (tokens[i++] as { op: string }).op;
      v = op === '*' ? v * factor() : v / factor();
    }
    return v;
  };
  const factor = (): number => {
    const t = tokens[i++];
    if (!t) throw new Error('the formula ends too early');
    if (t.kind === 'num') return t.value;
    if (t.kind === 'id') return lookup(t.name);
    if (t.op === '(') {
      const v = expr();
      const close = tokens[i++];
      if (close?.kind !== 'op' || close.op !== ')') throw new Error('a "(" is not closed');
      return v;
    }
    if (t.op === '-') return -factor();
    throw new Error(`"${t.op}" cannot start a term`);
  };
  const value = expr();
  if (i < tokens.length)
    throw new Error('the formula has something left over after a complete expression (a missing operator?)');
  return value;
}

function decimals(n: number): number {
  const s = String(n);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

export function checkDerived(
  row: Row,
  datasetId: string,
  rows: ReadonlyMap<string, { row: Row }>,
  stack: string[] = [],
): { field: string; reason: string } | undefined {
  const { formula, inputs } = row.derived!;
  const key = (input: string) => (input.includes('/') ? input : `${datasetId}/${input}`);
  for (const [k, input] of inputs.entries()) {
    if (!rows.has(key(input))) {
      return {
        field: `derived.inputs[${k}]`,
        reason: `"${input}" is not a row${input.includes('/') ? '' : ` of dataset ${datasetId}`}; name a row id of this dataset or "dataset/rowId"`,
      };
    }
  }
  let names: string[];
  try {
    names = tokenizeFormula(formula).flatMap((t) => (t.kind === 'id' ? [t.name] : []));
  } catch (error) {
    return { field: 'derived.formula', reason: (error as Error).message };
  }
  const unlisted = names.filter((n) => !inputs.includes(n));
  if (unlisted.length)
    return {
      field: 'derived.formula',
      reason: `uses ${unlisted.map((n) => `"${n}"`).join(', ')}, which ${unlisted.length > 1 ? 'are' : 'is'} not in derived.inputs (write minus with spaces, a - b, since ids contain hyphens)`,
    };
  const unused = inputs.filter((n) => !names.includes(n));
  if (unused.length)
    return {
      field: 'derived.inputs',
      reason: `${unused.map((n) => `"${n}"`).join(', ')} ${unused.length > 1 ? 'are' : 'is'} listed but not used in the formula "${formula}"`,
    };

  const value = (input: string): number => {
    const found = rows.get(key(input))!.row;
    if (typeof found.value !== 'number') throw new Error(`input "${input}" is a date, not a number`);
    if (found.derived) {
      if (stack.includes(key(input)))
        throw new Error(`inputs go round in a circle: ${[...stack, key(input)].join(' → ')}`);
      const inner = checkDerived(found, key(input).split('/')[0]!, rows, [...stack, key(input)]);
      if (inner) throw new Error(`input "${input}" is itself wrong: ${inner.reason}`);
    }
    return found.value;
  };
  let computed: number;
  try {
    computed = evaluateFormula(formula, value);
  } catch (error) {
    return { field: 'derived.formula', reason: (error as Error).message };
  }
  const stored = row.value as number;
  const places = decimals(stored);
  if (!Number.isFinite(computed) || Math.abs(computed - stored) > 0.5 * 10 ** -places + 1e-9) {
    const rounded = Number.isFinite(computed) ? computed.toFixed(places) : String(computed);
    const exact = Number.isFinite(computed) ? String(Number(computed.toPrecision(10))) : rounded;
    return {
      field: 'value',
      reason: `${stored} is not what the formula "${formula}" gives: ${rounded}${exact !== rounded ? ` (${exact} rounded to the ${places} decimal place${places === 1 ? '' : 's'} stored)` : ''}`,
    };
  }
  return undefined;
}
