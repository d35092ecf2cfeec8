/**
 * The package is larger than an e-mail takes: the parts it would be split into (whole student folders, the
 * workbook and the reports in the first), with their sizes, and the registrar's choice.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { formatBytes } from '../../rules/scans';
import type { SplitOffer as Offer } from '../state';
import { useController } from '../use-pane';

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function SplitOffer({ offer, busy }: { offer: Offer; busy: boolean }) {
  const controller = useController();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="split-offer">
      <MessageBarBody>
        <MessageBarTitle>
          材料包约 {formatBytes(offer.size)},超过邮件附件上限 {mb(offer.limit)}
        </MessageBarTitle>
        可以分成 {offer.parts.length} 个 ZIP 分别发送,每个都是完整的压缩包,学生文件夹不拆分,统计表和报告在第 1 个:
        <ol data-testid="split-parts">
          {offer.parts.map((p) => (
            <li key={p.fileName}>
              {p.fileName}:{formatBytes(p.size)},{p.folders} 个学生文件夹
              {p.overLimit ? '(超过上限:其中一名学生的材料已超过上限,不能再拆分)' : ''}
            </li>
          ))}
        </ol>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={busy} onClick={() => void controller.exportPackage('split')}>
          分成 {offer.parts.length} 个 ZIP 导出
        </Button>
        <Button disabled={busy} onClick={() => void controller.exportPackage('whole')}>
          仍导出为一个 ZIP
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
