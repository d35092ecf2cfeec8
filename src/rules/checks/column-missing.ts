/** Required columns: the key (学号, or 注册证号 for graduates), 姓名, 更正内容, 更正后 and 更正原因. */
import { defineRule } from '../rule';
import { REQUIRED_FIELDS } from '../table';

export default defineRule({
  meta: {
    id: 'column-missing',
    severity: 'error',
    description: '缺少必填列(学号或注册证号、姓名、更正内容、更正后、更正原因)',
    messages: {
      missing: '工作表“{sheet}”的表头(第 {row} 行)缺少必填列“{label}”(可用的列名:{aliases})。',
      missingGraduateKey: '毕业生表“{sheet}”的表头(第 {row} 行)缺少“{label}”列:毕业生按注册证号(51161 开头的毕业生电子注册号)填报、排序和命名文件夹。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      for (const field of [table.keyField, ...REQUIRED_FIELDS]) {
        if (table.columns[field] !== undefined) continue;
        const labels = ctx.policy.columns[field];
        ctx.report({
          messageId: field === 'regNo' && table.kind === 'graduate' ? 'missingGraduateKey' : 'missing',
          params: { sheet: table.sheet, row: table.headerRow, label: labels[0], aliases: labels.join('、') },
          at: { sheet: table.sheet, row: table.headerRow },
        });
      }
    }
  },
});
