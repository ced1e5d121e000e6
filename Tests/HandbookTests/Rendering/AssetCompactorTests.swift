import Testing

@testable import HandbookRendering

/// Stylesheets and scripts lose comments and blanks, never a byte of a string, template literal
/// or regular expression.
@Suite struct AssetCompactorTests {
    @Test func stylesheetsLoseCommentsAndBlanksButKeepSelectorsAndStrings() {
        let css = """
            /* Colours */
            :root {
              --accent: #0b5cad; /* links */
            }
            .content :is(p, li) a:hover,
            nav > a::after {
              content: "/* not a comment */  two  blanks";
              margin: 0 calc(1rem - 2px);
            }
            @media (max-width: 40em) { body { font-size: 15px; } }

            """
        #expect(
            AssetCompactor.stylesheet(css)
                == #":root{--accent:#0b5cad;}.content :is(p,li) a:hover,nav > a::after{content:"/* not a comment */  two  blanks";margin:0 calc(1rem - 2px);}@media (max-width:40em){body{font-size:15px;}}"#
        )
    }

    @Test func scriptsKeepTheirLinesStringsTemplatesAndRegularExpressions() {
        let js = """
            // The search.
            (function () {
              "use strict";
              const url = "https://example.com/a"; // a link, not a comment
              const text = 'it\\'s // still text';
              /* A block
                 comment. */
              const pattern = /\\/\\/[a-z/]+/g;
              const half = total / 2 / count;
              const html = `<p>
                ${items.map((item) => `<b>${item}</b>`).join("")}
              </p>`;
              return x
            })();

            """
        #expect(
            AssetCompactor.script(js) == """
                (function () {
                "use strict";
                const url = "https://example.com/a";
                const text = 'it\\'s // still text';
                const pattern = /\\/\\/[a-z/]+/g;
                const half = total / 2 / count;
                const html = `<p>
                    ${items.map((item) => `<b>${item}</b>`).join("")}
                  </p>`;
                return x
                })();

                """)
    }

    @Test func aFileThatDoesNotEndCleanlyIsLeftAsItIs() {
        #expect(AssetCompactor.script("const a = 'open;\n") == nil)
        #expect(AssetCompactor.script("let n = i++ / 2;\n") == nil, "a division read as a pattern that never ends")
        #expect(AssetCompactor.stylesheet("a { color: red; } /* open") == nil)
        #expect(AssetCompactor.compact("let n = i++ / 2;\n", path: "a.js") == "let n = i++ / 2;\n")
        #expect(AssetCompactor.compact("  <svg/>\n", path: "logo.svg") == "  <svg/>\n")
    }
}
