/**
 * Province-level region prefixes of GB 11643 citizen ID numbers (the first two digits of the GB/T 2260 code).
 * 81, 82 and 83 are the residence permits of Hong Kong, Macao and Taiwan residents.
 */
export const ID_REGION_PREFIXES: string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
];
