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

  // Loading: every file of the index is a script calling __handbookSearch(name, data), which
  // works over HTTP and from disk alike. The manifest is always asked afresh; the other files
  // carry its version, so that a browser never mixes two builds.
  const waiting = new Map();
  const loaded = new Map();
  window.__handbookSearch = function (name, data) {
    const resolve = waiting.get(name);
    if (resolve) {
      waiting.delete(name);
      resolve(data);
    }
  };

  function load(name, version) {
    if (loaded.has(name)) return loaded.get(name);
    const promise = new Promise(function (resolve, reject) {
      waiting.set(name, resolve);
      const script = document.createElement("script");
      script.src = base + name + ".js?v=" + encodeURIComponent(version);
      script.onload = function () { script.remove(); };
      script.onerror = function () {
        waiting.delete(name);
        script.remove();
        reject(new Error("cannot load " + name));
      };
      document.head.appendChild(script);
    });
    promise.catch(function () { loaded.delete(name); });
    loaded.set(name, promise);
    return promise;
  }

  function manifest() {
    return load("manifest", String(Date.now()));
  }

  // Posting lists: numbers in five-bit groups (PostingCode.swift).
  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function decode(text) {
    const numbers = [];
    let value = 0;
    let shift = 0;
    for (let i = 0; i < text.length; i++) {
      const digit = DIGITS.indexOf(text[i]);
      value += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) {
        shift += 5;
      } else {
        numbers.push(value);
        value = 0;
        shift = 0;
      }
    }
    return numbers;
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

  // The keys of a shard that `term` matches: the term, or for a word every key it starts.
  function matchingKeys(term, shard) {
    if (!term.prefix) return shard[term.text] ? [term.text] : [];
    return Object.keys(shard).filter(function (key) { return key.startsWith(term.text); });
  }

  // Section id → best weight of the term (or of the words it is a prefix of), from the shard
  // heads; `complete` when no matching key has a tail, `total` the sections of the most
  // frequent key.
  function lookup(term, manifest) {
    const bucket = fnv1a(term.key) % manifest.k;
    return load("s/" + bucket, manifest.v).catch(function () { return {}; }).then(function (shard) {
      const found = { term: term, bucket: bucket, weights: new Map(), complete: true, total: 0, tails: [] };
      for (const key of matchingKeys(term, shard)) {
        let numbers = decode(shard[key]);
        // An odd count: the first number is the key's total, and the rest is in the tail file.
        if (numbers.length % 2 === 1) {
          found.complete = false;
          found.tails.push(key);
          found.total = Math.max(found.total, numbers[0]);
          numbers = numbers.slice(1);
        } else {
          found.total = Math.max(found.total, numbers.length / 2);
        }
        addPostings(found.weights, numbers);
      }
      return found;
    });
  }

  function addPostings(weights, numbers) {
    let section = 0;
    for (let i = 0; i < numbers.length; i += 2) {
      section += numbers[i];
      if (!(weights.get(section) >= numbers[i + 1])) weights.set(section, numbers[i + 1]);
    }
  }

  // Adds the tails of the found keys to their weights.
  function completed(found, manifest) {
    if (found.complete) return Promise.resolve(found);
    return load("t/" + found.bucket, manifest.v).then(function (tail) {
      for (const key of found.tails) if (tail[key]) addPostings(found.weights, decode(tail[key]));
      found.complete = true;
      found.total = found.weights.size;
      return found;
    });
  }

  // Every matching section, ranked by how many query terms it matches, then by the sum of
  // the terms' weights; no fragment is fetched yet.
  function ranked(terms, manifest, founds) {
    const totals = new Map();
    founds.forEach(function (found) {
      found.weights.forEach(function (weight, section) {
        const entry = totals.get(section) || { section: section, matched: 0, score: 0 };
        entry.matched += 1;
        entry.score += weight;
        totals.set(section, entry);
      });
    });
    const entries = Array.from(totals.values())
      .sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.section - b.section; });
    const complete = founds.every(function (found) { return found.complete; });
    // Without tails the count is exact only for one term without prefixes.
    const count = complete ? entries.length
      : founds.length === 1 && founds[0].tails.length === 1 && !founds[0].term.prefix ? founds[0].total : null;
    return { manifest: manifest, terms: terms, founds: founds, entries: entries, complete: complete, count: count };
  }

  // The ranking from the shard heads; the tails too when fewer than `wanted` sections match
  // every term in the heads (or always, with `wanted` Infinity).
  function rank(query, wanted) {
    const terms = queryTerms(query);
    return manifest().then(function (manifest) {
      return Promise.all(terms.map(function (term) { return lookup(term, manifest); })).then(function (founds) {
        const ranking = ranked(terms, manifest, founds);
        const full = ranking.entries.filter(function (entry) { return entry.matched === terms.length; }).length;
        return ranking.complete || full >= wanted ? ranking : complete(ranking);
      });
    });
  }

  function complete(ranking) {
    if (ranking.complete) return Promise.resolve(ranking);
    return Promise.all(ranking.founds.map(function (found) { return completed(found, ranking.manifest); }))
      .then(function (founds) { return ranked(ranking.terms, ranking.manifest, founds); });
  }

  // A section's URL, title, heading and text, from its fragment file.
  function fragment(ranking, section) {
    const per = ranking.manifest.f;
    return load("f/" + Math.floor(section / per), ranking.manifest.v).then(function (sections) {
      const fields = sections[section % per];
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
    return rank(query, count).then(function (ranking) {
      return withFragments(ranking, ranking.entries.slice(0, count + 2), query).then(function (entries) {
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
        let ranking = found.ranking;
        function showCount() {
          const total = ranking.count === null ? ranking.entries.length : ranking.count;
          const label = ranking.count === null ? labels.resultsCountMore : labels.resultsCount;
          pageStatus.textContent = total ? label.replace("{n}", function () { return total; }) : noResultsText(query);
        }
        showCount();
        // Further results, a page at a time, fetching only their fragments (and, the first
        // time, the tails of frequent terms, so that the ranking is complete).
        const shown = new Set(found.results.map(function (entry) { return entry.section; }));
        function rest() { return ranking.entries.filter(function (entry) { return !shown.has(entry.section); }); }
        function updateMore() { more.hidden = ranking.complete && rest().length === 0; }
        updateMore();
        more.addEventListener("click", function () {
          complete(ranking).then(function (full) {
            ranking = full;
            showCount();
            const batch = rest().slice(0, pageSize);
            batch.forEach(function (entry) { shown.add(entry.section); });
            return withFragments(ranking, batch, query);
          }).then(function (entries) {
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
