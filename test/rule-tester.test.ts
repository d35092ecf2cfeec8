/** The rule tester's own guards: an expected problem must say which problem it is, and no placeholder may stay unfilled. */
import { expectedProblemFault, unfilledPlaceholders } from './helpers/rule-tester';

describe('rule tester', () => {
  it('refuses an expected problem that names neither a message id nor a message', () => {
    expect(expectedProblemFault({ cell: 'C3', severity: 'error' })).toMatch(/messageId/);
    expect(expectedProblemFault({ cell: 'C3', messageId: 'empty' })).toBeNull();
    expect(expectedProblemFault({ message: /为空/ })).toBeNull();
  });

  it('finds a placeholder the params leave unfilled', () => {
    expect(unfilledPlaceholders('第 {row} 行的“{label}”为空', { label: '学号' })).toEqual(['row']);
    expect(unfilledPlaceholders('第 {row} 行的“{label}”为空', { row: 3, label: '学号' })).toEqual([]);
    // Chinese text in braces is not a placeholder.
    expect(unfilledPlaceholders('文件夹按{学号}{姓名}命名', {})).toEqual([]);
  });
});
