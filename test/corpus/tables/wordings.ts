/**
 * Header and footer wordings of the corpus, and where each one was seen. The seed fixes the titles, the 注 lines
 * and the signatures the table must carry (处长 and 经手人 sign, the 公章 on it); the rest are the wordings branch
 * schools and provincial forms use around tables of this kind, found in public notices (searched, not copied:
 * each line below is ours, written the way those pages write theirs).
 */

export const SOURCES = {
  seed:
    'the seed, 《学生基本信息修改上报材料要求》 (../shared/seed lines 603–720): 附表1–3 titles and 注 lines; “各分部学籍主管处长和经手人签字,并加盖分部学籍管理科上级主管部门公章”',
  spec: 'SPEC.md, “The three tables”: the list of footer lines (注/说明/填表说明/附注/备注, 合计/总计/共计 N 人, 以下空白, 处长 … 制表人, (盖章)/(公章)/填报单位(盖章), date lines)',
  fjou: 'https://jxjy.fjou.edu.cn/info/1193/2878.htm (福建电大继续教育学院, 2019): “福建电大开放教育信息修改情况统计表(见附件1,有3个附表)”, with an excel version: the three 附表 as sheets of one workbook',
  doc001:
    'https://m.001doc.com/doc/112029.html (《电大学生信息更正材料说明及附表》): “统计表(见附表附表2)… 新生、在籍生分别按学号升序填写… 由各分校相关工作…”: tables named by their 附表 number',
  douchai: 'https://m.douchai.cn/document/47437717.html (《学生基本信息表》填表说明): the footer “填表人: 填表日期: 审核人: 审核日期:”',
  hubei:
    'https://zh.wikisource.org/wiki/Page:湖北省普通高等教育学籍电子注册关键信息变更工作细则（试行）.pdf/6: forms “由经办人、部门负责人、分管校领导签名,盖学校公章”',
  hebeinu: 'http://yxy.hebeinu.edu.cn/webPage/showarticle69.html (学籍信息变更相关规定): “学籍主管人员…签字后加盖本部门公章”',
  book118:
    'https://max.book118.com/html/2021/0825/7156132042003165.shtm (贵州省中小学生学籍信息管理系统数据采集指标): a workbook whose sheets include “填报说明” and “Sheet1” beside the tables',
  fsou: 'http://www.fsou.net.cn/html/text/lar/170223/17022300_4.html: notes under a table written “注:1.… 2.此表应于…”',
  nprtvu: 'http://www.nprtvu.com/portal.php?aid=330&mod=view (南平电大学籍科, 2017): a 备注 column; the line “学籍科 2017年2月24日”',
  xytvu: 'http://www.xytvu.cn/info/1059/1531.htm (国家开放大学学生基本信息修改上报材料要求, 2021): the table called “统计汇总表”, the submission counted “+人数”',
  watersforhealth:
    'http://watersforhealth.com/jwc/2022/0301/c361a23390/page.htm (学籍信息核查): the 学生花名册 exported from the 教务系统 as the reference list; “分管主任…签字盖章”; the date line “2022年3月1日”',
} as const;

export type Source = keyof typeof SOURCES;
export type Line = (string | number | null)[];

/** A footer (lines below the data, each an array from column A) and what it came from. */
export interface Footer {
  name: string;
  from: Source[];
  lines: Line[];
}

const at = (col: number, ...cells: (string | number | null)[]): Line => [...Array<null>(col).fill(null), ...cells];

/** The seed's 注 lines of each table, one line per cell as registrars copy them. */
export const SEED_NOTES = {
  new: ['注:(1)本表中“更正内容”指姓名、性别、身份证号、民族、入学文化程度。', '(2)本表中“更正原因”指录入错误或信息变更。', '(3)本表按学号升序排序。'],
  enrolled: [
    '注:(1)本表中“更正内容”指姓名、性别、身份证号、民族、入学文化程度。',
    '(2)本表中“更正原因”指录入错误或信息变更,原则上在籍生只接受在读期间,学生个人基本信息及原学历层次信息发生变更申请,应在变更后及时提交申请,不得拖延到毕业时。',
    '录入错误应在新生入学第一学期内提交修改申请。',
    '(3)本表按学号升序排序。',
  ],
  graduate: [
    '注:(1)本表中“更正内容”指姓名、性别、身份证号、民族。',
    '(2)本表中“更正原因”指录入错误或信息变更,原则上不再接受毕业生信息更改申请。',
    '学生毕业后发生的个人信息变更,不做相应变更修改。',
    '(3)本表按注册证号(51161开头的毕业生电子注册号)升序排序。',
  ],
} as const;

/** The seed's titles, with the 附表 line the seed puts above each. */
export const SEED_TITLES = {
  new: ['附表1:', '国家开放大学(原中央广播电视大学)新生基本信息修改情况统计表'],
  enrolled: ['附表2:', '国家开放大学(原中央广播电视大学)在籍生基本信息修改情况统计表'],
  graduate: ['附表3:', '国家开放大学(原中央广播电视大学)毕业生基本信息修改情况统计表'],
} as const;

/** Footers, from the seed's own signature line to the wordings of other forms, in different columns and orders. */
export const FOOTERS: Footer[] = [
  {
    name: 'the seed: 处长 and 经手人 sign, the seal, a date',
    from: ['seed'],
    lines: [at(0, '分部学籍主管处长签字:', null, null, null, '经手人签字:'), at(6, '(分部学籍管理科上级主管部门公章)'), at(6, '年  月  日')],
  },
  {
    name: '经手人 first, 处长 to the right, seal and date on one line',
    from: ['seed', 'spec'],
    lines: [at(1, '经手人:', null, null, '学籍主管处长(签字):'), at(5, '(盖章)', null, '2026年11月30日')],
  },
  {
    name: '填表人 / 填表日期 / 审核人 / 审核日期',
    from: ['douchai'],
    lines: [at(0, '填表人:', null, '填表日期:', null, '审核人:', null, '审核日期:')],
  },
  {
    name: '经办人, 部门负责人, 分管校领导, 公章',
    from: ['hubei'],
    lines: [at(1, '经办人:', null, '部门负责人:', null, '分管校领导签名:'), at(6, '学校公章')],
  },
  {
    name: '以下空白, 合计 N 人, then signatures',
    from: ['spec', 'xytvu'],
    lines: [at(0, '(以下空白)'), at(0, '合计', '3人'), at(0, '学籍主管:', null, null, '经手人:', null, null, '填报单位(盖章):')],
  },
  {
    name: '注 1./2. notes, 说明, then 制表人 and a dated department line',
    from: ['fsou', 'nprtvu', 'spec'],
    lines: [at(0, '注:1.本表按学号升序排序;'), at(0, '2.此表随书面报告一并报送。'), at(0, '说明:更正证明材料扫描件按学生分文件夹另附。'), at(3, '制表人:'), at(6, '学籍科', '2026年11月30日')],
  },
  {
    name: '本表共计 N 人, 负责人 and 联系电话, a mobile number under the 学号 column, a date in Chinese numerals',
    from: ['spec', 'xytvu'],
    lines: [at(1, '本表共计 3 人'), at(0, '负责人:', null, '联系人:', null, '联系电话:010-62345678'), at(1, '手机:', '13800138000'), at(6, '二〇二六年十一月三十日')],
  },
  {
    name: '附注 and 备注 lines, 分管主任 签字盖章, a date cell as it shows',
    from: ['spec', 'watersforhealth'],
    lines: [at(0, '附注:个例情况另附书面报告。'), at(0, '备注:'), at(2, '分管主任签字盖章:'), at(7, '2026/11/30')],
  },
];

/** Helper sheets that sit beside the tables in real workbooks. */
export const HELPER_SHEETS = {
  instructions: {
    name: '填表说明',
    from: ['book118', 'seed'] as Source[],
    lines: [
      ['国家开放大学学生基本信息修改情况统计表填表说明'],
      ['1. 新生、在籍生按学号升序,毕业生按注册证号升序填写。'],
      ['2. 更正内容只填 姓名、性别、身份证号、民族、入学文化程度。'],
      ['3. 学号、身份证号请设为文本格式。'],
    ] as Line[],
  },
  /** The source of the 更正内容 / 更正原因 / 民族 dropdowns, usually hidden. */
  lists: {
    name: '下拉选项',
    from: ['spec'] as Source[],
    lines: [
      ['更正内容', '更正原因', '民族', '入学文化程度'],
      ['姓名', '录入错误', '汉族', '高中'],
      ['性别', '信息变更', '回族', '中专'],
      ['身份证号', null, '满族', '大专'],
      ['民族', null, '蒙古族', '本科'],
      ['入学文化程度', null, null, null],
    ] as Line[],
  },
} as const;
