import { describe, expect, it } from 'vitest';
import { highlightCode, renderMarkdown } from 'dplab/notebook';

describe('renderMarkdown', () => {
  it('renders headings, emphasis, links and tables', () => {
    const html = renderMarkdown(
      '# Title\n\n*Some* [link](https://example.org).\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>Some</em>');
    expect(html).toContain('<a href="https://example.org">link</a>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td style="text-align:right">2</td>');
  });

  it('renders inline and display math with KaTeX', () => {
    const html = renderMarkdown('Inline $x^2$ here.\n\n$$\n\\sum_{i=1}^n i\n$$\n');
    expect(html).toMatch(/<span class="katex">/);
    expect(html).toContain('katex-display');
    expect(html).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
  });

  it('shows a bad formula as an error instead of throwing', () => {
    const html = renderMarkdown('Bad $\\frac{1}{$ math, and $$\\undefinedmacro$$.');
    expect(html).toContain('katex-error');
  });

  it('highlights fenced code', () => {
    const html = renderMarkdown('```python\ndef f(x):\n    return x < 1\n```\n');
    expect(html).toContain('<pre><code class="hljs language-python">');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('&lt;');
  });

  it('escapes code in an unknown language', () => {
    const html = renderMarkdown('```nosuchlang\n<b>hi</b>\n```\n');
    expect(html).toContain('&lt;b&gt;hi&lt;/b&gt;');
  });

  it('passes raw HTML through (the page sanitises it, not this function)', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('highlightCode', () => {
  it('highlights TypeScript with hljs classes and escaped text', () => {
    const html = highlightCode('const s: string = "<a>" && 1;', 'ts');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('&quot;&lt;a&gt;&quot;');
    expect(html).toContain('&amp;&amp;');
  });

  it('knows the registered languages and aliases', () => {
    for (const lang of ['typescript', 'js', 'json', 'py', 'r', 'sh', 'sql', 'yml', 'html', 'md']) {
      expect(highlightCode('x', lang), lang).not.toBeUndefined();
    }
    expect(highlightCode('SELECT 1', 'sql')).toContain('hljs-keyword');
    expect(highlightCode('a,b\n1,2', 'csv')).toBe('a,b\n1,2');
  });

  it('returns escaped plain text for an unknown or empty language', () => {
    expect(highlightCode('<b> & "q"', 'klingon')).toBe('&lt;b&gt; &amp; &quot;q&quot;');
    expect(highlightCode('<b>', '')).toBe('&lt;b&gt;');
  });
});
