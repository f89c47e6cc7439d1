/*
 * Search worker that finds the rule the reader means, around Material's own worker and lunr.
 *
 * Material's worker appends "*" to every query term, and lunr skips its pipeline (the stemmer included) for
 * terms with a wildcard; it knows nothing of words typed without ä/ö/å, of typos, of compounds or of the words
 * readers use for the guideline's own. This wrapper loads Material's worker (its file name comes in the
 * "material" parameter, so a Material upgrade needs no change here) and adds, in the index's language (one
 * index per language, hooks/search_per_language.py):
 *
 * - index side: each word is indexed as its base form (a build-time table word form -> base form, made from
 *   the site's own words with Voikko for Finnish, the reading the site's words use), as its Snowball stem, as
 *   ä/ö/å-folded copies of both, and a Finnish compound also as its parts' base forms, marked as parts;
 * - query side, word by word: stop words and question words dropped (also typed without ä/ö/å), but "kuka",
 *   "varför" and the like still meet a heading that asks the same, and words that name no topic ("kaikki",
 *   "också") count less; a known word
 *   becomes its exact base form, before any prefix; an unknown one its stem, exact or as a prefix; a word
 *   written only inside compounds meets their parts; a compound the index lacks is split into two words the
 *   index has (a first part in -is also as the adjective in -inen: yhteistili), a Swedish noun of an action
 *   (stängning) meets its verb's words, and two neighbours that make a word of the index count as that word
 *   too; when nothing else matched, a word of the index within 1-2 edits; words on the communications unit's list
 *   (quizzes/search.yml), in any of their forms (also where the stem changes: vihaiselle, vihainen), add the
 *   guideline's words they mean;
 * - ranking (rank, below): each of the reader's words counts once, by its best term and its rarity, a heading
 *   above the text and the section's opening above the rest, what other rules' links to it say below its
 *   own heading (the index's config carries the links' words, "linked"), scaled by the share of the query a
 *   section covers and by the page's weight;
 * - results: each result's highlight words (?h=) are the words of the page that matched, so the page marks
 *   "työntekijä" for a reader who typed "tyontekija"; a typed word found nowhere is reported as missing.
 *
 * The table and the list come in the index's config ("lexicon"), since Material passes only config and docs.
 */
(function () {
  "use strict";

  var language = null;
  var lexicon = null; // {forms: Map form -> base, folded: Map, bases: Set, synonyms: Map, parts: Map base -> parts}
  var vocabulary = null; // [{term, folded, count}] of the built index, for prefixes, compounds and typos
  var index = null; // the lunr index Material built
  var field = null; // the field of the document being indexed
  var indexing = true; // the pipeline expands words while the index is built, and passes queries through
  var snowball = null;
  var stopWords = null;
  var listen = self.addEventListener.bind(self);
  var post = self.postMessage.bind(self);
  var nativeImport = self.importScripts;

  var WORD = /^[\p{L}\p{N}]+$/u;
  // The mark of a compound's part in the index: a letter to lunr's trimmer (so queries keep it), in no word
  var PART = "\u00aa";
  var BOOST_EXACT = 10, BOOST_STEM = 4, BOOST_PREFIX = 1, BOOST_SYNONYM = 6, BOOST_PART = 3, BOOST_TYPO = 2, BOOST_PART_OF = 5;
  var BOOST_SYNONYM_BEGINNING = 5;

  // Words that make a question rather than name its topic ("saanko", "får jag"): dropped like stop words
  var QUESTION_WORDS = {
    fi: "mitä miten miksi kuinka kuka ketkä kehen keneen milloin missä mihin mistä millainen millaisia millaista " +
        "kumpi voinko voiko voimmeko voisinko saanko saako saammeko saisinko pitääkö täytyykö onko olenko ovatko " +
        "teen teenkö pitäisikö pitäisi kannattaako",
    sv: "vad hur varför vem vems vilka när var vart får kan kunna måste ska bör jag vi man gör också någon något"
  };

  /* The spellings a word typed without ä/ö/å may stand for ("pa": på, pä, pa), for short words only */
  function unfolded(word) {
    var spellings = [""];
    for (var i = 0; i < word.length && spellings.length <= 27; i++) {
      var letters = word[i] === "a" ? ["a", "ä", "å"] : word[i] === "o" ? ["o", "ö"] : [word[i]];
      spellings = [].concat.apply([], spellings.map(function (s) { return letters.map(function (l) { return s + l; }); }));
    }
    return spellings.length <= 27 ? spellings : [word];
  }

  // Question words that a rule's heading may ask too ("Kuka päättää", "Vem beslutar"): a stop word elsewhere, in
  // a heading indexed under a marked term, so that a reader's "kuka" meets the headings that ask who
  var ASKING = {
    fi: "kuka ketkä miksi",
    sv: "vem vilka varför"
  };
  var ASKS = "\u00ba";
  var ASKED_WEIGHT = 0.5;

  // Words that say little of the topic on their own ("kaikki", "myös", "också"): they count, but less
  var WEAK = {
    fi: "kaikki kaikkea kaikille myös oma omaa omalla omassa omasta omaan omat omia uusi uuden uutta aina vain jo nyt " +
        "saa saada voi voida pitää täytyy kannattaa tehdä tehdään tehty asia asiaa asiat asioita joku jotain jokin",
    sv: "alla allt också egen eget egna mitt min mina sin sitt sina ny nytt nya alltid bara redan nu göra görs gjort " +
        "sak saker något någon ta tar finns"
  };
  var WEAK_WEIGHT = 0.3;

  function weak(word) {
    // in any of its forms the site writes ("omiin", "omaan": oma)
    return listed(WEAK, word) || listed(WEAK, baseOf(word) || word);
  }

  function asking(word) {
    return listed(ASKING, word);
  }

  /* Whether a word is on a list of the index's language, also typed without ä/ö/å */
  function listed(lists, word) {
    return (" " + fold(lists[language] || "") + " ").indexOf(" " + fold(word) + " ") >= 0;
  }

  function meaningless(word) {
    if (listed(QUESTION_WORDS, word)) return true;
    return !!stopWords && (word.length <= 6 ? unfolded(word) : [word]).some(function (w) { return !stopWords(w); });
  }

  function fold(word) {
    return word.replace(/[äå]/g, "a").replace(/ö/g, "o");
  }

  function stem(word) {
    return snowball ? snowball(word) : word;
  }

  /* The table arrives as "base form form ...\n" lines; forms may stand for themselves ("=") */
  function readLexicon(data) {
    var forms = new Map(), folded = new Map(), bases = new Set(), synonyms = new Map();
    (data && data.forms || "").split("\n").forEach(function (line) {
      var words = line.split(" ");
      var base = words[0];
      if (!base) return;
      bases.add(base);
      folded.set(fold(base), base);
      for (var i = 1; i < words.length; i++) {
        forms.set(words[i], base);
        if (!folded.has(fold(words[i]))) folded.set(fold(words[i]), base);
      }
    });
    var parts = new Map();
    (data && data.parts || "").split("\n").forEach(function (line) {
      var words = line.split(" ");
      if (words.length > 1) parts.set(words[0], words.slice(1));
    });
    var list = data && data.synonyms || {};
    Object.keys(list).forEach(function (word) {
      synonyms.set(word, list[word]);
      synonyms.set(fold(word), list[word]);
    });
    var linked = new Map();
    Object.keys(data && data.linked || {}).forEach(function (location) {
      linked.set(location, data.linked[location].split(" "));
    });
    return { forms: forms, folded: folded, bases: bases, synonyms: synonyms, parts: parts, linked: linked };
  }

  var linkedTerms = new Map(); // location -> the terms of the words of the links that lead to it

  /* The terms of a section's link words, as the index has the words (whole words: a link names the rule) */
  function linkTerms(location) {
    if (!linkedTerms.has(location)) {
      var terms = new Set();
      (lexicon && lexicon.linked.get(location) || []).forEach(function (word) {
        indexTerms(word).forEach(function (term) { if (term[0] !== PART) terms.add(term); });
      });
      linkedTerms.set(location, terms);
    }
    return linkedTerms.get(location);
  }

  function linkedBy(location, alternative) {
    var terms = linkTerms(location);
    if (!terms.size) return false;
    if (!alternative.prefix) return terms.has(alternative.term);
    var found = false;
    terms.forEach(function (term) { if (!found && term.lastIndexOf(alternative.term, 0) === 0) found = true; });
    return found;
  }

  /* The base form of a word on the site, typed with or without ä/ö/å; null when the table does not know it */
  function baseOf(word) {
    if (!lexicon) return null;
    if (lexicon.bases.has(word)) return word;
    return lexicon.forms.get(word) || lexicon.folded.get(fold(word)) || null;
  }

  /* The terms a word of the site is indexed under: its base form and stem, and their folded copies */
  function indexTerms(word) {
    var terms = [];
    var base = baseOf(word);
    if (base) terms.push(base);
    terms.push(stem(word), word);
    // a compound's parts too, marked as parts: a reader's "häiriö" finds "häiriötilanteissa", after "häiriö"
    (lexicon.parts.get(base || word) || []).forEach(function (part) { terms.push(PART + part); });
    terms.slice().forEach(function (term) { terms.push(fold(term)); });
    var seen = new Set();
    return terms.filter(function (term) {
      if (!term || seen.has(term)) return false;
      seen.add(term);
      return true;
    });
  }

  /* Index side: a word as its terms (positions kept for highlighting) */
  function expand(token) {
    if (!indexing) return token;
    var word = token.toString();
    if (word[0] === ASKS) return token;
    return indexTerms(word).map(function (term) {
      return token.clone(function () { return term; });
    });
  }

  function install() {
    var lunr = self.lunr;
    if (!lunr || !language || !lunr[language] || lunr[language].guideline) return;
    var plugin = lunr[language];
    snowball = plugin.stemmer;
    stopWords = plugin.stopWordFilter;
    lunr.Pipeline.registerFunction(expand, "guideline-expand-" + language);
    var filter = stopWords;
    plugin.stopWordFilter = function (token) {
      if (indexing && field === "title" && asking(token.toString()))
        return token.update(function (word) { return ASKS + fold(word); });
      return filter(token);
    };
    lunr.Pipeline.registerFunction(plugin.stopWordFilter, "guideline-stop-words-" + language);
    // lunr[language] adds lunr[language].stemmer to both pipelines when Material builds the index
    plugin.stemmer = expand;
    plugin.guideline = true;
    // A word is indexed under several terms at one position (base form, stem, folded copies): when several
    // match, Material would mark the same word once per term and break its highlighting, so keep each once.
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function () {
      var results = query.apply(this, arguments);
      if (this === index) rank(results);
      results.forEach(function (result) {
        var seen = {}, metadata = result.matchData.metadata;
        Object.keys(metadata).forEach(function (term) {
          Object.keys(metadata[term]).forEach(function (field) {
            var data = metadata[term][field];
            if (!data || !data.position) return;
            var positions = seen[field] || (seen[field] = new Set());
            // a copy: lunr's match data holds the index's own posting of a term after its first (MatchData.add),
            // and filtering that in place took the positions out of the index for every later search
            metadata[term][field] = Object.assign({}, data, { position: data.position.filter(function (position) {
              var key = String(position);
              if (positions.has(key)) return false;
              positions.add(key);
              return true;
            }) });
          });
        });
      });
      return results;
    };
    // which field is being indexed: Material's tokenizer does not say, its field's extractor runs just before
    var defineField = lunr.Builder.prototype.field;
    lunr.Builder.prototype.field = function (name, attributes) {
      var extractor = attributes && attributes.extractor;
      var tracked = Object.assign({}, attributes, { extractor: function (doc) {
        field = name;
        return extractor ? extractor(doc) : doc[name];
      } });
      return defineField.call(this, name, tracked);
    };
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      index = build.apply(this, arguments);
      indexing = false;
      vocabulary = Object.keys(index.invertedIndex).filter(function (term) { return term[0] !== PART && term[0] !== ASKS; }).map(function (term) {
        var posting = index.invertedIndex[term], count = 0;
        Object.keys(posting).forEach(function (field) {
          if (field !== "_index") count += Object.keys(posting[field]).length;
        });
        return { term: term, count: count };
      });
      return index;
    };
  }

  self.importScripts = function () {
    var result = nativeImport.apply(self, arguments);
    install();
    return result;
  };

  function known(term) {
    return !!(index && Object.prototype.hasOwnProperty.call(index.invertedIndex, term));
  }

  function count(term) {
    for (var i = 0; i < vocabulary.length; i++) if (vocabulary[i].term === term) return vocabulary[i].count;
    return 0;
  }

  function hasPrefix(prefix) {
    if (prefix.length < 3) return false;
    for (var i = 0; i < vocabulary.length; i++)
      if (vocabulary[i].term.lastIndexOf(prefix, 0) === 0) return true;
    return false;
  }

  /* Exact terms of a word: its base form and its stem, when the index has them (folded copies included) */
  function exactTerms(word, parts) {
    var terms = [];
    var base = baseOf(word);
    if (base && known(base)) terms.push([base, BOOST_EXACT]);
    [stem(word), stem(fold(word)), fold(stem(word))].forEach(function (term) {
      if (known(term) && !terms.some(function (t) { return t[0] === term; })) terms.push([term, BOOST_STEM]);
    });
    if (parts !== false) [base || word, fold(base || word)].forEach(function (term) {
      if (known(PART + term) && !terms.some(function (t) { return t[0] === PART + term; }))
        terms.push([PART + term, BOOST_PART_OF]);
    });
    return terms;
  }

  /* A compound the index lacks, as two words it has: the first may be a compound's first part (a prefix) */
  function compoundTerms(word) {
    // the longest head whose tail is a word of the index; failing that, the split whose tail begins the most
    // letters of a word of the index ("kontostängning": konto, stäng-, not kontos, täng-)
    var best = null, guessed = null, guessedLength = 0;
    for (var i = word.length - 3; i >= 2; i--) {
      var head = word.slice(0, i), tail = word.slice(i);
      var tailTerms = exactTerms(tail);
      if (!tailTerms.length && (tail.length < 6 || guessed && tail.length <= guessedLength)) continue;
      // a two-letter head only as a word of the index before a word of it ("aibilder": ai, bilder)
      if (i < 3 && !(tailTerms.length && exactTerms(head).some(function (t) { return count(t[0]) >= 2; }))) continue;
      var headTerms = exactTerms(head).filter(function (t) { return head.length >= 5 || count(t[0]) >= 2; });
      if (!headTerms.length) {
        var stripped = language === "sv" && /s$/.test(head) ? head.slice(0, -1) : head;
        headTerms = exactTerms(stripped);
        if (!headTerms.length && stripped.length >= 4 && hasPrefix(fold(stripped))) headTerms = [[fold(stripped) + "*", BOOST_PREFIX]];
      }
      if (!headTerms.length) continue;
      // a Finnish adjective in -nen joins a compound in -s ("yhteistili": yhteinen, the heading's "yhteistä tiliä")
      if (language === "fi" && /is$/.test(head)) exactTerms(head.slice(0, -1) + "nen").forEach(function (t) {
        if (!headTerms.some(function (h) { return h[0] === t[0]; })) headTerms.push(t);
      });
      if (tailTerms.length) {
        best = parted(headTerms, tailTerms);
        break;
      }
      var beginning = knownBeginning(tail, 4);
      if (beginning.length && beginning[0][0].length - 1 > guessedLength) {
        guessed = parted(headTerms, beginning);
        guessedLength = beginning[0][0].length - 1;
      }
    }
    return best || guessed || [];
  }

  /* A compound's terms: the third item says which part a term stands for (the ranking counts each as a word) */
  function parted(headTerms, tailTerms) {
    return headTerms.map(function (t) { return [t[0], Math.min(t[1], BOOST_PART), 1]; })
      .concat(tailTerms.map(function (t) { return [t[0], Math.min(t[1], BOOST_PART), 2]; }));
  }

  /* The longest beginning of a word's stem that begins words of the index, at least shortest letters long */
  function knownBeginning(word, shortest) {
    var prefix = fold(stem(word));
    while (prefix.length >= shortest && !hasPrefix(prefix)) prefix = prefix.slice(0, -1);
    return prefix.length >= shortest ? [[prefix + "*", BOOST_PREFIX]] : [];
  }

  /* Optimal string alignment distance, given up beyond limit */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = null, previous = [], current;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, previous2[j - 2] + 1);
        current.push(value);
        if (value < smallest) smallest = value;
      }
      if (smallest > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* Words of the index within one edit (two for long words) of the typed word or its stem */
  function typoTerms(word, most) {
    var typed = fold(word), stemmed = fold(stem(word));
    // as many edits as the word compared allows: a long word's short stem ("juttuihin", "jutu") is no
    // closer to "muu" for the word being long
    function allowed(compared) {
      return Math.min(most, compared.length >= 8 ? 2 : compared.length >= 4 ? 1 : 0);
    }
    var limit = allowed(typed), stemLimit = allowed(stemmed);
    if (!limit) return [];
    var found = [];
    vocabulary.forEach(function (entry) {
      if (entry.term.length < 3) return;
      var d = distance(typed, entry.term, limit);
      var e = stemLimit ? distance(stemmed, entry.term, stemLimit) : Infinity;
      if (e <= stemLimit) d = Math.min(d, e);
      if (d <= limit) found.push({ term: entry.term, d: d, count: entry.count });
    });
    found.sort(function (a, b) { return a.d - b.d || b.count - a.count; });
    var closest = found.length ? found[0].d : 0;
    return found.filter(function (f) { return f.d === closest; }).slice(0, 3).map(function (f) {
      return [f.term, BOOST_TYPO];
    });
  }

  /* Whether the index has terms only in sections of pages weighted below half (front matter search: boost) */
  function aside(terms) {
    return terms.every(function (t) {
      var posting = index.invertedIndex[t[0]] || {};
      return Object.keys(posting).every(function (name) {
        return name === "_index" || Object.keys(posting[name]).every(function (ref) {
          var document = documents.get(ref);
          return document && document.boost !== undefined && document.boost < 0.5;
        });
      });
    });
  }

  /* A Swedish verbal noun in -ning/-ing (stängning, registreringen) as the beginning of its verb's words */
  function actionTerms(word) {
    var found = language === "sv" && /^(.{4,}?)n?ing(en|ar|arna|s)?$/.exec(fold(word));
    return found && hasPrefix(found[1]) ? [[found[1] + "*", BOOST_PREFIX]] : [];
  }

  /* Every way a typed word can meet the index, best first */
  function termsOf(word, guess) {
    var terms = exactTerms(word);
    var prefix = fold(stem(word));
    if (!terms.length && hasPrefix(prefix)) terms.push([prefix + "*", BOOST_PREFIX]);
    if (!guess) return terms;
    // a Swedish noun of an action the text writes as a verb ("stängning av konton": "stäng kontot")
    if (!terms.length) terms = actionTerms(word);
    // a long word one edit from a word of the index is a typo rather than a compound ("salsana", "sektorschef")
    if (!terms.length && word.length >= 7) terms = typoTerms(word, 1);
    // a compound that only a page weighted down writes (the sources' "vastausaika"): its parts find the rules
    if (terms.length && aside(terms)) terms = terms.concat(compoundTerms(word));
    if (!terms.length) terms = compoundTerms(word);
    if (!terms.length) terms = typoTerms(word, 2);
    if (!terms.length && word.length >= 7) terms = knownBeginning(word, 5);
    return terms;
  }

  var synonymStems = null; // the listed words by their stems, so that their other forms are helped too

  /* A listed word in a form its stem does not show ("vihaiseen" of "vihainen", "trollien" of "trolli"): the
     typed word begins with all of the listed word but its last three letters, five at least; the longest wins */
  function inflectedSynonym(word) {
    var typed = fold(word), best = null, length = 0;
    // Finnish only (Snowball joins Swedish forms), and only an ending after them: "lösenordsbyte" is no form of
    // "lösenordsbok", nor "käyttäjäesto" of "käyttäjätunnus"
    if (language !== "fi" || typed.length < 6) return null;
    lexicon.synonyms.forEach(function (meant, listed) {
      var plain = fold(listed), n = 0;
      while (n < plain.length && n < typed.length && plain[n] === typed[n]) n++;
      if (n >= Math.max(5, plain.length - 3) && typed.length - n <= 6 && n > length) { best = meant; length = n; }
    });
    return best;
  }

  function synonymTerms(word) {
    if (lexicon && !synonymStems) {
      synonymStems = new Map();
      lexicon.synonyms.forEach(function (meant, listed) {
        if (!synonymStems.has(fold(stem(listed)))) synonymStems.set(fold(stem(listed)), meant);
      });
    }
    var meant = lexicon && (lexicon.synonyms.get(word) || lexicon.synonyms.get(fold(word)) ||
                            lexicon.synonyms.get(baseOf(word) || "") ||
                            // another form of a listed word, unless it is a word of the site
                            (!known(baseOf(word) || word) && (synonymStems.get(fold(stem(word))) || inflectedSynonym(word))));
    var terms = [];
    // each word of the meant phrase counts as a word of the query ("maksettu mainonta": both, best)
    (meant || []).forEach(function (phrase) {
      phrase.split(/[\s-]+/).filter(function (part) { return !(stopWords && !stopWords(part)); })
        .forEach(function (part, n) {
          exactTerms(part).forEach(function (t) { terms.push([t[0], BOOST_SYNONYM, "s" + n]); });
          // the list may name the beginning of the guideline's words ("provosoi": provosoida, "Älä provosoidu")
          if (part.length >= 5 && hasPrefix(fold(part))) terms.push([fold(part) + "*", BOOST_SYNONYM_BEGINNING, "s" + n]);
        });
    });
    return terms;
  }

  /*
   * Ranking. lunr adds up every term of the rewritten query, so a word that became four terms (base form, stem,
   * folded copies) or a common word in a heading (x1000) outweighs the rare words that name the rule; Material
   * then boosts by the share of terms found. Instead each of the reader's words counts once, by its best term:
   * the term's confidence (exact base form above stem, prefix, correction) times its rarity among the
   * language's sections (BM25's idf), more for a heading than for the text; the sum is scaled by the share of
   * the query's rarity the section covers, so a section with all the rare words comes before one with many
   * common ones, and by the page's own weight (front matter, hooks/search_per_language.py). A word in the first
   * three blocks of a section's text (paragraphs, lists) counts twice: a rule opens with what it is about
   * ("Vaitiolovelvollisuus on somessa erityisen tärkeä"), where another section mentions it in passing.
   */
  var SHOWN = { near: 0.5, most: 3 }; // sections of a page shown openly: those scoring near its best, at most
  var RANK = { heading: 4, coverage: 0.5, lead: 1, leadBlocks: 2, earlier: 0.1, phrase: 0.5, pageTitle: 1, linked: 3 };
  var documents = new Map(); // location -> {boost, parent}
  var ranked = new Map(); // location -> score of the query being answered

  /* Whether two words' hits (their alternatives) stand in one block, at most one word between them */
  function beside(first, second) {
    var places = new Set();
    first.forEach(function (hit) {
      hit.at.forEach(function (at) {
        var cut = at.lastIndexOf(":"), block = at.slice(0, cut), n = +at.slice(cut + 1);
        for (var d = -2; d <= 2; d++) if (d) places.add(block + ":" + (n + d));
      });
    });
    return second.some(function (hit) { return hit.at.some(function (at) { return places.has(at); }); });
  }

  function saturate(tf) {
    return tf ? tf * 2.2 / (tf + 1.2) : 0;
  }

  function rank(results) {
    ranked = new Map();
    if (!plan.length) return;
    var total = documents.size || 1;
    var hits = new Map(), found = plan.map(function (slot) { return slot.alternatives.map(function () { return 0; }); });
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, keys = Object.keys(metadata);
      hits.set(result.ref, plan.map(function (slot, i) {
        return slot.alternatives.map(function (alternative, j) {
          var hit = { title: false, tf: 0, lead: false, first: Infinity, at: [] };
          keys.forEach(function (key) {
            if (alternative.prefix ? key.lastIndexOf(alternative.term, 0) !== 0 : key !== alternative.term) return;
            if (metadata[key].title) hit.title = true;
            ["title", "text"].forEach(function (name) {
              if (metadata[key][name]) metadata[key][name].position.forEach(function (at) { hit.at.push(name + (at >> 20) + ":" + (at & 0xfffff)); });
            });
            if (metadata[key].text) {
              hit.tf = Math.max(hit.tf, metadata[key].text.position.length);
              // Material's positions: the block of the text (a top-level paragraph or list) << 20 | the word in it
              metadata[key].text.position.forEach(function (at) { hit.first = Math.min(hit.first, at >> 20); });
              if (hit.first <= RANK.leadBlocks) hit.lead = true;
            }
          });
          if (hit.title || hit.tf) found[i][j]++;
          return hit;
        });
      }));
    });
    var rarity = found.map(function (counts) {
      return counts.map(function (df) { return df ? Math.log(1 + (total - df + 0.5) / (df + 0.5)) : 0; });
    });
    // a word's terms are weighed against the word's best term that the index has: a word only the stemmer or a
    // correction finds weighs as much as one found as typed, but its better terms still come first
    var sure = plan.map(function (slot, i) {
      return Math.max.apply(null, [1e-9].concat(slot.alternatives.map(function (a, j) {
        return found[i][j] ? a.confidence : 0;
      })));
    });
    var worth = plan.map(function (slot, i) {
      return slot.weight * Math.max.apply(null, [0].concat(slot.alternatives.map(function (a, j) {
        return a.confidence / sure[i] * rarity[i][j];
      })));
    });
    var most = worth.reduce(function (a, b) { return a + b; }, 0) || 1;
    results.forEach(function (result) {
      var own = hits.get(result.ref), document = documents.get(result.ref) || {};
      // a section stands under its page's title ("Työntekijä" under "Roolit ja vastuut"): a word of that title
      // counts for the section too, less than its own heading
      var page = document.parent && hits.get(document.parent);
      var sum = 0, covered = 0;
      plan.forEach(function (slot, i) {
        var best = 0;
        slot.alternatives.forEach(function (alternative, j) {
          var hit = own[i][j];
          // what another rule's link to the section says counts as a heading of it, less than its own
          var heading = hit.title ? RANK.heading : hit.tf && linkedBy(result.ref, alternative) ? RANK.linked :
                        page && page[i][j].title ? RANK.pageTitle : 0;
          // and the earlier the better, a little: the section that opens with the word before one that lists it
          var said = saturate(hit.tf) * (hit.lead ? 1 + RANK.lead : 1) * (1 + RANK.earlier / (1 + hit.first));
          best = Math.max(best, alternative.confidence / sure[i] * rarity[i][j] * (heading + said));
        });
        sum += slot.weight * best;
        if (best > 0) covered += worth[i];
      });
      // the reader's neighbouring words side by side in the heading or a paragraph ("saman salasanan": "Älä käytä
      // samaa salasanaa"), at most one word apart: the section says what the reader asked, not each word apart
      var pairs = 0, together = 0;
      plan.forEach(function (slot, i) {
        plan.forEach(function (next, k) {
          if (slot.word === undefined || next.word !== slot.word + 1) return;
          pairs++;
          if (beside(own[i], own[k])) together++;
        });
      });
      if (together) sum *= 1 + RANK.phrase * together / pairs;
      ranked.set(result.ref, (document.boost || 1) * sum * Math.pow(covered / most, RANK.coverage));
    });
  }

  var asked = []; // the reader's words of the query being answered, and the terms each became
  var plan = []; // what the ranking weighs: per word (or compound part) its terms, each with its confidence

  /* Plain words are rewritten; quoted phrases, +required, -excluded and field: terms pass unchanged */
  function rewrite(query) {
    asked = [];
    plan = [];
    if (!index || !lexicon) return query;
    var parts = query.trim().split(/\s+/);
    var plain = parts.filter(function (part) { return WORD.test(part) || /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+$/u.test(part); });
    var meaningful = plain.filter(function (part) { return !meaningless(part.toLowerCase()); });
    var out = [], kept = [], typed = 0; // typed: the number of the reader's word being rewritten
    parts.forEach(function (part) {
      if (plain.indexOf(part) < 0) { out.push(part); kept.push(""); return; }
      var word = part.toLowerCase();
      if (meaningful.length && meaningless(word)) {
        kept.push("");  // no join across a dropped "ja"
        // a question word counts only where a heading asks it too
        if (asking(word) && known(ASKS + fold(word))) {
          plan.push({ weight: ASKED_WEIGHT, asks: true, alternatives: [{ term: ASKS + fold(word), prefix: false, confidence: 1 }] });
          out.push(ASKS + fold(word) + "^1");
        }
        return;
      }
      var terms = synonymTerms(word);
      var pieces = /-/.test(word) && !terms.length ? word.split("-") : [word];
      pieces.forEach(function (piece, n) {
        if (piece.length < 2 && pieces.length > 1) return;
        // a word on the list of synonyms is not guessed at (split, corrected) as well
        var synonym = terms.length;
        terms = terms.concat(termsOf(piece, !terms.length).map(function (t) {
          // the word itself stands beside the first word of its synonym
          return synonym ? [t[0], t[1], "s0"] : pieces.length > 1 ? [t[0], t[1], n + "." + (t[2] || 0)] : t;
        }));
      });
      var seen = new Set();
      terms = terms.filter(function (t) { if (seen.has(t[0])) return false; seen.add(t[0]); return true; });
      asked.push({ word: part, terms: terms.map(function (t) { return t[0].replace(/\*$/, ""); }) });
      var slots = {};
      terms.forEach(function (t) {
        var slot = slots[t[2] || 0] || (slots[t[2] || 0] = { alternatives: [] });
        slot.alternatives.push({ term: t[0].replace(/\*$/, ""), prefix: /\*$/.test(t[0]), confidence: t[1] / BOOST_EXACT });
      });
      var keys = Object.keys(slots);
      keys.forEach(function (key) {
        slots[key].weight = (weak(word) ? WEAK_WEIGHT : 1) / keys.length;
        slots[key].word = typed;
        plan.push(slots[key]);
      });
      typed++;
      terms.forEach(function (t) { out.push(t[0] + "^" + t[1]); });
      if (!terms.length) out.push(word + "^1");
      kept.push(word);
    });
    // a compound typed apart ("yksityis viestit", "arbets roll"): two neighbours that make a word of the index
    // count once more, as that word
    for (var i = 0; i + 1 < kept.length; i++) {
      if (!WORD.test(kept[i]) || !WORD.test(kept[i + 1])) continue;
      var joined = exactTerms(kept[i] + kept[i + 1], false);
      if (!joined.length) continue;
      plan.push({ weight: 1, alternatives: joined.map(function (t) {
        return { term: t[0], prefix: false, confidence: t[1] / BOOST_EXACT };
      }) });
      joined.forEach(function (t) { out.push(t[0] + "^" + t[1]); });
    }
    return out.join(" ");
  }

  /* Material's terms were our rewritten terms: give each result the page's own matched words to highlight,
     and the reader's words it lacks */
  /* Each result gets the ranking's score; pages are ordered by their best result, results within a page too
     (Material shows a page's best results openly and folds the others under "N more on this page") */
  function reorder(result) {
    if (!ranked.size || !result || !result.items) return result;
    result.items.forEach(function (group) {
      group.forEach(function (item) { if (ranked.has(item.location)) item.score = ranked.get(item.location); });
      group.sort(function (a, b) { return b.score - a.score; });
    });
    result.items.sort(function (a, b) { return b[0].score - a[0].score; });
    // Material shows a page's sections openly only where they score as its best, and folds the rest under
    // "N more on this page": a section that answers nearly as well is shown too (in this order), not hidden
    result.items.forEach(function (group) {
      var best = group[0].score, open = 1;
      group.forEach(function (item, n) {
        if (n && open < SHOWN.most && item.score >= SHOWN.near * best && item.location.indexOf("#") >= 0) {
          item.score = best;
          open++;
        }
      });
    });
    return result;
  }

  function relabel(result) {
    result = reorder(result);
    if (!asked.length || !result || !result.items) return result;
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        var matched = Object.keys(item.terms || {}).filter(function (term) { return item.terms[term]; });
        var terms = {};
        var marked = /<mark[^>]*>([^<]+)<\/mark>/g, found;
        [item.title || "", item.text || ""].forEach(function (field) {
          while ((found = marked.exec(field)) !== null) {
            var word = found[1].toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
            if (word) terms[word] = true;
          }
        });
        asked.forEach(function (entry) {
          var hit = entry.terms.some(function (term) {
            return matched.some(function (m) { return m.lastIndexOf(term, 0) === 0 || term.lastIndexOf(m, 0) === 0; });
          });
          if (!hit && Object.keys(item.terms || {}).length) terms[entry.word] = false;
        });
        if (Object.keys(item.terms || {}).length) item.terms = terms;
      });
    });
    return result;
  }

  self.postMessage = function (message) {
    if (message && message.type === 3) message = { type: 3, data: relabel(message.data) };
    return post.apply(self, [message].concat([].slice.call(arguments, 1)));
  };

  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === 0) {
        language = message.data.config.lang[0];
        documents = new Map();
        message.data.docs.forEach(function (doc) {
          var page = doc.location.split("#")[0];
          documents.set(doc.location, { boost: doc.boost, parent: page !== doc.location ? page : null });
        });
        lexicon = readLexicon(message.data.config.lexicon);
        linkedTerms = new Map();
        synonymStems = null;
        indexing = true;
      }
      if (message && message.type === 2 && typeof message.data === "string") {
        return handler({ data: { type: 2, data: rewrite(message.data) } });
      }
      return handler(event);
    }, options);
  };

  importScripts(new URL(location.href).searchParams.get("material"));
})();
