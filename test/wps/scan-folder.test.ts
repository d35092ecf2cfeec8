import { readScanFolder, scanFoldersBeside } from '../../src/wps/scan-folder';
import type { WpsFileSystem } from '../../src/wps/et';
import { FOLDER, openWps } from './support';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2]);

describe('scans in a folder beside the workbook', () => {
  test('offers the folders that hold images, reads one as the folder picker would name it', async () => {
    const { host } = openWps({
      sheets: [{ name: '新生', rows: [['学号']] }],
      files: {
        [`${FOLDER}/扫描件/2509001200001张三/身份证.jpg`]: jpeg,
        [`${FOLDER}/扫描件/2509001200001张三/Thumbs.db`]: new Uint8Array([1]),
        [`${FOLDER}/扫描件/说明.png`]: jpeg,
        [`${FOLDER}/旧表格/备份.xlsx`]: new Uint8Array([2]),
      },
    });
    await expect(host.scanFoldersBeside!()).resolves.toEqual([`${FOLDER}/扫描件`]);
    const files = await host.readScanFolder!(`${FOLDER}/扫描件`);
    expect(files.map((f) => f.path).sort()).toEqual(['扫描件/2509001200001张三/身份证.jpg', '扫描件/说明.png']);
    expect(new Uint8Array(await files.find((f) => f.path.endsWith('身份证.jpg'))!.blob.arrayBuffer())).toEqual(jpeg);
  });

  test('entries given as objects with isDirectory (WPS does not document the fields) are understood', () => {
    const tree: Record<string, { name: string; isDirectory: () => boolean }[]> = {
      '/d': [{ name: '扫描件', isDirectory: () => true }, { name: 'a.txt', isDirectory: () => false }],
      '/d/扫描件': [{ name: 'x.jpg', isDirectory: () => false }],
    };
    const fs = {
      readdirSync: (p: string) => tree[p] ?? [],
      Exists: (p: string) => p === '/d/扫描件/x.jpg',
      ReadFileAsArrayBuffer: () => jpeg.slice().buffer,
    } as unknown as WpsFileSystem;
    expect(scanFoldersBeside(fs, '/d')).toEqual(['/d/扫描件']);
    expect(readScanFolder(fs, '/d/扫描件').map((f) => f.path)).toEqual(['扫描件/x.jpg']);
  });

  test('without readdirSync nothing is offered', () => {
    expect(scanFoldersBeside({} as WpsFileSystem, '/d')).toEqual([]);
  });
});
