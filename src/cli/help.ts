/** The command line's help texts (Chinese, as the registrar reads them). */

export const MAIN_HELP = `xjcheck — 学籍更正助手(命令行版)
检查国家开放大学学生基本信息修改情况统计表(新生 / 在籍生 / 毕业生)和证明材料扫描件,生成上报材料包。

用法:
  xjcheck validate <工作簿.xlsx> [选项]   校验统计表(可同时检查扫描件)
  xjcheck template --out <文件.xlsx>      生成空白统计表模板(附表1–3)
  xjcheck package <工作簿.xlsx> --scans <文件夹>
                                          校验后生成上报材料包(ZIP)
  xjcheck report <工作簿.xlsx> [--out <文件.docx>]
                                          生成信息修改书面报告(Word 文档)
  xjcheck <命令> --help                   查看某个命令的说明

退出码:0 没有错误;1 发现错误;2 无法运行(参数有误、文件无法读取或超出读取上限)。
所有数据只在本机处理,不会上传到任何地方。
`;

export const VALIDATE_HELP = `用法:xjcheck validate <工作簿.xlsx> [选项]

校验工作簿中的每张更正表,按工作表和学生列出问题,以及每名学生需要提供的证明材料。

选项:
  --as-of <YYYY-MM-DD>      按这一天判断时限(默认今天)
  --policy <策略.json>      使用自定义策略文件(覆盖默认的国家开放大学规则)
  --scans <文件夹>          同时检查这个文件夹中的扫描件(每名学生一个子文件夹)
  --kind <工作表>=<类型>     指定工作表的表类型,类型为 new(新生)、enrolled(在籍生)或 graduate(毕业生),可重复
  --json                    输出 JSON 格式的报告
  -h, --help                显示本说明

示例:
  xjcheck validate 学生基本信息修改情况统计表.xlsx --scans 扫描件 --as-of 2026-11-29
  xjcheck validate 统计表.xlsx --kind Sheet1=enrolled --json > 报告.json
`;

export const TEMPLATE_HELP = `用法:xjcheck template --out <文件.xlsx> [选项]

生成空白的《学生基本信息修改情况统计表》:新生、在籍生、毕业生三张工作表,带标题、表头、
下拉列表(更正内容、更正原因)和文本格式的学号 / 注册证号 / 身份证号列。

选项:
  --out <文件.xlsx>         要写入的文件(必填)
  --policy <策略.json>      按自定义策略生成(例如更改允许的更正内容)
  --force                   文件已存在时覆盖
  -h, --help                显示本说明
`;

export const PACKAGE_HELP = `用法:xjcheck package <工作簿.xlsx> --scans <文件夹> [选项]

校验统计表和扫描件;没有错误时生成上报材料包(ZIP):统计表原件、校验报告.txt(信息变更和录入错误的数量、
个例、其余警告)、信息修改书面报告.docx,以及每名学生一个文件夹(新生、在籍生为“学号姓名”,毕业生为“注册证号姓名”),
其中的扫描件按内容命名(身份证.jpg、户口本1.jpg……)。还有错误时不生成材料包,并列出错误的位置。

选项:
  --scans <文件夹>          扫描件所在的文件夹(必填)
  --out <文件.zip>          材料包的保存位置(默认:工作簿旁边的“工作簿名_材料包.zip”)。同名文件是之前生成的材料包时
                            直接替换;是别的文件时不覆盖(除非加 --force)。不会覆盖工作簿或扫描件文件夹中的文件
  --force                   覆盖 --out 处已有的、不是材料包的文件
  --max-size <大小>         材料包超过这个大小时分成几个 ZIP(例如 50M):学生文件夹不拆分,统计表和报告在第 1 个,
                            文件名为“工作簿名_材料包_1-3.zip”等;不加时超过策略中的邮件附件上限(默认 50 MB)会提示
  --names utf8|gbk          ZIP 中文件名的编码:utf8(默认,Windows 10 及以上、7-Zip、WinRAR、Bandizip、macOS
                            都能正确显示)或 gbk(供只认系统编码的旧版 Windows 解压工具使用)
  --as-of <YYYY-MM-DD>      按这一天判断时限(默认今天)
  --policy <策略.json>      使用自定义策略文件
  --kind <工作表>=<类型>     指定工作表的表类型:new(新生)、enrolled(在籍生)或 graduate(毕业生),可重复
  -h, --help                显示本说明

示例:
  xjcheck package 学生基本信息修改情况统计表.xlsx --scans 扫描件 --as-of 2026-11-29
  xjcheck package 统计表.xlsx --scans 扫描件 --max-size 50M
`;

export const REPORT_HELP = `用法:xjcheck report <工作簿.xlsx> [选项]

校验统计表,生成信息修改书面报告(Word 文档,可在 Word 和 WPS 中修改后打印签字):
  第一部分:信息变更和录入错误的数量(按表和合计,与校验报告.txt 中的数量相同),分部学籍主管处长签字、盖章处;
  第二部分(有个例时):逐条列出未在规定时间内提交的修改,留出原因说明,主管校长审批签字、加盖学校公章处。
材料包中也附有这份报告。

选项:
  --out <文件.docx>         保存位置(默认:工作簿旁边的“信息修改书面报告.docx”)
  --force                   文件已存在时覆盖(不加时不覆盖,以免丢失已修改的内容)
  --as-of <YYYY-MM-DD>      按这一天判断时限和报告日期(默认今天)
  --policy <策略.json>      使用自定义策略文件
  --kind <工作表>=<类型>     指定工作表的表类型:new(新生)、enrolled(在籍生)或 graduate(毕业生),可重复
  -h, --help                显示本说明

示例:
  xjcheck report 学生基本信息修改情况统计表.xlsx --out 信息修改书面报告.docx
`;
