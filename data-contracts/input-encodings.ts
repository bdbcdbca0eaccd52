/**
 * The character encodings an input file (a DOJ extract, a court index) may be read in. UTF-8 is the default: a line
 * whose bytes are not UTF-8 is then set aside in the reject ledger. An older system may write ISO-8859-1
 * (Latin-1), where an accented letter (NÚÑEZ, JOSÉ) is a single byte. Read as UTF-8, every line with such a name is
 * rejected and its person is not decided, so `--encoding latin-1` (`--court-index-encoding` for a court index)
 * reads each byte as its Latin-1 letter instead. DuckDB reads both natively. Windows-1252 differs from Latin-1 only
 * in 0x80–0x9F (curly quotes, the euro sign), which name fields rarely hold.
 */
export const INPUT_ENCODINGS = ['utf-8', 'latin-1'] as const
export type InputEncoding = (typeof INPUT_ENCODINGS)[number]

/** The read_csv option for an encoding: none for UTF-8 (DuckDB's default), so the usual SQL stays as it was. */
export const readCsvEncoding = (encoding: InputEncoding | undefined): string =>
  encoding && encoding !== 'utf-8' ? `, encoding='${encoding}'` : ''
