/**
 * Only comparable things share a drawing. A chart's rows must share a dimension and a unit (so one axis measures
 * them all) and be declared the same kind of thing (the same `measure`: 入驻企业, 物流项目, 总投资 …), or be
 * declared parts of a whole (`wholes`). Parts are summed, stacked, shown as squares or as shares only when the
 * dataset declares them disjoint parts of that whole. Pure functions: they return problems, the caller positions them.
 */
import { isChartKind, kindDeclarations, type ChartKind } from '../charts/kinds.ts';
import { STATUS_WORDS, comparable, unitInfo } from './numbers.ts';
import type { Dataset, Row, Whole } from './dataset-schema.ts';

/** A refusal: which chart, which attribute of its <Chart> call, what is wrong and what to draw instead. */
export interface ChartProblem {
  file: string;
  chart: string;
  attribute: string;
  message: string;
  fix: string;
}

/** The parts of a <Chart> call the check reads. */
export interface ChartCall {
  id: string;
  kind: string;
  file: string;
  rows?: readonly string[];
  options?: Readonly<Record<string, string>>;
}

const ALTERNATIVES = 'small multiples (one chart per kind of thing), a table, or a fact box';

/** Returns what a row counts or measures, as declared (the row's own measure, else the dataset's). */
export function measureOf(dataset: Dataset, row: Row): string | undefined {
  return row.measure ?? dataset.measure;
}

/** Returns true if two units can share one axis as printed: same dimension, same base and the same factor. */
export function sameScale(a: string, b: string): boolean {
  // comparable() says the units measure the same thing; bars draw printed values, so the factor must match too.
  return comparable(a, b) && unitInfo(a)?.factor === unitInfo(b)?.factor;
}

/** Returns the declared whole whose parts include every row given (and, when given, whose whole is that row). */
export function wholeOf(dataset: Dataset, parts: readonly Row[], whole?: Row): Whole | undefined {
  return (dataset.wholes ?? []).find(
    (w) => (!whole || w.whole === whole.id) && parts.every((p) => w.parts.includes(p.id)),
  );
}

const list = (rows: readonly Row[]) => rows.map((r) => `${r.id} (${r.label})`).join(', ');

/** Checks one chart's rows against what its kind accepts; returns every problem, none when it may be drawn. */
export function chartProblems(call: ChartCall, dataset: Dataset): ChartProblem[] {
  if (!isChartKind(call.kind)) return [];
  const kind: ChartKind = call.kind;
  const { accepts } = kindDeclarations[kind];
  const rows = call.rows ? call.rows.flatMap((id) => dataset.rows.filter((r) => r.id === id)) : dataset.rows;
  const problems: ChartProblem[] = [];
  const refuse = (attribute: string, message: string, fix: string) =>
    problems.push({ file: call.file, chart: call.id, attribute, message, fix });
  const attr = call.rows ? 'rows' : 'dataset';

  const dated = rows.filter((r) => typeof r.value === 'string');
  const drawn = accepts.values === 'date' ? dated : rows;
  // No rows at all is a dataset still to be filled: the chart says 暂无数据 rather than failing the build.
  if (rows.length > 0 && drawn.length < accepts.minRows) {
    refuse(
      attr,
      `kind="${kind}" needs at least ${accepts.minRows} ${accepts.values === 'date' ? 'dated rows' : 'rows'}; this chart has ${drawn.length}`,
      `one or two numbers are a key figure, a fact box or a sentence, not a chart`,
    );
    return problems;
  }
  if (accepts.values === 'amount' && dated.length)
    refuse(attr, `kind="${kind}" draws amounts, but ${list(dated)} hold dates`, 'draw dates with kind="timeline"');

  const amounts = rows.filter((r) => typeof r.value === 'number');
  const toggle = call.options?.toggle === 'share';
  switch (accepts.relationship) {
    case 'magnitude':
      sameThing(amounts);
      if (toggle) disjointParts(amounts, undefined, 'toggle');
      break;
    case 'part-to-whole': {
      const totalId = call.options?.total;
      const whole = amounts.find((r) => (totalId ? r.id === totalId : r.role === 'total'));
      const parts = amounts.filter((r) => r !== whole);
      sameScaleAll(amounts);
      disjointParts(parts, whole, attr);
      break;
    }
    case 'progress': {
      const totalId = call.options?.total;
      const totals = amounts.filter((r) => (totalId ? r.id === totalId : r.role === 'total'));
      const parts = amounts.filter((r) => !totals.includes(r));
      sameScaleAll(amounts);
      for (const part of parts) {
        const whole = totals.find((t) => (t.group ?? '') === (part.group ?? '')) ?? totals[0];
        if (!whole || !wholeOf(dataset, [part], whole))
          refuse(
            attr,
            `${part.id} (${part.label}) is not declared a part of ${whole ? `${whole.id} (${whole.label})` : 'any whole in this chart'}`,
            `declare it in the dataset's "wholes" only if the report says so; otherwise show ${ALTERNATIVES}`,
          );
      }
      break;
    }
    case 'sequence':
    case 'targets':
    case 'structure':
      break;
  }
  return problems;

  /** Rows on one axis: same scale, same declared measure, same status. */
  function sameThing(group: readonly Row[]) {
    if (!sameScaleAll(group)) return;
    const undeclared = group.filter((r) => !measureOf(dataset, r));
    if (undeclared.length) {
      refuse(
        attr,
        `the rows ${list(undeclared)} do not declare what they count, so the chart cannot show they are the same kind of thing`,
        `set "measure" on the dataset or the rows (e.g. "入驻企业", "物流项目")`,
      );
      return;
    }
    const measures = [...new Set(group.map((r) => measureOf(dataset, r)))];
    if (measures.length > 1)
      refuse(
        attr,
        `one axis would compare different things: ${measures.map((m) => `“${m}” (${list(group.filter((r) => measureOf(dataset, r) === m))})`).join(' with ')}`,
        `draw ${ALTERNATIVES}`,
      );
    const statuses = [...new Set(group.map((r) => r.status ?? 'done'))];
    if (statuses.length > 1)
      refuse(
        attr,
        `one axis would put ${statuses.map((s) => STATUS_WORDS[s]).join(' beside ')}: ${list(group)}`,
        `keep plans and targets apart from what exists: ${ALTERNATIVES}`,
      );
  }

  /** Rows whose values share one axis as printed. */
  function sameScaleAll(group: readonly Row[]): boolean {
    const units = [...new Set(group.map((r) => r.unit))];
    const first = units[0];
    if (first === undefined || units.every((u) => sameScale(first, u))) return true;
    refuse(
      attr,
      `one axis would carry different units: ${units
        .map(
          (u) =>
            `${u} (${group
              .filter((r) => r.unit === u)
              .map((r) => r.id)
              .join(', ')})`,
        )
        .join(' beside ')}`,
      `draw ${ALTERNATIVES}`,
    );
    return false;
  }

  /** Parts that are summed, stacked or shown as shares: declared disjoint parts of one whole. */
  function disjointParts(parts: readonly Row[], whole: Row | undefined, attribute: string) {
    const declared = wholeOf(dataset, parts, whole);
    if (declared?.disjoint) return;
    const how = attribute === 'toggle' ? 'toggle="share" shows them as shares' : `kind="${kind}" adds them up`;
    refuse(
      attribute,
      declared
        ? `${how}, but the dataset does not declare ${list(parts)} disjoint: they may overlap`
        : `${how}, but the dataset does not declare ${list(parts)} parts of ${whole ? `${whole.id} (${whole.label})` : 'one whole'}`,
      declared
        ? `set "disjoint": true in its "wholes" entry only if the report says the parts do not overlap; otherwise draw kind="bar" without toggle`
        : `declare them in the dataset's "wholes" only if the report says so; otherwise draw ${ALTERNATIVES}`,
    );
  }
}
