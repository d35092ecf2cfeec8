/**
 * Writes worksheets as an .xlsx package: [Content_Types].xml, the package and workbook relationships, docProps,
 * workbook.xml (sheets and their print titles), styles.xml, sharedStrings.xml and one part per sheet.
 * Browser-safe: no node:* imports, so the pane and the CLI share it.
 */
import { type Worksheet, SharedStrings, worksheetXml } from './worksheet';
import { StyleTable } from './styles';
import { escapeXml, MAIN_NS, REL_NS, XML_DECLARATION } from './xml-text';
import { zipParts } from './zip-parts';

export interface WorkbookOptions {
  creator: string;
  /** Written as the created and modified time and as the ZIP entries' time (default: now). */
  modified?: Date;
}

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

function relationships(rels: [type: string, target: string][]): string {
  const items = rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`);
  return XML_DECLARATION + `<Relationships xmlns="${PKG_REL}">${items.join('')}</Relationships>`;
}

function contentTypes(sheets: number): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', `${SHEET_TYPE}.sheet.main+xml`) +
    Array.from({ length: sheets }, (_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${SHEET_TYPE}.worksheet+xml`)).join('') +
    override('/xl/styles.xml', `${SHEET_TYPE}.styles+xml`) +
    override('/xl/sharedStrings.xml', `${SHEET_TYPE}.sharedStrings+xml`) +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

/** A sheet name in a formula: quoted, its quotes doubled. */
const quotedName = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** CT_Workbook in order: bookViews, sheets, definedNames, calcPr. */
function workbookXml(sheets: Worksheet[]): string {
  const entries = sheets.map((ws, i) => `<sheet name="${escapeXml(ws.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const titles = sheets.flatMap((ws, i) => {
    const rows = ws.print?.titleRows;
    return rows ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quotedName(ws.name)}!$${rows[0]}:$${rows[1]}`)}</definedName>`] : [];
  });
  return (
    XML_DECLARATION +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
    `<sheets>${entries.join('')}</sheets>` +
    (titles.length ? `<definedNames>${titles.join('')}</definedNames>` : '') +
    '<calcPr calcId="191029"/></workbook>'
  );
}

function coreXml(creator: string, time: Date): string {
  const stamp = `${time.toISOString().slice(0, 19)}Z`;
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appXml(creator: string): string {
  return XML_DECLARATION + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(creator)}</Application></Properties>`;
}

export async function writeWorkbook(sheets: Worksheet[], options: WorkbookOptions): Promise<Uint8Array<ArrayBuffer>> {
  const modified = options.modified ?? new Date();
  const styles = new StyleTable();
  const strings = new SharedStrings();
  // Sheets first: they fill the style and string tables.
  const sheetParts = sheets.map((ws, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: worksheetXml(ws, styles, strings, i === 0) }));
  const workbookRels = [
    ...sheets.map((_, i): [string, string] => [`${OFFICE_REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
    [`${OFFICE_REL}/styles`, 'styles.xml'] as [string, string],
    [`${OFFICE_REL}/sharedStrings`, 'sharedStrings.xml'] as [string, string],
  ];
  return zipParts(
    [
      { name: '[Content_Types].xml', text: contentTypes(sheets.length) },
      {
        name: '_rels/.rels',
        text: relationships([
          [`${OFFICE_REL}/officeDocument`, 'xl/workbook.xml'],
          [`${PKG_REL}/metadata/core-properties`, 'docProps/core.xml'],
          [`${OFFICE_REL}/extended-properties`, 'docProps/app.xml'],
        ]),
      },
      { name: 'docProps/core.xml', text: coreXml(options.creator, modified) },
      { name: 'docProps/app.xml', text: appXml(options.creator) },
      { name: 'xl/workbook.xml', text: workbookXml(sheets) },
      { name: 'xl/_rels/workbook.xml.rels', text: relationships(workbookRels) },
      { name: 'xl/styles.xml', text: styles.xml() },
      { name: 'xl/sharedStrings.xml', text: strings.xml() },
      ...sheetParts,
    ],
    modified,
  );
}
