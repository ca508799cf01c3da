/**
 * A small, safe Markdown → HTML renderer for knowledge-base articles. Safety comes from the
 * construction, not from filtering: every character of the source is HTML-escaped and the only
 * tags in the output are the ones written here (no raw HTML passes through), so there can be no
 * `<script>`, no `on*=` attribute and no `javascript:` link. Link targets are checked against a
 * whitelist of schemes. Supported: headings, paragraphs, bold/italic/strike, inline code, fenced
 * code, bullet and numbered lists, block quotes, rules, links, autolinks and simple pipe tables.
 */

/** Sentinels around highlighted words in snippets; stripped from article text so they cannot be forged. */
export const MARK_OPEN = '⟦';
export const MARK_CLOSE = '⟧';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Placeholders keep rendered pieces away from later inline rules; the source cannot contain them.
const PH_OPEN = '\u0000';
const PH_CLOSE = '\u0001';

const isControl = (code: number): boolean => code < 32 || code === 127;

/** Drops control characters other than tab and line breaks (they include the placeholders). */
function stripControls(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (!isControl(code) || code === 9 || code === 10 || code === 13) out += ch;
  }
  return out;
}

/** A link target we are willing to emit, or null: http(s), mailto, tel, site-relative paths and anchors. */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  if (!url || /[\s\\]/.test(url) || [...url].some((ch) => isControl(ch.charCodeAt(0)))) return null;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(url)) return url;
  if ((url.startsWith('/') && !url.startsWith('//')) || url.startsWith('#')) return url;
  return null;
}

const LINK_ATTRS = 'rel="noopener noreferrer nofollow"';

function renderInline(src: string): string {
  const pieces: string[] = [];
  const keep = (html: string): string => `${PH_OPEN}${pieces.push(html) - 1}${PH_CLOSE}`;
  let s = src.replace(/`([^`]+)`/g, (_m, code: string) => keep(`<code>${escapeHtml(code)}</code>`));
  s = s.replace(
    /\[([^\]]{1,500})\]\(([^)\s]{1,2000})(?:\s+"[^"]*")?\)/g,
    (_m, text: string, href: string) => {
      const url = safeUrl(href);
      const inner = emphasis(escapeHtml(text));
      return keep(url ? `<a href="${escapeHtml(url)}" ${LINK_ATTRS}>${inner}</a>` : inner);
    },
  );
  s = s.replace(/<((?:https?:\/\/|mailto:)[^\s<>]{1,2000})>/gi, (m, href: string) => {
    const url = safeUrl(href);
    return url ? keep(`<a href="${escapeHtml(url)}" ${LINK_ATTRS}>${escapeHtml(url)}</a>`) : m;
  });
  s = emphasis(escapeHtml(s));
  // A link's text may hold a code span's placeholder, so restore until none is left.
  const ph = new RegExp(`${PH_OPEN}(\\d+)${PH_CLOSE}`, 'g');
  for (let pass = 0; pass < 3 && s.includes(PH_OPEN); pass++)
    s = s.replace(ph, (_m, i: string) => pieces[Number(i)] ?? '');
  return s;
}

/** Bold, italic and strike-through on already escaped text. */
function emphasis(s: string): string {
  return s
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([^_]*?\S)__(?![\p{L}\p{N}_])/gu, '$1<strong>$2</strong>')
    .replace(/\*(?=\S)([^*]*?\S)\*/g, '<em>$1</em>')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>')
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '<del>$1</del>');
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const TABLE_SEP = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Renders Markdown source to safe HTML. */
export function renderMarkdown(source: string): string {
  const lines = stripControls(source).replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const isBlockStart = (l: string): boolean =>
    HEADING.test(l) || BULLET.test(l) || ORDERED.test(l) || QUOTE.test(l) || RULE.test(l) || FENCE.test(l);
  while (i < lines.length) {
    const line = lines[i] as string;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).trim().startsWith(fence[1] as string))
        code.push(lines[i++] as string);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const level = (h[1] as string).length;
      out.push(`<h${level}>${renderInline(h[2] as string)}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      const ordered = !BULLET.test(line);
      const re = ordered ? ORDERED : BULLET;
      const items: string[] = [];
      while (i < lines.length && re.test(lines[i] as string)) {
        const m = re.exec(lines[i] as string) as RegExpExecArray;
        items.push(`<li>${renderInline((ordered ? m[2] : m[1]) as string)}</li>`);
        i++;
      }
      out.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] as string))
        quoted.push((QUOTE.exec(lines[i++] as string) as RegExpExecArray)[1] as string);
      out.push(`<blockquote>${renderMarkdown(quoted.join('\n'))}</blockquote>`);
      continue;
    }
    if (line.includes('|') && TABLE_SEP.test(lines[i + 1] ?? '')) {
      const head = tableCells(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] as string).includes('|') && (lines[i] as string).trim())
        rows.push(tableCells(lines[i++] as string));
      const th = head.map((c) => `<th>${renderInline(c)}</th>`).join('');
      const tb = rows
        .map((r) => `<tr>${head.map((_c, k) => `<td>${renderInline(r[k] ?? '')}</td>`).join('')}</tr>`)
        .join('');
      out.push(`<table><thead><tr>${th}</tr></thead><tbody>${tb}</tbody></table>`);
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      (lines[i] as string).trim() &&
      !(para.length && isBlockStart(lines[i] as string))
    )
      para.push((lines[i++] as string).trim());
    out.push(`<p>${renderInline(para.join('\n')).replace(/\n/g, '<br>')}</p>`);
  }
  return out.join('\n');
}

/** The plain text of Markdown source (for snippets and the search index): syntax and link targets dropped. */
export function markdownToText(source: string): string {
  return stripControls(source)
    .replace(/\r\n?/g, '\n')
    .replace(/^\s{0,3}(```|~~~).*$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^\s<>]+)>/gi, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}(?:[-*+]|\d{1,9}[.)]|>)\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '')
    .replace(/[*_~`|]+/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
