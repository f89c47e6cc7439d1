/*
 * The SCORM 1.2 adapter of the onboarding quiz's package (guideline/exports/scorm.py), loaded before quiz.js.
 *
 * It looks for the learning platform's (LMS) API as SCORM 1.2 prescribes: up the window.parent chain, then from
 * window.opener. Without one it does nothing at all, and the page works as the quiz on the site. With one it
 * opens a session (LMSInitialize), gives the quiz the attempt saved in cmi.suspend_data and the learner's name
 * from cmi.core.student_name, saves every change of the attempt there, reports the result (lesson_status passed
 * or failed, score.raw/min/max) and ends the session once, when the page goes away (pagehide: session_time,
 * LMSCommit, LMSFinish). Nothing is sent anywhere else.
 *
 * The session is the quiz's host (quiz.js reads window.GuidelineQuizHosts[id] when it starts, so this script runs
 * first): storage.load() and storage.save(state) keep the attempt in cmi.suspend_data (save is false when it does
 * not fit), learnerName fills the receipt, onResult({right, total, passed}) reports the result on submit and on
 * restore, and texts replace the intro and the storage note with what is true inside an LMS.
 */
(function () {
  "use strict";

  var SEARCH_LIMIT = 7;          // parents to climb, as in ADL's SCORM 1.2 API wrapper
  var SUSPEND_LIMIT = 4096;      // cmi.suspend_data is a CMIString4096 in SCORM 1.2
  var CODEC = "g1";              // the first field of our suspend_data, so a future format can tell ours apart

  /* --- Finding the LMS ------------------------------------------------------------------------------------ */

  function apiOf(win) {
    try {
      return win.API && typeof win.API.LMSInitialize === "function" ? win.API : null;
    } catch (error) {
      return null;  // a window of another origin: not ours to read
    }
  }

  function searchUp(win) {
    for (var tries = 0; win && tries <= SEARCH_LIMIT; tries++) {
      var api = apiOf(win);
      if (api) return api;
      var parent;
      try {
        parent = win.parent;
      } catch (error) {
        return null;
      }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  function findAPI(win) {
    var api = searchUp(win);
    if (!api && win.opener) api = searchUp(win.opener);
    return api;
  }

  /* --- SCORM 1.2 values -------------------------------------------------------------------------------------- */

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  /* CMITimespan: HHHH:MM:SS.SS */
  function sessionTime(milliseconds) {
    var hundredths = Math.max(0, Math.floor(milliseconds / 10));
    var seconds = Math.floor(hundredths / 100);
    return pad(Math.min(9999, Math.floor(seconds / 3600)), 4) + ":" + pad(Math.floor(seconds / 60) % 60, 2) + ":" +
      pad(seconds % 60, 2) + "." + pad(hundredths % 100, 2);
  }

  /* cmi.core.student_name is "Lastname, Firstname"; the receipt says "Firstname Lastname". */
  function learnerName(raw) {
    var parts = String(raw || "").split(",");
    var last = parts.shift().trim();
    var first = parts.join(",").trim();
    return (first ? first + " " + last : last).trim();
  }

  /* A percentage that never rounds up past the pass mark: 79.99 for 79.995 %. */
  function scoreRaw(right, total) {
    return total ? String(Math.floor((right * 10000) / total) / 100) : "0";
  }

  /* --- The attempt, compact for suspend_data ---------------------------------------------------------------- */

  /* The pool as the page's index lists it (quiz-core.js poolOf): each question's id and option values, in the
     pool's order, which the attempt's encoding refers to. */
  function readPool(form) {
    var index = document.querySelector('[data-quiz-pool="' + form.dataset.quiz + '"]');
    return window.QuizCore.poolOf(index ? JSON.parse(index.textContent) : null);
  }

  /* One character per option value: "1".."9", "a" for 10 (base 36); "t" and "f" for true and false. */
  function valueChar(value) {
    if (value === "true" || value === "false") return value.charAt(0);
    return Number(value).toString(36);
  }

  function charValue(char, values) {
    var value = char === "t" ? "true" : char === "f" ? "false" : String(parseInt(char, 36));
    return values.indexOf(value) >= 0 ? value : null;
  }

  /* g1|version|submitted|YYYY-MM-DD|question,question... where a question is its place in the pool (base 36),
     its options in the order shown and the chosen ones: "3:2143:1". A 20-question attempt takes about 250
     characters of the 4096. */
  function encode(state, pool) {
    var index = {};
    pool.forEach(function (question, place) { index[question.id] = place; });
    var questions = (state.drawn || []).filter(function (id) { return id in index; }).map(function (id) {
      var order = (state.options && state.options[id]) || [];
      var chosen = (state.answers && state.answers[id]) || [];
      return index[id].toString(36) + ":" + order.map(valueChar).join("") + ":" + chosen.map(valueChar).join("");
    });
    return [CODEC, state.version || "", state.submitted ? "1" : "0", state.submittedOn || "", questions.join(",")]
      .join("|");
  }

  /* The attempt back, or null when it is not ours or was made from other content (then a new attempt starts). */
  function decode(text, pool, version) {
    var fields = String(text || "").split("|");
    if (fields.length !== 5 || fields[0] !== CODEC || fields[1] !== version) return null;
    var state = { version: version, answers: {}, checked: [], options: {}, drawn: [], submitted: fields[2] === "1" };
    if (fields[3]) state.submittedOn = fields[3];
    var entries = fields[4] ? fields[4].split(",") : [];
    for (var i = 0; i < entries.length; i++) {
      var parts = entries[i].split(":");
      var question = pool[parseInt(parts[0], 36)];
      if (parts.length !== 3 || !question) return null;
      var order = parts[1].split("").map(function (char) { return charValue(char, question.values); });
      var chosen = parts[2] ? parts[2].split("").map(function (char) { return charValue(char, question.values); }) : [];
      if (order.indexOf(null) >= 0 || chosen.indexOf(null) >= 0) return null;
      state.drawn.push(question.id);
      state.options[question.id] = order;
      if (chosen.length) state.answers[question.id] = chosen;
    }
    return state;
  }

  /* --- The session with the LMS ----------------------------------------------------------------------------- */

  function Session(api, pool, version, texts) {
    this.api = api;
    this.pool = pool;
    this.version = version;
    this.texts = texts;
    this.started = Date.now();
    this.finished = false;
    this.ok = String(api.LMSInitialize("")) === "true";
    if (!this.ok) return;
    var status = this.get("cmi.core.lesson_status");
    this.passed = status === "passed";
    if (status === "not attempted" || status === "") this.set("cmi.core.lesson_status", "incomplete");
    this.learnerName = learnerName(this.get("cmi.core.student_name"));
    var self = this;
    this.storage = {
      load: function () { return decode(self.get("cmi.suspend_data"), self.pool, self.version); },
      /* false when the attempt would not fit: the LMS then keeps no attempt, rather than a stale one, and a
         learner who leaves before the end starts a new attempt next time (the result is reported all the same). */
      save: function (state) {
        var text = encode(state, self.pool);
        var fits = text.length <= SUSPEND_LIMIT;
        self.set("cmi.suspend_data", fits ? text : "");
        if (!state.submitted) self.set("cmi.core.exit", "suspend");
        self.api.LMSCommit("");
        return fits;
      }
    };
  }

  Session.prototype.get = function (element) {
    return String(this.api.LMSGetValue(element) || "");
  };

  Session.prototype.set = function (element, value) {
    return String(this.api.LMSSetValue(element, value)) === "true";
  };

  /* The result of a submitted attempt. A learner who passed once stays passed in this session: a retake that
     fails does not take the completed training away. */
  Session.prototype.report = function (result) {
    this.passed = this.passed || result.passed;
    this.set("cmi.core.score.min", "0");
    this.set("cmi.core.score.max", "100");
    this.set("cmi.core.score.raw", scoreRaw(result.right, result.total));
    this.set("cmi.core.lesson_status", this.passed ? "passed" : "failed");
    this.set("cmi.core.exit", "");
    this.api.LMSCommit("");
  };

  /* Once, when the page goes away. */
  Session.prototype.end = function () {
    if (this.finished || !this.ok) return;
    this.finished = true;
    this.set("cmi.core.session_time", sessionTime(Date.now() - this.started));
    this.api.LMSCommit("");
    this.api.LMSFinish("");
  };

  /* --- Start ------------------------------------------------------------------------------------------------- */

  var form = document.querySelector('form[data-quiz-mode="onboarding"]');
  var api = form && findAPI(window);
  if (!api) return;
  var texts = JSON.parse(document.querySelector("[data-lms-strings]").textContent);
  var session = new Session(api, readPool(form), form.dataset.quizVersion, texts);
  if (!session.ok) return;
  var hosts = window.GuidelineQuizHosts = window.GuidelineQuizHosts || {};
  hosts[form.dataset.quiz] = {
    storage: session.storage,
    learnerName: session.learnerName,
    onResult: function (result) { session.report(result); },
    texts: { intro: texts.intro, storage_note: texts.storage, storage_off: texts.not_saved }
  };
  window.addEventListener("pagehide", function () { session.end(); });
})();
