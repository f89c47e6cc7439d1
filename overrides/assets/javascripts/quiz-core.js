/*
 * The quiz's logic as pure functions: drawing an attempt, scoring, the pass rule, the verdict of one answer,
 * plural-aware texts and the check of saved progress. No DOM and no storage here, so every rule is unit-tested
 * with Node's own test runner (tests/js/quiz-core.test.js). A plain script with no build step: in the browser it
 * defines window.QuizCore (quiz.js and scorm12.js read it), in Node it is a CommonJS module.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.QuizCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function unique(list) {
    return list.filter(function (item, index) { return list.indexOf(item) === index; });
  }

  /* Fisher-Yates on a copy; random() is Math.random unless a test gives its own. */
  function shuffle(list, random) {
    var copy = list.slice();
    random = random || Math.random;
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var kept = copy[i];
      copy[i] = copy[j];
      copy[j] = kept;
    }
    return copy;
  }

  function sameSet(first, second) {
    return first.length === second.length && first.every(function (item) { return second.indexOf(item) >= 0; });
  }

  /* The questions not in the previous attempt first (in random order), then the others (in random order). */
  function unseenFirst(ids, previous, random) {
    var unseen = ids.filter(function (id) { return previous.indexOf(id) < 0; });
    var seen = ids.filter(function (id) { return previous.indexOf(id) >= 0; });
    return shuffle(unseen, random).concat(shuffle(seen, random));
  }

  /*
   * One attempt from the pool [{id, chapter}]: at least perChapter questions of every chapter, count in all, in
   * random order. Questions that were not in the previous attempt are taken before any that were, so a retake
   * repeats a question only where a chapter or the pool has too few others.
   * Returns {drawn: [id...], fresh: how many of them were not in the previous attempt}.
   */
  function draw(pool, count, perChapter, previous, random) {
    previous = previous || [];
    var chapters = [];
    var byChapter = {};
    pool.forEach(function (question) {
      if (!has(byChapter, question.chapter)) {
        byChapter[question.chapter] = [];
        chapters.push(question.chapter);
      }
      byChapter[question.chapter].push(question.id);
    });
    var chosen = [];
    chapters.forEach(function (chapter) {
      chosen = chosen.concat(unseenFirst(byChapter[chapter], previous, random).slice(0, perChapter));
    });
    var rest = unseenFirst(pool.map(function (question) { return question.id; }).filter(function (id) {
      return chosen.indexOf(id) < 0;
    }), previous, random);
    var drawn = shuffle(chosen.concat(rest.slice(0, Math.max(0, count - chosen.length))), random);
    return {
      drawn: drawn,
      fresh: drawn.filter(function (id) { return previous.indexOf(id) < 0; }).length
    };
  }

  /* One answer: "right" (exactly the right options), "partly" (some right ones chosen, not exactly), "wrong",
     or "none" when nothing was chosen. */
  function verdict(chosen, correct) {
    if (!chosen.length) return "none";
    if (sameSet(unique(chosen), unique(correct))) return "right";
    var some = chosen.some(function (value) { return correct.indexOf(value) >= 0; });
    return some ? "partly" : "wrong";
  }

  /* answers: [{chosen, correct}] of the attempt's questions. */
  function score(answers) {
    var right = answers.filter(function (answer) { return verdict(answer.chosen, answer.correct) === "right"; }).length;
    var total = answers.length;
    return { right: right, total: total, percent: total ? Math.floor((100 * right) / total) : 0 };
  }

  /* At least passMark per cent right: 16 of 20 passes at 80, 79.5 % does not. An attempt without questions
     never passes. */
  function passed(right, total, passMark) {
    return total > 0 && right * 100 >= passMark * total;
  }

  /* CLDR's plural category of a whole number in Finnish and Swedish: "one" for 1, "other" for the rest. */
  function pluralForm(count) {
    return Number(count) === 1 ? "one" : "other";
  }

  /* A text of the fi/sv table with its {placeholders} filled in. A text that says a number of things is
     {one, other} and its form is chosen by values.count, as in hooks/guideline/strings.py. A placeholder that
     the caller does not fill is a programming error: it throws rather than showing "{x}" to a reader. */
  function format(text, values) {
    values = values || {};
    if (isPlainObject(text)) {
      if (!has(values, "count")) throw new Error("a plural text needs {count}");
      text = text[pluralForm(values.count)];
    }
    if (typeof text !== "string") throw new Error("no such text");
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      if (!has(values, key)) throw new Error("the text needs {" + key + "}");
      return String(values[key]);
    });
  }

  /*
   * Saved progress as far as it fits this quiz, or null to start afresh. shape: {version, values: {id: [option
   * values]}, draw: how many questions an attempt has (0: every question, in the page's order)}.
   * Whatever does not fit is dropped: unknown fields and ids, values the question lacks, an option order that is
   * not a reordering of the question's options. An attempt whose drawn questions do not fit is not kept at all.
   */
  function validState(saved, shape) {
    if (!isPlainObject(saved) || saved.version !== shape.version) return null;
    var values = shape.values;
    var ids = Object.keys(values);
    var state = { version: shape.version, drawn: [], options: {}, answers: {}, checked: [], submitted: false };
    if (shape.draw) {
      if (!Array.isArray(saved.drawn)) return null;
      var drawn = unique(saved.drawn.filter(function (id) { return typeof id === "string" && has(values, id); }));
      if (drawn.length !== shape.draw || drawn.length !== saved.drawn.length) return null;
      state.drawn = drawn;
    } else {
      state.drawn = ids.slice();
    }
    var options = isPlainObject(saved.options) ? saved.options : {};
    var answers = isPlainObject(saved.answers) ? saved.answers : {};
    state.drawn.forEach(function (id) {
      var order = has(options, id) ? options[id] : null;
      if (Array.isArray(order) && sameSet(unique(order), values[id]) && order.length === values[id].length) {
        state.options[id] = order.slice();
      }
      var chosen = has(answers, id) ? answers[id] : null;
      if (Array.isArray(chosen)) {
        chosen = unique(chosen.filter(function (value) { return values[id].indexOf(value) >= 0; }));
        if (chosen.length) state.answers[id] = chosen;
      }
    });
    if (Array.isArray(saved.checked)) {
      state.checked = unique(saved.checked.filter(function (id) { return has(state.answers, id); }));
    }
    var complete = state.drawn.length > 0 && state.drawn.every(function (id) { return has(state.answers, id); });
    if (saved.submitted === true && complete) {
      state.submitted = true;
      if (typeof saved.submittedOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(saved.submittedOn)) {
        state.submittedOn = saved.submittedOn;
      }
    }
    return state;
  }

  /*
   * The onboarding pool's index, as its page carries it: {chapters: [chapter...], questions: [[id, the chapter's
   * place, type, [option values...]]...]}, as [{id, chapter, type, values}] in the pool's order. An entry of
   * another shape, or an id given twice, is left out; an index that is not one gives an empty pool.
   */
  function poolOf(index) {
    if (!isPlainObject(index) || !Array.isArray(index.chapters) || !Array.isArray(index.questions)) return [];
    var seen = {};
    var pool = [];
    index.questions.forEach(function (entry) {
      if (!Array.isArray(entry) || entry.length !== 4 || typeof entry[0] !== "string" || has(seen, entry[0])) return;
      var chapter = index.chapters[entry[1]];
      var values = entry[3];
      if (typeof chapter !== "string" || typeof entry[2] !== "string" || !Array.isArray(values) || !values.length ||
          !values.every(function (value) { return typeof value === "string"; })) return;
      seen[entry[0]] = true;
      pool.push({ id: entry[0], chapter: chapter, type: entry[2], values: values.slice() });
    });
    return pool;
  }

  /* The file of one question beside the page (folder ends in "/"), with the content version, so that a browser
     never shows a question it keeps from another version of the quiz. */
  function questionPath(folder, id, version) {
    return folder + encodeURIComponent(id) + ".html?v=" + encodeURIComponent(version);
  }

  /* The ids of a list that known (an object by id) lacks, in the list's order, each once. */
  function missing(ids, known) {
    return unique(ids.filter(function (id) { return !has(known, id); }));
  }

  /* Whether a fetched question is the one the index describes: its type, and its inputs' values in order. A file
     from another version of the site (an old copy in a cache, a deploy half done) is refused, not half used. */
  function fits(entry, type, values) {
    return !!entry && entry.type === type && values.length === entry.values.length &&
      values.every(function (value, index) { return value === entry.values[index]; });
  }

  return {
    poolOf: poolOf,
    questionPath: questionPath,
    fits: fits,
    missing: missing,
    shuffle: shuffle,
    sameSet: sameSet,
    draw: draw,
    verdict: verdict,
    score: score,
    passed: passed,
    pluralForm: pluralForm,
    format: format,
    validState: validState
  };
});
