/**
 * The Excels the double can be: what each supports, from Microsoft's requirement-set tables
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets, the volume-licensed
 * perpetual column; https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets;
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets for File and
 * CompressedFile). The adapter tests run once per profile of ADAPTER_PROFILES.
 */
export type Profile = 'microsoft-365' | 'office-2024' | 'office-2021' | 'office-2019' | 'office-2016' | 'web' | 'mac';

export interface ProfileSpec {
  label: string;
  /** Office.context.platform / onReady's platform. */
  platform: 'PC' | 'OfficeOnline' | 'Mac';
  /** Highest version of each requirement set; a set not listed is unsupported. */
  requirements: Record<string, string>;
  /** getFileAsync reads the copy storage last received, not the open workbook (Excel on the web). */
  fileFromStorage: boolean;
}

const FILE_SETS = { File: '1.1', CompressedFile: '1.1' };

export const PROFILES: Record<Profile, ProfileSpec> = {
  'microsoft-365': { label: 'Microsoft 365 (Windows, current)', platform: 'PC', requirements: { ExcelApi: '1.20', SharedRuntime: '1.2', RibbonApi: '1.1', ...FILE_SETS }, fileFromStorage: false },
  'office-2024': { label: 'Office 2024', platform: 'PC', requirements: { ExcelApi: '1.17', SharedRuntime: '1.2', RibbonApi: '1.1', ...FILE_SETS }, fileFromStorage: false },
  'office-2021': { label: 'Office 2021', platform: 'PC', requirements: { ExcelApi: '1.14', SharedRuntime: '1.1', RibbonApi: '1.1', ...FILE_SETS }, fileFromStorage: false },
  'office-2019': { label: 'Office 2019 (volume-licensed)', platform: 'PC', requirements: { ExcelApi: '1.7', ...FILE_SETS }, fileFromStorage: false },
  'office-2016': { label: 'Office 2016 (volume-licensed)', platform: 'PC', requirements: { ExcelApi: '1.1', ...FILE_SETS }, fileFromStorage: false },
  web: { label: 'Excel on the web', platform: 'OfficeOnline', requirements: { ExcelApi: '1.20', ExcelApiOnline: '1.1', SharedRuntime: '1.2', RibbonApi: '1.1', ...FILE_SETS }, fileFromStorage: true },
  mac: { label: 'Excel for Mac (current)', platform: 'Mac', requirements: { ExcelApi: '1.20', SharedRuntime: '1.2', RibbonApi: '1.1', ...FILE_SETS }, fileFromStorage: false },
};

/** The profiles every adapter test runs against. */
export const ADAPTER_PROFILES: Profile[] = ['microsoft-365', 'office-2021', 'office-2019', 'web', 'mac'];
