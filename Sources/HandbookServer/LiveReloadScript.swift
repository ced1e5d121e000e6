/// The script the preview server adds to every page it serves (never to `handbook build`'s
/// output): it listens for the server's events, reloads the page when the page changed
/// (keeping the scroll position), swaps stylesheets when only they changed, and shows the last
/// check's problems over the page.
enum LiveReloadScript {
    static let path = "__handbook/live.js"
    static let eventsPath = "__handbook/events"

    /// The tag put before `</body>` of each served page.
    static let tag = "<script src=\"/\(path)\" defer></script>"

    static let source = #"""
        // handbook serve: live reload and the problems of the last check.
        (function () {
          "use strict";
          var page = decodeURIComponent(location.pathname).replace(/^\//, "");
          if (page === "" || page.endsWith("/")) page += "index.html";
          var scrollKey = "handbook-serve-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(scrollKey);
          if (saved !== null) {
            sessionStorage.removeItem(scrollKey);
            window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
          }

          function reload() {
            sessionStorage.setItem(scrollKey, String(window.scrollY));
            location.reload();
          }

          function swapStylesheets() {
            document.querySelectorAll("link[rel=stylesheet]").forEach(function (link) {
              var url = new URL(link.href);
              url.searchParams.set("handbook-serve", String(Date.now()));
              var fresh = link.cloneNode();
              fresh.href = url.toString();
              fresh.addEventListener("load", function () { link.remove(); });
              link.after(fresh);
            });
          }

          function element(tag, className, text) {
            var node = document.createElement(tag);
            if (className) node.className = className;
            if (text !== undefined) node.textContent = text;
            return node;
          }

          function problemElement(problem) {
            var item = element("li", "handbook-serve-problem");
            var where = problem.path ? problem.path + ":" + problem.line + ":" + problem.column + ": " : "";
            item.appendChild(element("div", "handbook-serve-message",
              where + problem.severity + ": " + problem.message + (problem.rule ? " [" + problem.rule + "]" : "")));
            if (problem.source !== null && problem.source !== undefined) {
              // Under each character before the column, a blank as wide: an ideographic space
              // under a wide (CJK) one.
              var caret = Array.from(problem.source).slice(0, Math.max(0, problem.column - 1)).map(function (c) {
                if (c === "\t") return "\t";
                return /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(c) ? "\u3000" : " ";
              }).join("") + "^";
              item.appendChild(element("pre", "handbook-serve-source", problem.source + "\n" + caret));
            }
            if (problem.hint) item.appendChild(element("div", "handbook-serve-hint", problem.hint));
            return item;
          }

          var style = element("style", null,
            "#handbook-serve-errors{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.92);" +
            "color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem}" +
            "#handbook-serve-errors h2,#handbook-serve-warnings h2{font:600 16px/1.4 sans-serif;margin:0 0 1rem}" +
            ".handbook-serve-problem{list-style:none;margin:0 0 1.2rem}" +
            ".handbook-serve-source{background:rgba(255,255,255,.08);padding:.5rem;margin:.3rem 0;white-space:pre;overflow:auto}" +
            ".handbook-serve-hint{color:#9fd39f}" +
            "#handbook-serve-warnings{position:fixed;right:1rem;bottom:1rem;z-index:2147483646;max-width:36rem;max-height:40vh;" +
            "overflow:auto;background:#fff8e1;color:#3a2c00;border:1px solid #e0b000;border-radius:6px;" +
            "font:13px/1.5 ui-monospace,monospace;padding:1rem;box-shadow:0 4px 16px rgba(0,0,0,.2)}" +
            "#handbook-serve-warnings ul,#handbook-serve-errors ul{padding:0;margin:0}" +
            "#handbook-serve-warnings .handbook-serve-source{background:rgba(0,0,0,.05)}");
          document.head.appendChild(style);

          var dismissed = "";

          function showProblems(report) {
            ["handbook-serve-errors", "handbook-serve-warnings"].forEach(function (id) {
              var old = document.getElementById(id);
              if (old) old.remove();
            });
            var labels = report.labels || {};
            if (report.errors && report.errors.length) {
              var overlay = element("div");
              overlay.id = "handbook-serve-errors";
              overlay.setAttribute("role", "alertdialog");
              overlay.setAttribute("aria-label", labels.serve_errors || "Build failed");
              overlay.appendChild(element("h2", null, labels.serve_errors || "Build failed"));
              var list = element("ul");
              report.errors.concat(report.warnings || []).forEach(function (p) { list.appendChild(problemElement(p)); });
              overlay.appendChild(list);
              document.body.appendChild(overlay);
              return;
            }
            var key = JSON.stringify(report.warnings || []);
            if (report.warnings && report.warnings.length && key !== dismissed) {
              var panel = element("div");
              panel.id = "handbook-serve-warnings";
              panel.setAttribute("role", "status");
              panel.appendChild(element("h2", null, labels.serve_warnings || "Warnings"));
              var close = element("button", null, labels.serve_dismiss || "Dismiss");
              close.type = "button";
              close.addEventListener("click", function () { dismissed = key; panel.remove(); });
              panel.appendChild(close);
              var items = element("ul");
              report.warnings.forEach(function (p) { items.appendChild(problemElement(p)); });
              panel.appendChild(items);
              document.body.appendChild(panel);
            }
          }

          // The stream starts with the problems of the last check. The time this page was
          // loaded, so that changes made before the connection opens are not missed.
          var events = new EventSource("/__handbook/events?since=" + Math.floor(performance.timeOrigin));
          events.addEventListener("change", function (event) {
            var paths = JSON.parse(event.data).paths;
            var script = paths.some(function (path) { return /^assets\/.*\.js$/.test(path); });
            if (paths.indexOf(page) >= 0 || script) reload();
            else if (paths.some(function (path) { return /\.css$/.test(path); })) swapStylesheets();
          });
          events.addEventListener("problems", function (event) { showProblems(JSON.parse(event.data)); });
        })();
        """#
}
