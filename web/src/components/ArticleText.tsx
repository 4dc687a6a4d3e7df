/**
 * The article as structured by the analysis: title, headings, paragraphs,
 * lists and tables, with entity mentions marked by type and the selected
 * event's words highlighted. Article text only ever becomes text nodes.
 */
import type { Block, MarsadDocument, Mention, Span } from '../../../src/web/lib/api-types.js';
import { piecesOf, type Highlight, type Run } from '../../../src/web/lib/spans.js';

/** Heading levels: the title is h1 on the page already, so article headings start at h2. */
const MIN_HEADING_LEVEL = 2;
const MAX_HEADING_LEVEL = 6;
/** Characters of a table's text that name its scrolling region for screen readers. */
const TABLE_LABEL_CHARS = 40;

export interface MentionHandlers {
  /** The mention (by index in `doc.mentions`) the pointer or focus is on, or null. */
  onShow(index: number, element: HTMLElement): void;
  onHide(index: number): void;
  onOpen(index: number): void;
}

interface Props {
  doc: MarsadDocument;
  highlights: Highlight[];
  mentionTipId: string | null;
  activeMention: number | null;
  handlers: MentionHandlers;
}

function RunText({ run, text }: { run: Run; text: string }) {
  const words = text.slice(run.start, run.end);
  if (!run.roles.length) return <>{words}</>;
  return <span class="hl" data-roles={run.roles.join(' ')}>{words}</span>;
}

function MentionMark({ mention, index, text, runs, props }: { mention: Mention; index: number; text: string; runs: Run[]; props: Props }) {
  const { handlers } = props;
  const active = props.activeMention === index;
  return (
    <mark
      class={`mention m-${mention.type}`}
      data-type={mention.type}
      data-entity={mention.entity ?? undefined}
      data-mention={index}
      tabIndex={0}
      aria-describedby={active && props.mentionTipId ? props.mentionTipId : undefined}
      onMouseEnter={(e) => handlers.onShow(index, e.currentTarget as HTMLElement)}
      onFocus={(e) => handlers.onShow(index, e.currentTarget as HTMLElement)}
      onMouseLeave={() => handlers.onHide(index)}
      onBlur={() => handlers.onHide(index)}
      onClick={() => handlers.onOpen(index)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') handlers.onOpen(index);
        if (e.key === 'Escape') handlers.onHide(index);
      }}
    >
      {runs.map((run) => <RunText key={run.start} run={run} text={text} />)}
    </mark>
  );
}

function Marked({ range, props }: { range: Span; props: Props }) {
  const { doc } = props;
  return (
    <>
      {piecesOf(range, doc.mentions, props.highlights).map((piece) =>
        piece.mention === null
          ? piece.runs.map((run) => <RunText key={run.start} run={run} text={doc.text} />)
          : <MentionMark key={piece.start} mention={doc.mentions[piece.mention]} index={piece.mention} text={doc.text} runs={piece.runs} props={props} />,
      )}
    </>
  );
}

function headingTag(level: number | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const n = Math.min(Math.max(level ?? MIN_HEADING_LEVEL, MIN_HEADING_LEVEL), MAX_HEADING_LEVEL);
  return `h${n}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

function BlockView({ block, props }: { block: Block; props: Props }) {
  switch (block.type) {
    case 'title':
      return <p class="article-title"><Marked range={block} props={props} /></p>;
    case 'heading': {
      const Tag = headingTag(block.level);
      return <Tag class="article-heading"><Marked range={block} props={props} /></Tag>;
    }
    case 'paragraph':
      return <p><Marked range={block} props={props} /></p>;
    case 'list': {
      const items = (block.items ?? []).map((item) => <li key={item.start}><Marked range={item} props={props} /></li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div class="table-scroll" role="region" tabIndex={0} aria-label={props.doc.text.slice(block.start, Math.min(block.end, block.start + TABLE_LABEL_CHARS))}>
          <table class="article-table">
            {block.header && (
              <thead><tr>{block.header.map((cell) => <th key={cell.start} scope="col"><Marked range={cell} props={props} /></th>)}</tr></thead>
            )}
            <tbody>
              {(block.rows ?? []).map((row, i) => (
                <tr key={i}>{row.map((cell) => <td key={cell.start}><Marked range={cell} props={props} /></td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    default:
      return <p><Marked range={block} props={props} /></p>;
  }
}

/** Paragraphs split at blank lines, for a document that came without blocks. */
function fallbackBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const gap = /\n\s*\n/g;
  let at = 0;
  for (const match of text.matchAll(gap)) {
    if (match.index > at) blocks.push({ type: 'paragraph', start: at, end: match.index });
    at = match.index + match[0].length;
  }
  if (at < text.length) blocks.push({ type: 'paragraph', start: at, end: text.length });
  return blocks;
}

export function ArticleText(props: Props) {
  const { doc } = props;
  const blocks = doc.blocks.length ? doc.blocks : fallbackBlocks(doc.text);
  // The page heading shows the title; the title block is not repeated.
  const body = blocks.filter((b) => !(b.type === 'title' && doc.title && b.start === doc.title.start));
  return (
    <div class="article-text" lang="ar" dir="rtl">
      {body.map((block) => <BlockView key={block.start} block={block} props={props} />)}
    </div>
  );
}

/** The article's title with its mentions marked (the page's h1 content). */
export function ArticleTitleText(props: Props) {
  const { doc } = props;
  if (!doc.title) return null;
  return <Marked range={doc.title} props={props} />;
}
