/** .docx → paragraphs (mammoth, loaded only when a .docx is seen) and core properties; zip bombs refused first. */
import { strFromU8, unzipSync } from 'fflate';
import type { ArticleMeta } from '../../model/types.ts';
import { toIsoDate } from '../dates.ts';
import type { RawArticle } from '../raw-article.ts';
import { checkZip } from '../zip-guard.ts';
import { errorMessage } from '../../errors.ts';

function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const v = m?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return v ? v : undefined;
}

/** Title, author and date from docProps/core.xml, when the writer filled them in. */
interface CoreProperties {
  title?: string;
  author?: string;
  created?: string;
  isWord: boolean;
  /** The archive's declared type (OpenDocument files carry one), for a helpful message. */
  mimetype?: string;
}

function coreProperties(bytes: Uint8Array, names: ReadonlySet<string>): CoreProperties {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' || f.name === 'mimetype' });
  const core = files['docProps/core.xml'];
  const isWord = names.has('word/document.xml');
  const mimetypeBytes = files.mimetype;
  const base: CoreProperties = mimetypeBytes ? { isWord, mimetype: strFromU8(mimetypeBytes).trim() } : { isWord };
  if (!core) return base;
  const xml = strFromU8(core);
  const result: CoreProperties = base;
  const title = xmlText(xml, 'dc:title');
  if (title) result.title = title;
  const author = xmlText(xml, 'dc:creator');
  if (author) result.author = author;
  const created = xmlText(xml, 'dcterms:created');
  if (created) result.created = created;
  return result;
}

export async function parseDocx(bytes: Uint8Array): Promise<RawArticle | { error: string }> {
  // Before anything unpacks it: a zip bomb is refused here, with its reason.
  const zip = checkZip(bytes);
  if ('error' in zip) return { error: zip.error };
  let props: ReturnType<typeof coreProperties>;
  try {
    props = coreProperties(bytes, new Set(zip.entries.map((e) => e.name)));
  } catch {
    return { error: 'damaged .docx file (not a readable ZIP archive)' };
  }
  if (!props.isWord) {
    if (props.mimetype === 'application/vnd.oasis.opendocument.text') return { error: 'OpenDocument text (.odt); save it as .docx' };
    return { error: 'ZIP archive without a Word document (word/document.xml); only .docx is supported' };
  }
  const mammoth = (await import('mammoth')).default;
  let text: string;
  try {
    // A copy: mammoth needs an ArrayBuffer of exactly these bytes, not a view into a larger one
    // (a Node Buffer's slice() would still share its pool).
    const arrayBuffer = new Uint8Array(bytes).buffer;
    // mammoth's browser build reads `arrayBuffer`, its Node build `buffer` (JSZip takes either).
    const input = { arrayBuffer, buffer: arrayBuffer } as unknown as Parameters<typeof mammoth.extractRawText>[0];
    text = (await mammoth.extractRawText(input)).value;
  } catch (error) {
    return { error: `damaged .docx file: ${errorMessage(error)}` };
  }
  const meta: ArticleMeta = {};
  // The author of the file is often the person who saved it, not the journalist: kept apart.
  const extra: Record<string, string> = {};
  if (props.author) extra.fileAuthor = props.author;
  if (props.created) {
    const iso = toIsoDate(props.created);
    if (iso) extra.fileCreated = iso;
  }
  if (Object.keys(extra).length > 0) meta.extra = extra;
  // mammoth ends every Word paragraph with a blank line: they are the paragraphs.
  const article: RawArticle = { paragraphs: text.split(/\n{2,}/), meta };
  if (props.title) article.title = props.title;
  return article;
}
