/**
 * Text from data (a county, a policy name, a file name) placed in a markdown table or line: every character
 * markdown or the HTML a markdown viewer renders could act on is backslash-escaped or entity-encoded, so a
 * value like `<script>` or `| **x**` shows as typed and never breaks a table row.
 */
export function escapeMarkdown(text: string): string {
  // Emphasis, code, links, tables and strike-through; a # or a list marker only matters at a line start,
  // which a table cell never is. HTML is entity-encoded (& first).
  return text
    .replaceAll('&', '&amp;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[\r\n]+/g, ' ')
}
