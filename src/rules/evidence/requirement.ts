/**
 * The scans a student needs: the union, over the student's rows, of the policy's evidence table (SPEC
 * "Evidence"). Each requirement is a list of groups of alternatives; one scan of each group satisfies it.
 */
import type { ChangeField, EvidenceKind, Policy, Reason, TableKind } from '../policy';
import { rowText } from '../rows';
import type { DataRow } from '../table';
import { educationIsCollege } from '../vocab/lookup';

type EvidenceRule = Policy['evidence']['rules'][number];

/** What the evidence table asks of a row, read once per row. */
interface RowFacts {
  field: ChangeField | null;
  reason: Reason | null;
  /** 专科 or above (true), below (false), unknown value or not an 入学文化程度 row (null). */
  college: boolean | null;
}

function rowFacts(row: DataRow, policy: Policy): RowFacts {
  const field = row.changeField;
  return { field, reason: row.reason, college: field === '入学文化程度' ? educationIsCollege(rowText(row, 'after'), policy) : null };
}

function ruleApplies(rule: EvidenceRule, facts: RowFacts, kind: TableKind | null): boolean {
  const { fields, reason, kinds, college } = rule.when;
  if (kinds && (kind === null || !kinds.includes(kind))) return false;
  if (reason && facts.reason !== reason) return false;
  if (fields && (facts.field === null || !fields.includes(facts.field))) return false;
  // An unknown 入学文化程度 value matches neither the 专科-or-above nor the below rule.
  if (college !== undefined && facts.college !== college) return false;
  return true;
}

const isSubset = (a: EvidenceKind[], b: EvidenceKind[]) => a.every((k) => b.includes(k));

/**
 * The requirement depends only on the table kind and the facts of the rows: a table of 100,000 students has a
 * handful of distinct combinations, each worked out once per policy. The groups returned are shared between the
 * students with the same combination (nothing changes a student's `required`).
 */
const memo = new WeakMap<Policy, Map<string, EvidenceKind[][]>>();

export function requiredEvidence(rows: DataRow[], kind: TableKind | null, policy: Policy): EvidenceKind[][] {
  const facts = rows.map((row) => rowFacts(row, policy));
  const key = `${kind}${facts.map((f) => `|${f.field}/${f.reason}/${f.college}`).join('')}`;
  let known = memo.get(policy);
  if (!known) memo.set(policy, (known = new Map()));
  let groups = known.get(key);
  if (!groups) known.set(key, (groups = requirementOf(facts, kind, policy)));
  return groups;
}

function requirementOf(rowsFacts: RowFacts[], kind: TableKind | null, policy: Policy): EvidenceKind[][] {
  const groups: EvidenceKind[][] = [];
  for (const facts of rowsFacts) {
    for (const rule of policy.evidence.rules) {
      if (!ruleApplies(rule, facts, kind)) continue;
      for (const group of rule.require)
        if (!groups.some((g) => isSubset(g, group) && isSubset(group, g))) groups.push([...group]);
    }
  }
  // A group that contains a smaller one is satisfied by whatever satisfies the smaller one.
  return groups.filter((g) => !groups.some((other) => other !== g && other.length < g.length && isSubset(other, g)));
}
