/** Looking values up in the policy's vocabularies (ethnic groups, education levels). */
import type { Policy } from '../policy';
import { normalizeValue } from '../rows';

/**
 * Whether an 入学文化程度 value is 专科 or above (true), below (false), or not a known value (null).
 * Accepts the code tables' names, their codes, and the policy's short forms (本科, 中专, …).
 */
export function educationIsCollege(value: string, policy: Policy): boolean | null {
  const v = normalizeValue(value);
  if (!v) return null;
  if (Object.hasOwn(policy.education.shortForms, v)) return policy.education.shortForms[v];
  const byName = policy.education.codes.find((c) => c.name === v);
  if (byName) return byName.college;
  const byCode = policy.education.codes.find((c) => c.code === v && c.standard === '2006');
  return byCode ? byCode.college : null;
}

export type EthnicMatch =
  | { status: 'ok'; name: string }
  /** A bare name (汉 → 汉族) or an old name (毛难族 → 毛南族): fixable to `name`. */
  | { status: 'fixable'; name: string; why: 'bare' | 'old-name' }
  | { status: 'unknown' };

export function lookupEthnic(value: string, policy: Policy): EthnicMatch {
  const v = normalizeValue(value);
  if (!v) return { status: 'unknown' };
  const exact = policy.ethnicGroups.find((g) => g.name === v);
  if (exact) return { status: 'ok', name: exact.name };
  const old = policy.ethnicGroups.find((g) => g.aliases.includes(v));
  if (old) return { status: 'fixable', name: old.name, why: 'old-name' };
  const bare = policy.ethnicGroups.filter((g) => g.name === `${v}族`);
  return bare.length === 1 ? { status: 'fixable', name: bare[0].name, why: 'bare' } : { status: 'unknown' };
}
