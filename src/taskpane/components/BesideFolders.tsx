/** WPS: one button per folder of scans next to the workbook ("use the folder next to the workbook"). */
import { Button, Caption1 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useController } from '../use-pane';

export function BesideFolders() {
  const controller = useController();
  const [folders, setFolders] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void controller.scanFoldersBeside().then((f) => live && setFolders(f));
    return () => {
      live = false;
    };
  }, [controller]);
  if (folders.length === 0) return null;
  return (
    <div data-testid="beside-folders">
      <Caption1>工作簿旁边的扫描件文件夹:</Caption1>
      {folders.map((folder) => (
        <Button key={folder} size="small" appearance="subtle" title={folder} onClick={() => void controller.addScanFolder(folder)}>
          使用“{folder.split(/[\\/]/).pop()}”
        </Button>
      ))}
    </div>
  );
}
