import { pickedFromBrowser } from '../../src/scan/picked-files';

const file = (webkitRelativePath: string, name = webkitRelativePath.split('/').pop()!) =>
  Object.assign(new Blob([new Uint8Array(4)]), { name, webkitRelativePath });

describe('pickedFromBrowser', () => {
  it('keeps relative paths in NFC and drops the clutter of Mac and Windows folders', () => {
    const picked = pickedFromBrowser([
      file('扫描/2509001200001张三/身份证.jpg'),
      file('扫描/2509001200002李四/户口本.png'.normalize('NFD')),
      file('扫描/.DS_Store'),
      file('扫描/__MACOSX/扫描/身份证.jpg'),
      file('扫描/2509001200001张三/Thumbs.db'),
      file('', '单独选的文件.jpg'),
    ]);
    expect(picked.map((p) => p.path)).toEqual(['扫描/2509001200001张三/身份证.jpg', '扫描/2509001200002李四/户口本.png'.normalize('NFC'), '单独选的文件.jpg']);
    expect(picked.every((p) => p.blob.size === 4)).toBe(true);
  });
});
