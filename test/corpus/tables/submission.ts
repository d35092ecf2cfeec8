/**
 * The students of the corpus: one compliant submission as of 2026-11-29 (fictional names; 身份证号 computed with
 * their GB 11643 check character). Rows are given by canonical label; layouts write them under their own labels.
 */

export const AS_OF = '2026-11-29';
export const BRANCH = '示例分部';

export type Kind = 'new' | 'enrolled' | 'graduate';
export type Entry = Record<string, string | number | null>;
export type Submission = Record<Kind, Entry[]>;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A valid 18-digit 身份证号: region, birth date, a 3-digit sequence (odd 男, even 女), and its check character. */
export function idNumber(region: string, birth: string, seq: number): string {
  const body = region + birth + String(seq).padStart(3, '0');
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

/** The first valid 身份证号 of that person whose check character is X (the sequence keeps the gender). */
export function idEndingInX(region: string, birth: string, female: boolean): string {
  for (let seq = female ? 202 : 201; ; seq += 2) {
    const id = idNumber(region, birth, seq);
    if (id.endsWith('X')) return id;
  }
}

/**
 * 新生: autumn 2026 (serials from 50001), all within their first term on 2026-11-29, any reason allowed.
 * 在籍生: only 信息变更, each within 180 days. 毕业生: 录入错误 only (a 信息变更 needs its dates; every graduate row is
 * a 个例 and warned as such by graduate-late, which the corpus expects).
 */
export function compliantSubmission(): Submission {
  return {
    new: [
      { 学号: '2609001250003', 姓名: '王晓燕', 更正内容: '姓名', 更正前: '王小燕', 更正后: '王晓燕', 更正原因: '录入错误', 入学学期: '2026秋' },
      { 学号: '2609001250008', 姓名: '陈思远', 更正内容: '入学文化程度', 更正前: '高中', 更正后: '大专', 更正原因: '录入错误', 入学学期: '2026秋' },
      { 学号: '2609001250011', 姓名: '李建国', 更正内容: '民族', 更正前: '回族', 更正后: '汉族', 更正原因: '录入错误', 入学学期: '2026秋' },
      { 学号: '2609001250017', 姓名: '张伟', 更正内容: '身份证号', 更正前: idNumber('510107', '20040315', 131), 更正后: idNumber('510107', '20050315', 131), 更正原因: '录入错误', 入学学期: '2026秋' },
      { 学号: '2609001250017', 姓名: '张伟', 更正内容: '民族', 更正前: '汉族', 更正后: '满族', 更正原因: '录入错误', 入学学期: '2026秋' },
      { 学号: '2609001250020', 姓名: '阿依古丽·买买提', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误', 入学学期: '2026秋' },
    ],
    enrolled: [
      { 学号: '2409001250019', 姓名: '吴敏', 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', 入学学期: '2024秋', 变更日期: '2026-10-08' },
      { 学号: '2509001200005', 姓名: '刘芳', 更正内容: '姓名', 更正前: '刘小芳', 更正后: '刘芳', 更正原因: '信息变更', 入学学期: '2025春', 变更日期: '2026-09-20' },
      { 学号: '2509001200013', 姓名: '孙丽', 更正内容: '身份证号', 更正前: idNumber('510104', '19920611', 204), 更正后: idNumber('510104', '19920616', 204), 更正原因: '信息变更', 入学学期: '2025春', 变更日期: '2026-08-15' },
      { 学号: '2509001250002', 姓名: '周杰', 更正内容: '入学文化程度', 更正前: '高中', 更正后: '本科', 更正原因: '信息变更', 入学学期: '2025秋', 变更日期: '2026-07-01' },
    ],
    graduate: [
      { 注册证号: '511611202406000456', 学号: '2009001250009', 姓名: '黄河', 更正内容: '性别', 更正前: '女', 更正后: '男', 更正原因: '录入错误', 毕业时间: '2024-07' },
      { 注册证号: '511611202506000123', 学号: '2109001200031', 姓名: '郑洁', 更正内容: '姓名', 更正前: '郑杰', 更正后: '郑洁', 更正原因: '录入错误', 毕业时间: '2025-01' },
    ],
  };
}
