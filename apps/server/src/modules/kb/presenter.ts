/** Maps knowledge-base rows to API objects; residents and anonymous visitors get the public view. */
import type { Actor } from '../../lib/context.ts';
import { MARK_CLOSE, MARK_OPEN, escapeHtml } from './markdown.ts';
import type { ArticleRow, AttachmentRow, VariantRow, VersionRow } from './repository.ts';
import type { TemplateRow } from './repository-templates.ts';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** An article with its variants and attachments; status, audience, version and storage keys for staff only. */
export function presentArticle(
  a: ArticleRow,
  variants: readonly VariantRow[],
  attachments: readonly AttachmentRow[],
  actor: Actor,
) {
  const staff = actor.kind === 'staff';
  return {
    id: a.id,
    categories: a.categories,
    tags: a.tags,
    validFrom: iso(a.valid_from),
    validTo: iso(a.valid_to),
    updatedAt: a.updated_at.toISOString(),
    variants: variants.map((v) => ({
      lang: v.lang,
      title: v.title,
      body: v.body,
      html: v.body_html,
      keywords: v.keywords,
    })),
    attachments: attachments.map((x) => ({
      id: x.id,
      name: x.file_name,
      type: x.content_type,
      size: x.size_bytes,
      ...(staff ? { storageKey: x.storage_key } : {}),
    })),
    ...(staff
      ? { status: a.status, audience: a.audience, version: a.version, publishedAt: iso(a.published_at) }
      : {}),
  };
}

export function presentVersion(v: VersionRow) {
  return {
    version: v.version,
    authorId: v.author_id,
    authorName: v.author_name,
    note: v.note,
    createdAt: v.created_at.toISOString(),
    added: v.added,
    removed: v.removed,
    diff: v.diff,
  };
}

/** A version with the whole article as it was saved. */
export function presentVersionDetail(v: VersionRow) {
  return { ...presentVersion(v), snapshot: v.snapshot as unknown as Record<string, unknown> };
}

/** ts_headline output as safe HTML: everything escaped, then the sentinels become <mark>. */
export function snippetHtml(raw: string): string {
  return escapeHtml(raw).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

export function presentTemplate(t: TemplateRow) {
  return {
    id: t.id,
    name: t.name,
    bodies: t.bodies,
    categories: t.categories,
    active: t.active,
    updatedAt: t.updated_at.toISOString(),
  };
}
