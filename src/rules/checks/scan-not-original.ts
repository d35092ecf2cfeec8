/**
 * scan-not-original (SPEC "Scan specification": 所有材料均要对原件进行扫描). A linked file whose name, or one of whose folders,
 * says it is a copy (复印件, 影印件, 翻拍; the policy's copyWords) is a warning: the registrar checks the scan is
 * of the original, or rescans it.
 */
import { pathSegments } from '../../scan/kinds';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'scan-not-original',
    severity: 'warning',
    description: '所有材料均要对原件进行扫描,不能扫描复印件或翻拍件',
    messages: {
      fileName: '文件 {file} 的文件名中有“{word}”,像是复印件或翻拍件;所有材料均要对原件进行扫描,如确是原件扫描,请去掉文件名中的“{word}”',
      folderName: '文件 {file} 所在的文件夹“{folder}”名称中有“{word}”,像是复印件或翻拍件;所有材料均要对原件进行扫描,如确是原件扫描,请改掉文件夹名中的“{word}”',
    },
  },
  check(ctx) {
    const words = ctx.policy.scan.copyWords.map((w) => w.normalize('NFKC'));
    for (const { info, links } of ctx.linkedScans) {
      const parts = pathSegments(info.path);
      const part = parts.findIndex((p) => words.some((w) => p.normalize('NFKC').includes(w)));
      if (part < 0) continue;
      const word = words.find((w) => parts[part].normalize('NFKC').includes(w))!;
      const at = { file: info.path, studentRef: links[0].studentRef };
      if (part === 0) ctx.report({ at, messageId: 'fileName', params: { file: info.path, word } });
      else ctx.report({ at, messageId: 'folderName', params: { file: info.path, folder: parts[part], word } });
    }
  },
});
