import Mustache

/// Templates of machine-read files (the sitemap and the Atom feed), whose format is fixed by
/// their standards rather than by the theme.
enum BuiltInTemplates {
    private static let sources = [
        "sitemap": """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        {{#urls}}
          <url><loc>{{{loc}}}</loc>{{#lastmod}}<lastmod>{{.}}</lastmod>{{/lastmod}}</url>
        {{/urls}}
        </urlset>

        """,
        "atom": """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>{{title}}</title>
          <id>{{selfURL}}</id>
          <link rel="self" href="{{selfURL}}"/>
          <updated>{{updated}}T00:00:00Z</updated>
          <author><name>{{author}}</name></author>
        {{#entries}}
          <entry>
            <title>{{title}}</title>
            <id>{{id}}</id>
            <link href="{{url}}"/>
            <updated>{{updated}}T00:00:00Z</updated>
            <content type="html">{{html}}</content>
          </entry>
        {{/entries}}
        </feed>

        """,
    ]

    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, source) in sources {
            // The sources above are fixed; a parse error is a bug that every test run shows.
            try! library.register(source, named: name)
        }
        return library
    }()

    static func render(_ context: Any, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
