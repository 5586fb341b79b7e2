/// The site's one stylesheet, served as a file (`/static/atlas.css`) so that the Content-Security-Policy can forbid
/// inline styles and scripts.
enum Stylesheet {
    static let path = "/static/atlas.css"

    static let text = """
        body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; }
        header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1px solid #ccc; }
        nav a, .languages a { margin-right: 0.75rem; }
        .languages a[aria-current] { font-weight: bold; text-decoration: none; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        caption { font-weight: bold; text-align: left; padding: 0.25rem 0; }
        figure img, figure.timeline svg { max-width: 100%; height: auto; }
        ul.reasoning { padding-left: 1.25rem; }
        ul.reasoning li.depth-0 { list-style: none; margin-left: -1.25rem; }
        ul.reasoning li.depth-2 { margin-left: 1.5rem; list-style: circle; }
        .cites { color: #555; font-size: 0.9rem; }
        section.trace:target, ol.citations li:target { background: #fff8dc; }
        summary { cursor: pointer; }
        cite { font-style: normal; }
        blockquote { border-left: 3px solid #ccc; margin: 0.5rem 0 0.5rem 1rem; padding-left: 0.75rem; }
        textarea { width: 100%; }
        pre { background: #f6f6f6; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
        form .fact { display: grid; grid-template-columns: 22rem 1fr; gap: 0.5rem; margin: 0.25rem 0; }
        .error { color: #a00000; font-weight: bold; }
        details.cite { display: inline-block; }
        details.cite summary { display: inline; cursor: pointer; text-decoration: underline dotted; }
        details.cite summary::-webkit-details-marker { display: none; }
        details.cite[open] { display: block; }
        details.cite[open] blockquote { margin: 0.25rem 0 0.5rem 1.5rem; padding-left: 0.5rem; border-left: 3px solid #999; }
        ul.rules li.nested { margin-left: 1.5rem; }
        li.not-in-force { color: #666; }
        li.disputed, .dispute { background: #fff4d6; }
        .disputed-mark { color: #8a4b00; font-weight: bold; }
        .other-reading { margin-left: 0.5rem; }
        section.version { border-left: 2px solid #ddd; padding-left: 0.75rem; margin: 0.75rem 0; }
        footer { border-top: 1px solid #ccc; margin-top: 2rem; color: #555; font-size: 0.9rem; }

        """
}
