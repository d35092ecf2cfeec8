import { nameCollisionKey, nameProblem } from '../src/rules/folder-name';

describe('nameProblem', () => {
  it.each(['2509001250001张三', '𠀋张三', '王𪚥', '身份证.jpg', '户口本1.png', '阿依古丽·买买提', 'CONSOLE.jpg'])('accepts %s', (name) => expect(nameProblem(name)).toBeNull());

  it.each([
    ['', /为空/],
    ['.', /当前或上级目录/],
    ['..', /当前或上级目录/],
    ['e\u0301', /NFC/],
    ['a\u0007b', /控制字符/],
    ['a:b*c', /“:”“\*”/],
    ['..\\x', /“\\”/],
    ['.hidden', /以点或空格开头/],
    ['name ', /以点或空格结尾/],
    ['CON', /保留的设备名/],
    ['lpt1.jpg', /“lpt1”是 Windows 保留的设备名/],
    ['张'.repeat(256), /超过 255/],
    ['张\ud800三', /不成对的代理项/],
    ['\udc00张三', /不成对的代理项/],
    ['张三\u202egpj.exe', /显示方向/],
    ['张\u2066三', /显示方向/],
    ['张\u200b三', /零宽/],
    ['张三\ufeff', /零宽/],
  ])('refuses %j', (name, reason) => expect(nameProblem(name)).toMatch(reason));
});

describe('nameCollisionKey', () => {
  it('is one key for names Windows takes for one', () => {
    expect(nameCollisionKey('ANNA.JPG')).toBe(nameCollisionKey('anna.jpg'));
    expect(nameCollisionKey('Jose\u0301')).toBe(nameCollisionKey('José'));
  });
});
