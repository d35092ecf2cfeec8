/** The rule tester's own guards: an expected problem must say which problem it is, and no placeholder may stay unfilled. */
import { expectedProblemFault, unfilledPlaceholders } from './helpers/rule-tester';

describe('rule tester', () => {
  it('refuses an expected problem that names neither a message id nor a message', () => {
    expect(expectedProblemFault({ cell: 'C3', severity: 'error' })).toMatch(/messageId/);
    expect(expectedProblemFault({ cell: 'C3', messageId: 'empty' })).toBeNull();
    expect(expectedProblemFault({ message: /为空/ })).toBeNull();
  });

  it('finds a placeholder left unfilled, and not Chinese text in braces', () => {
    expect(unfilledPlaceholders('第 {row} 行的“学号”为空')).toEqual(['{row}']);
    expect(unfilledPlaceholders('文件夹按{学号}{姓名}命名')).toEqual([]);
  });
});
