// Client-side search of a handbook site. The index format and the tokenizer mirror
// Sources/HandbookSearch (SearchIndexBuilder.swift, SearchTokenizer.swift).
(function () {
  "use strict";

  const form = document.querySelector("form[data-search]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const panel = form.querySelector("[data-search-panel]");
  const list = form.querySelector("[data-search-list]");
  const status = form.querySelector("[data-search-status]");
  const labels = form.dataset;
  const base = form.dataset.root + "search/";
  const fromDisk = location.protocol === "file:";

  // Loading: JSON over http(s); from disk, where fetch is refused, the same data as scripts.
  const waiting = new Map();
  const loaded = new Map();
  window.__handbookSearch = function (path, data) {
    const entry = waiting.get(path);
    if (entry) {
      waiting.delete(path);
      entry.resolve(data);
    }
  };

  function load(path) {
    if (loaded.has(path)) return loaded.get(path);
    let promise;
    if (fromDisk) {
      promise = new Promise(function (resolve, reject) {
        waiting.set(path, { resolve: resolve });
        const script = document.createElement("script");
        script.src = base + path + ".js";
        script.onload = function () { script.remove(); };
        script.onerror = function () {
          waiting.delete(path);
          reject(new Error("cannot load " + path));
        };
        document.head.appendChild(script);
      });
    } else {
      const options = path === "manifest" ? { cache: "no-cache" } : {};
      promise = fetch(base + path + ".json", options).then(function (response) {
        if (!response.ok) throw new Error("cannot load " + path + ": " + response.status);
        return response.json();
      });
    }
    promise.catch(function () { loaded.delete(path); });
    loaded.set(path, promise);
    return promise;
  }

  // Tokenizer: the same rules as SearchTokenizer.swift.
  const CJK = /[\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF\u{20000}-\u{3FFFF}]/u;
  const WORD = /[\p{L}\p{N}]/u;

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/ς/g, "σ").normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  function runs(text) {
    const result = [];
    let current = null;
    for (const character of text) {
      const cjk = CJK.test(character);
      if (!cjk && !WORD.test(character)) {
        current = null;
        continue;
      }
      if (current && current.cjk === cjk) {
        current.characters.push(character);
      } else {
        current = { cjk: cjk, characters: [character] };
        result.push(current);
      }
    }
    return result;
  }

  // The terms a query looks up: CJK bigrams (a single character alone), words as prefixes.
  function queryTerms(query) {
    const terms = new Map();
    for (const run of runs(normalize(query))) {
      const characters = run.characters;
      if (!run.cjk) {
        const text = characters.join("");
        terms.set(text, { text: text, prefix: characters.length >= 2, key: characters.slice(0, 2).join("") });
      } else if (characters.length === 1) {
        terms.set(characters[0], { text: characters[0], prefix: false, key: characters[0] });
      } else {
        for (let i = 0; i + 1 < characters.length; i++) {
          const text = characters[i] + characters[i + 1];
          terms.set(text, { text: text, prefix: false, key: text });
        }
      }
    }
    return Array.from(terms.values());
  }

  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    }
    return hash;
  }

  // Section id → best weight of the term (or of the words it is a prefix of).
  function lookup(term, manifest) {
    const bucket = fnv1a(term.key) % manifest.k;
    const hash = manifest.s[bucket];
    if (!hash) return Promise.resolve(new Map());
    return load("s/" + bucket + "." + hash).then(function (shard) {
      const weights = new Map();
      function add(postings) {
        let section = 0;
        for (let i = 0; i < postings.length; i += 2) {
          section += postings[i];
          if (!(weights.get(section) >= postings[i + 1])) weights.set(section, postings[i + 1]);
        }
      }
      if (term.prefix) {
        for (const key in shard) if (key.startsWith(term.text)) add(shard[key]);
      } else if (shard[term.text]) {
        add(shard[term.text]);
      }
      return weights;
    });
  }

  // Every matching section, ranked by how many query terms it matches, then by the sum of
  // the terms' weights; no fragment is fetched yet.
  function rank(query) {
    const terms = queryTerms(query);
    return load("manifest").then(function (manifest) {
      return Promise.all(terms.map(function (term) { return lookup(term, manifest); })).then(function (maps) {
        const totals = new Map();
        maps.forEach(function (weights) {
          weights.forEach(function (weight, section) {
            const entry = totals.get(section) || { section: section, matched: 0, score: 0 };
            entry.matched += 1;
            entry.score += weight;
            totals.set(section, entry);
          });
        });
        const entries = Array.from(totals.values())
          .sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.section - b.section; });
        return { manifest: manifest, entries: entries };
      });
    });
  }

  // A section's URL, title, heading and text, from the fragment of its page (section ids are
  // page × 256 + position).
  function fragment(ranking, section) {
    return load("f/" + ranking.manifest.f + "/" + Math.floor(section / 256)).then(function (sections) {
      const fields = sections[section % 256];
      return { u: fields[0], t: fields[1], h: fields[2], x: fields[3] };
    });
  }

  // Fetches the fragments of `entries` and orders them again, putting first those that hold
  // the query verbatim (in the title, the heading, the text).
  function withFragments(ranking, entries, query) {
    return Promise.all(entries.map(function (entry) {
      return fragment(ranking, entry.section).then(function (fragment) {
        entry.fragment = fragment;
        entry.verbatim = verbatimLevel(fragment, query);
        return entry;
      });
    })).then(function (loaded) {
      return loaded.sort(function (a, b) {
        return b.matched - a.matched || b.verbatim - a.verbatim || b.score - a.score || a.section - b.section;
      });
    });
  }

  // The first `count` results, looking a few further for verbatim matches to bring forward.
  function search(query, count) {
    return rank(query).then(function (ranking) {
      return withFragments(ranking, ranking.entries.slice(0, count + 4), query).then(function (entries) {
        return { ranking: ranking, results: entries.slice(0, count) };
      });
    });
  }

  function squeeze(text) {
    return normalize(text).replace(/\s+/g, " ").trim();
  }

  function verbatimLevel(fragment, query) {
    const needle = squeeze(query);
    if (!needle) return 0;
    if (!fragment.h && squeeze(fragment.t).includes(needle)) return 3;
    if (squeeze(fragment.h).includes(needle)) return 2;
    return squeeze(fragment.x).includes(needle) ? 1 : 0;
  }

  // What to highlight: the query's words and CJK runs, and each CJK pair of a longer run.
  function highlightPieces(query) {
    const pieces = new Set();
    for (const run of runs(normalize(query))) {
      pieces.add(run.characters.join(""));
      if (run.cjk) {
        for (let i = 0; i + 1 < run.characters.length; i++) pieces.add(run.characters[i] + run.characters[i + 1]);
      }
    }
    return Array.from(pieces).sort(function (a, b) { return b.length - a.length; });
  }

  function matchRanges(text, pieces) {
    const folded = text.normalize("NFKC").toLowerCase();
    const haystack = folded.length === text.length ? folded : text.toLowerCase();
    const ranges = [];
    for (const piece of pieces) {
      let from = haystack.indexOf(piece);
      while (from >= 0) {
        ranges.push([from, from + piece.length]);
        from = haystack.indexOf(piece, from + piece.length);
      }
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    const merged = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range.slice());
    }
    return merged;
  }

  // Appends `text` to `element` as text nodes, with matches in <mark>: never as markup.
  function appendHighlighted(element, text, pieces) {
    let position = 0;
    for (const range of matchRanges(text, pieces)) {
      element.appendChild(document.createTextNode(text.slice(position, range[0])));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      element.appendChild(mark);
      position = range[1];
    }
    element.appendChild(document.createTextNode(text.slice(position)));
  }

  function snippet(text, pieces, length) {
    const ranges = matchRanges(text, pieces);
    const start = ranges.length ? Math.max(0, ranges[0][0] - Math.floor(length / 4)) : 0;
    const end = Math.min(text.length, start + length);
    return (start > 0 ? "…" : "") + text.slice(start, end).replace(/\s+/g, " ") + (end < text.length ? "…" : "");
  }

  function resultElement(entry, pieces, tag, snippetLength) {
    const fragment = entry.fragment;
    const item = document.createElement(tag);
    item.className = "search-result";
    const link = document.createElement("a");
    link.href = form.dataset.root + fragment.u;
    const title = document.createElement("span");
    title.className = "search-result-title";
    appendHighlighted(title, fragment.t, pieces);
    link.appendChild(title);
    if (fragment.h) {
      const heading = document.createElement("span");
      heading.className = "search-result-heading";
      appendHighlighted(heading, fragment.h, pieces);
      link.appendChild(heading);
    }
    const excerpt = document.createElement("span");
    excerpt.className = "search-result-snippet";
    appendHighlighted(excerpt, snippet(fragment.x, pieces, snippetLength), pieces);
    link.appendChild(excerpt);
    item.appendChild(link);
    return item;
  }

  function noResultsText(query) {
    return labels.noResults.replace("{q}", function () { return query; });
  }

  // The results page, search.html?q=…
  const page = document.querySelector("[data-search-page]");
  if (page) {
    const query = new URLSearchParams(location.search).get("q") || "";
    const pageInput = page.querySelector("input[name=q]");
    const pageList = page.querySelector("[data-search-page-list]");
    const pageStatus = page.querySelector("[data-search-page-status]");
    const more = page.querySelector("[data-search-page-more]");
    const pieces = highlightPieces(query);
    const pageSize = 10;
    pageInput.value = query;
    if (query.trim()) {
      pageStatus.textContent = labels.loading;
      pageList.setAttribute("aria-busy", "true");
      search(query, pageSize).then(function (found) {
        pageList.setAttribute("aria-busy", "false");
        found.results.forEach(function (entry) { pageList.appendChild(resultElement(entry, pieces, "li", 240)); });
        const total = found.ranking.entries.length;
        pageStatus.textContent = total ? labels.resultsCount.replace("{n}", function () { return total; }) : noResultsText(query);
        // Further results, a page at a time, fetching only their fragments.
        const shownSections = new Set(found.results.map(function (entry) { return entry.section; }));
        const rest = found.ranking.entries.filter(function (entry) { return !shownSections.has(entry.section); });
        let restPosition = 0;
        function updateMore() { more.hidden = restPosition >= rest.length; }
        updateMore();
        more.addEventListener("click", function () {
          const batch = rest.slice(restPosition, restPosition + pageSize);
          restPosition += batch.length;
          withFragments(found.ranking, batch, query).then(function (entries) {
            entries.forEach(function (entry) { pageList.appendChild(resultElement(entry, pieces, "li", 240)); });
            updateMore();
          });
        });
      }).catch(function () {
        pageList.setAttribute("aria-busy", "false");
        pageStatus.textContent = labels.failed;
      });
    }
  }

  // The box in the header: results as you type, arrow keys and Enter to choose.
  let active = -1;
  let generation = 0;
  let timer = 0;

  function options() {
    return Array.from(list.querySelectorAll("[role=option]"));
  }

  function setActive(index) {
    const items = options();
    active = items.length ? (index + items.length) % items.length : -1;
    items.forEach(function (item, position) { item.setAttribute("aria-selected", position === active ? "true" : "false"); });
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function show(query) {
    const current = ++generation;
    if (!query.trim()) {
      list.replaceChildren();
      close();
      return;
    }
    search(query, 8).then(function (found) {
      if (current !== generation) return;
      const results = found.results;
      const pieces = highlightPieces(query);
      list.replaceChildren.apply(list, results.map(function (entry, position) {
        const item = resultElement(entry, pieces, "li", 110);
        item.setAttribute("role", "option");
        item.id = "search-option-" + position;
        item.setAttribute("aria-selected", "false");
        return item;
      }));
      status.textContent = results.length ? "" : noResultsText(query);
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }).catch(function () {
      if (current !== generation) return;
      list.replaceChildren();
      status.textContent = labels.failed;
      panel.hidden = false;
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 80);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (panel.hidden) return;
      event.preventDefault();
      // From no selection, down goes to the first result and up to the last.
      setActive(active < 0 ? (event.key === "ArrowDown" ? 0 : -1) : active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      const link = options()[active].querySelector("a");
      if (link) location.href = link.href;
    } else if (event.key === "Escape") {
      close();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });
})();
