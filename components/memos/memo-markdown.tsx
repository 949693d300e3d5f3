import Markdown, { defaultUrlTransform } from "react-markdown";

/**
 * A memo's body as Markdown, rendered on the server into React elements (react-markdown: no
 * dangerouslySetInnerHTML, no eval). Raw HTML in a memo is dropped, not rendered; links keep
 * only safe protocols (http, https, mailto and relative: defaultUrlTransform empties
 * javascript: and data: URLs) and images are shown as their alt text, so a memo cannot load
 * anything from elsewhere. Kept out of client components so the parser is not in any bundle.
 */
export function MemoMarkdown({ body }: { body: string }) {
  return (
    <div className="memo-body space-y-2 break-words text-sm leading-relaxed text-stone-900 [&_a]:text-teal-800 [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown
        skipHtml
        urlTransform={(url) => defaultUrlTransform(url)}
        components={{
          a: ({ href, children }) => (href ? <a href={href} rel="noopener noreferrer nofollow">{children}</a> : <>{children}</>),
          img: ({ alt }) => (alt ? <span className="text-stone-600">[image: {alt}]</span> : null),
        }}
      >
        {body}
      </Markdown>
    </div>
  );
}
