import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { escapeMarkdown } from '../../../reports/summary/markdown-escape.ts'
import { esc } from '../../../reports/report/html.ts'

describe('text from data in markdown and HTML', () => {
  it('a county typed as markup shows as typed and cannot break a table row', () => {
    expect(escapeMarkdown('<script>alert(1)</script> | **x**')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*x\\*\\*',
    )
    expect(escapeMarkdown('LOS ANGELES')).toBe('LOS ANGELES')
  })

  it('never leaves a raw pipe, angle bracket, emphasis mark or line break (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeMarkdown(s)
        expect(e).not.toMatch(/[<>\r\n]/)
        // Every | * _ ` [ ] ~ is preceded by a backslash that is itself not escaped.
        expect(e.replace(/\\[\\`*_[\]|~]/g, '')).not.toMatch(/[\\`*_[\]|~]/)
      }),
    )
  })

  it('HTML escaping covers quotes of both kinds', () => {
    expect(esc(`<a href='x' title="y">&`)).toBe('&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;')
  })
})
