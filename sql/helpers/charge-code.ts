/**
 * How a DOJ charge text is read as a code section: "11359 HS-…", "11357(C)HS-…", " 148 PC - …", "664/187 PC-…",
 * "288A(C) PC-…", "288 A(C) PC-…", "273AB PC-…". An optional attempt/conspiracy prefix, the section (with a letter
 * suffix of one or two letters such as 288A, 653F or 273AB), any (subsections), the code type.
 */
export const CODE_RE = `^\\s*(?:(664|182)[^/]*/\\s*)?([0-9]+(?:\\.[0-9]+)?(?: ?[A-Z]{1,2})?)\\s*((?:\\([0-9A-Z]+\\))*)\\s*([A-Z]{2,3})\\b`

/**
 * The attempt (664) or conspiracy (182) prefix of a charge text: '' when it has none, NULL for no text. The regex
 * runs only on a text that holds either number (few lines), so staging can afford it per line.
 */
export const codePrefix = (text: string): string =>
  `case when ${text} is null then null when contains(${text}, '664') or contains(${text}, '182') then regexp_extract(${text}, '${CODE_RE}', 1) else '' end`

/** A parsed section as the models write it: "288 A" is "288A"; NULL when there is none. */
const normalSection = (section: string): string => `nullif(replace(${section}, ' ', ''), '')`

/** The section of a charge text ("290", "11357"), NULL when the text does not parse. */
export const codeSection = (text: string): string => normalSection(`regexp_extract(${text}, '${CODE_RE}', 2)`)

/**
 * The code columns of a parsed charge text (`code` is regexp_extract(text, CODE_RE, [prefix, section, subsections,
 * code_type])): code type, section, first subsection, base section ("HS 11357") and code section ("HS 11357(B)").
 */
export const codeColumns = (code: string): string => `nullif(${code}.code_type, '') as code_type,
  ${normalSection(`${code}.section`)} as section,
  nullif(regexp_extract(${code}.subsections, '^\\(([0-9A-Z]+)\\)', 1), '') as subsection,
  case when ${code}.section <> '' then ${code}.code_type || ' ' || replace(${code}.section, ' ', '') end as base_section,
  case when ${code}.section <> '' then ${code}.code_type || ' ' || replace(${code}.section, ' ', '') || ${code}.subsections end
    as code_section`

/** regexp_extract of a charge text into the struct codeColumns reads. */
export const parseCode = (text: string): string =>
  `regexp_extract(${text}, '${CODE_RE}', ['prefix', 'section', 'subsections', 'code_type'])`
