/*
 * Quizzes generated from quizzes/ (hooks/quizzes.py): two small components on one base, in the manner of GOV.UK
 * Frontend's components. Each has one root, a <form data-quiz-mode="self-check|onboarding">, marked
 * data-quiz-ready once started; its strings come from the page (a JSON block of the fi/sv table) and its markup
 * from <template>s, filled with textContent only. data-quiz-* attributes are its only hooks (classes are styles).
 * The rules (draw, score, pass, verdict, texts, saved progress) are pure functions in quiz-core.js.
 *
 * Progressive enhancement: without JavaScript every question already reads well, its answer behind a disclosure
 * (the onboarding page, which carries only its pool's index, links the chapters' self-checks that hold them).
 * With it the disclosure gives way to checking and feedback; the onboarding quiz draws an attempt and fetches its
 * questions from the files beside its page (same origin, our own template's output, parsed, never built from
 * text), with a message and a retry when they cannot be loaded; progress is kept in this browser's localStorage, or
 * in what a host gives (the SCORM adapter, scorm12.js: window.GuidelineQuizHosts[id] = {storage: {load(),
 * save(state) -> false if it did not fit}, learnerName, onResult({right, total, passed}), texts: {intro,
 * storage_note, storage_off}}). Nothing is ever sent anywhere by this script.
 *
 * Each action of the reader is announced once: either focus moves to what changed (a verdict, the result, the
 * error summary) or the form's one live region says it, never both.
 */
(function () {
  "use strict";

  var core = window.QuizCore;
  var STORAGE_PREFIX = "guideline-quiz:";
  // How long one question file may take to come before the reader is told and offered a retry (milliseconds).
  var FETCH_TIMEOUT = 20000;
  var each = function (list, callback, self) { Array.prototype.forEach.call(list, callback, self); };
  var toArray = function (list) { return Array.prototype.slice.call(list); };

  /* --- Storage: this browser's localStorage, which may be missing (private mode, blocked) or full ----------- */

  function localStorageFor(key) {
    var store = null;
    try {
      store = window.localStorage;
      store.setItem(STORAGE_PREFIX + "probe", "1");
      store.removeItem(STORAGE_PREFIX + "probe");
    } catch (error) {
      store = null;
    }
    return {
      available: !!store,
      load: function () {
        try {
          return store ? JSON.parse(store.getItem(key)) : null;
        } catch (error) {
          return null;  // unreadable: start afresh
        }
      },
      save: function (state) {
        try {
          if (!store) return false;
          store.setItem(key, JSON.stringify(state));
          return true;
        } catch (error) {
          return false;  // full quota: go on without saving
        }
      },
      remove: function () {
        try {
          if (store) store.removeItem(key);
        } catch (error) {
          /* nothing to remove */
        }
      }
    };
  }

  /* --- One question, as the page's markup has it ------------------------------------------------------------- */

  function Question(fieldset) {
    this.fieldset = fieldset;
    this.id = fieldset.dataset.question;
    this.chapter = fieldset.dataset.chapter;
    this.type = fieldset.dataset.type;
    this.list = fieldset.querySelector("[data-quiz-options]");
    this.inputs = toArray(this.list.querySelectorAll("input"));
    this.values = this.inputs.map(function (input) { return input.value; });
    this.answer = fieldset.querySelector("[data-quiz-answer]");
    this.items = toArray(this.answer.querySelectorAll("[data-option]"));
    this.correct = this.items.filter(function (item) { return item.dataset.correct === "true"; })
      .map(function (item) { return item.dataset.option; });
    this.hint = fieldset.getAttribute("aria-describedby") || "";
  }

  Question.prototype.chosen = function () {
    return this.inputs.filter(function (input) { return input.checked; }).map(function (input) { return input.value; });
  };

  Question.prototype.input = function (value) {
    return this.inputs.filter(function (input) { return input.value === value; })[0] || null;
  };

  Question.prototype.first = function () {
    return this.list.querySelector("input");
  };

  /* --- The base: strings, templates, storage, the question view and its feedback ---------------------------- */

  function Quiz(form, host) {
    this.form = form;
    this.host = host || {};
    this.id = form.dataset.quiz;
    this.parts = document.querySelector('[data-quiz-parts="' + this.id + '"]');
    this.strings = JSON.parse(this.parts.querySelector("[data-quiz-strings]").textContent);
    var texts = this.host.texts || {};
    ["storage_note", "storage_off"].forEach(function (key) { if (texts[key]) this.strings[key] = texts[key]; }, this);
    this.storage = this.host.storage || localStorageFor(STORAGE_PREFIX + this.id);
    this.questions = toArray(form.querySelectorAll("fieldset[data-question]")).map(function (fieldset) {
      return new Question(fieldset);
    });
    this.byId = {};
    this.questions.forEach(function (question) { this.byId[question.id] = question; }, this);
    // What may be drawn and saved: [{id, chapter, type, values}]. A self-check's are the questions on its page.
    this.pool = this.questions;
  }

  Quiz.prototype.t = function (key, values) {
    return core.format(this.strings[key], values);
  };

  Quiz.prototype.clone = function (name) {
    return this.parts.querySelector('[data-quiz-template="' + name + '"]').content.firstElementChild.cloneNode(true);
  };

  Quiz.prototype.slot = function (root, name) {
    return root.querySelector('[data-quiz-slot="' + name + '"]');
  };

  /* The shape saved progress must have for this quiz (quiz-core.js validState). */
  Quiz.prototype.shape = function () {
    var values = {};
    this.pool.forEach(function (question) { values[question.id] = question.values; });
    return { version: this.form.dataset.quizVersion, values: values, draw: 0 };
  };

  /* Saved progress counts only for the same content and in the shape this quiz makes: anything else is dropped
     (a changed quiz would apply answers to questions they were not given to; a broken one must not stop it). */
  Quiz.prototype.load = function () {
    var saved = null;
    try {
      saved = this.storage.load();
    } catch (error) {
      saved = null;
    }
    var state = core.validState(saved, this.shape());
    if (saved && !state && this.storage.remove) this.storage.remove();
    return state;
  };

  Quiz.prototype.save = function () {
    var saved = false;
    try {
      saved = this.storage.save(this.state) !== false;
    } catch (error) {
      saved = false;
    }
    this.showStorage(saved);
  };

  Quiz.prototype.showStorage = function (saved) {
    this.slot(this.controls, "storage").textContent = saved ? this.t("storage_note") : this.t("storage_off");
  };

  Quiz.prototype.announce = function (text) {
    var live = this.slot(this.controls, "live");
    live.textContent = "";
    // A change after a moment is announced even when the same text comes twice.
    window.setTimeout(function () { live.textContent = text; }, 50);
  };

  /* Listeners first, so that the quiz's own buttons work whatever state it starts in. */
  Quiz.prototype.start = function () {
    this.form.dataset.quizReady = "true";
    this.form.classList.add("quiz--enhanced");
    this.controls = this.clone("controls");
    this.form.appendChild(this.controls);
    this.form.addEventListener("change", this.onChange.bind(this));
    // Choosing an option never submits: Enter on a radio or checkbox would submit the form implicitly.
    this.form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && /^(radio|checkbox)$/.test(event.target.type)) event.preventDefault();
    });
    this.form.addEventListener("click", this.onClick.bind(this));
    this.form.addEventListener("submit", this.onSubmit.bind(this));
    this.questions.forEach(this.adopt, this);
    this.state = this.load() || this.fresh([]).state;
    // A host (the LMS) keeps the attempt from the start; this browser only once the reader has answered.
    if (this.host.storage) this.save();
    else this.showStorage(this.storage.available);
    this.fetchDrawn(this.layout);
  };

  /* A question of the page made ready for the script: its answer hidden, room for a message and for feedback. */
  Quiz.prototype.adopt = function (question) {
    question.answer.hidden = true;
    question.region = document.createElement("div");
    question.region.className = "quiz-feedback-region";
    question.fieldset.appendChild(question.region);
    question.message = document.createElement("p");
    question.message.className = "quiz-message";
    question.message.id = question.fieldset.id + "-message";
    question.message.hidden = true;
    question.fieldset.insertBefore(question.message, question.list);
    this.prepare(question);
  };

  /* then() once the drawn questions are on the page: a self-check's always are. */
  Quiz.prototype.fetchDrawn = function (then) {
    then.call(this);
  };

  Quiz.prototype.prepare = function () {};

  Quiz.prototype.onChange = function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset || !this.byId[fieldset.dataset.question]) return;
    var question = this.byId[fieldset.dataset.question];
    var chosen = question.chosen();
    if (chosen.length) this.state.answers[question.id] = chosen;
    else delete this.state.answers[question.id];
    this.setMessage(question, "");
    this.save();
    this.changed(question);
  };

  Quiz.prototype.changed = function () {};

  Quiz.prototype.onClick = function (event) {
    var button = event.target.closest("[data-quiz-action]");
    if (!button || !this.form.contains(button)) return;
    var fieldset = button.closest("fieldset[data-question]");
    this.act(button.dataset.quizAction, fieldset && this.byId[fieldset.dataset.question], button);
  };

  Quiz.prototype.onSubmit = function (event) {
    event.preventDefault();
  };

  /* A short message inside one question (choose an answer first; answer this question), tied to it. */
  Quiz.prototype.setMessage = function (question, text) {
    question.message.textContent = text;
    question.message.hidden = !text;
    var described = question.hint + (text ? " " + question.message.id : "");
    question.fieldset.setAttribute("aria-describedby", described.trim());
    if (text) question.fieldset.dataset.quizInvalid = "true";
    else question.fieldset.removeAttribute("data-quiz-invalid");
  };

  Quiz.prototype.resetInputs = function (question) {
    question.inputs.forEach(function (input) {
      input.disabled = false;
      input.checked = false;
    });
  };

  Quiz.prototype.drawnQuestions = function () {
    return this.state.drawn.map(function (id) { return this.byId[id]; }, this).filter(Boolean);
  };

  /* Show the drawn questions in their order, options in their order, answers as saved. */
  Quiz.prototype.layout = function () {
    var drawn = this.drawnQuestions();
    this.questions.forEach(function (question) {
      question.fieldset.hidden = drawn.indexOf(question) < 0;
      this.clearFeedback(question);
      this.setMessage(question, "");
      this.resetInputs(question);
    }, this);
    drawn.forEach(function (question, index) {
      this.form.insertBefore(question.fieldset, this.controls);
      question.fieldset.querySelector("[data-quiz-number]").textContent = (index + 1) + ".";
      (this.state.options[question.id] || []).forEach(function (value) {
        question.list.appendChild(question.input(value).closest("li"));
      });
      (this.state.answers[question.id] || []).forEach(function (value) {
        question.input(value).checked = true;
      });
    }, this);
    this.restore();
  };

  Quiz.prototype.restore = function () {};

  Quiz.prototype.clearFeedback = function (question) {
    question.region.textContent = "";
    question.fieldset.removeAttribute("data-quiz-result");
  };

  Quiz.prototype.verdictOf = function (question) {
    return core.verdict(question.chosen(), question.correct);
  };

  /* The verdict in words (never colour alone), the chosen and the right options with their feedback, the
     explanation and the link to the rule, all taken from the question's own disclosure. Not a live region: the
     reader gets here by focus or by reading on. */
  Quiz.prototype.showFeedback = function (question) {
    var chosen = question.chosen();
    var verdict = core.verdict(chosen, question.correct);
    var words = { right: this.t("right"), partly: this.t("partly"), wrong: this.t("wrong"), none: this.t("no_answer") };
    question.region.textContent = "";
    var box = this.clone("feedback");
    question.region.appendChild(box);
    this.slot(box, "verdict").textContent = words[verdict];
    question.fieldset.dataset.quizResult = verdict === "right" ? "right" : "wrong";
    var list = this.slot(box, "options");
    var mine = question.items.filter(function (item) { return chosen.indexOf(item.dataset.option) >= 0; });
    var missed = verdict === "right" ? [] : question.items.filter(function (item) {
      return item.dataset.correct === "true" && mine.indexOf(item) < 0;
    });
    mine.concat(missed).forEach(function (item) {
      var copy = item.cloneNode(true);
      var label = document.createElement("span");
      label.className = "quiz-feedback__label";
      label.textContent = mine.indexOf(item) >= 0 ? this.t("your_choice") : this.t("right_choice");
      copy.insertBefore(label, copy.firstChild);
      list.appendChild(copy);
    }, this);
    var explanation = this.slot(box, "explanation");
    explanation.appendChild(question.answer.querySelector("[data-quiz-explanation]").cloneNode(true));
    explanation.appendChild(question.answer.querySelector("[data-quiz-see]").cloneNode(true));
    question.inputs.forEach(function (input) { input.disabled = true; });
    return box;
  };

  /* --- The self-check: check each answer, try again, progress ----------------------------------------------- */

  function SelfCheck(form, host) {
    Quiz.call(this, form, host);
  }
  SelfCheck.prototype = Object.create(Quiz.prototype);
  SelfCheck.prototype.constructor = SelfCheck;

  SelfCheck.prototype.fresh = function () {
    return { state: core.validState({ version: this.form.dataset.quizVersion }, this.shape()) };
  };

  SelfCheck.prototype.prepare = function (question) {
    question.check = this.clone("check");
    question.fieldset.insertBefore(question.check, question.region);
  };

  SelfCheck.prototype.act = function (action, question) {
    if (action === "check" && question) this.check(question);
    if (action === "retry" && question) this.retry(question);
    if (action === "reset") this.reset();
  };

  SelfCheck.prototype.check = function (question) {
    if (!question.chosen().length) {
      // Shown beside the question until an answer is chosen (D11); said once, by the live region.
      this.setMessage(question, this.t("choose_first"));
      this.announce(this.t("choose_first"));
      return;
    }
    if (this.state.checked.indexOf(question.id) < 0) this.state.checked.push(question.id);
    this.save();
    this.showChecked(question);
    this.progress();
    this.slot(question.region, "verdict").focus();
  };

  SelfCheck.prototype.showChecked = function (question) {
    this.showFeedback(question);
    question.check.hidden = true;
    question.region.appendChild(this.clone("retry"));
  };

  SelfCheck.prototype.clearFeedback = function (question) {
    Quiz.prototype.clearFeedback.call(this, question);
    if (question.check) question.check.hidden = false;
  };

  SelfCheck.prototype.retry = function (question) {
    this.state.checked = this.state.checked.filter(function (id) { return id !== question.id; });
    delete this.state.answers[question.id];
    this.save();
    this.clearFeedback(question);
    this.resetInputs(question);
    question.first().focus();
    this.progress();
  };

  SelfCheck.prototype.reset = function () {
    this.state = this.fresh().state;
    this.save();
    this.layout();
    var first = this.drawnQuestions()[0];
    if (first) first.first().focus();
  };

  SelfCheck.prototype.restore = function () {
    this.state.checked.forEach(function (id) { this.showChecked(this.byId[id]); }, this);
    this.progress();
  };

  SelfCheck.prototype.progress = function () {
    var checked = this.state.checked.map(function (id) { return this.byId[id]; }, this);
    var right = checked.filter(function (question) { return this.verdictOf(question) === "right"; }, this).length;
    this.slot(this.controls, "status").textContent = checked.length ?
      this.t("progress", { checked: checked.length, total: this.questions.length, right: right }) : "";
  };

  /* --- The onboarding quiz: a drawn attempt, checked at once, a result and a receipt ------------------------ */

  function Onboarding(form, host) {
    Quiz.call(this, form, host);
    this.draw = Number(form.dataset.quizDraw);
    this.perChapter = Number(form.dataset.quizPerChapter);
    this.passMark = Number(form.dataset.quizPassMark);
    var index = document.querySelector('[data-quiz-pool="' + this.id + '"]');
    this.pool = core.poolOf(index ? JSON.parse(index.textContent) : null);
    this.poolById = {};
    this.pool.forEach(function (entry) { this.poolById[entry.id] = entry; }, this);
  }
  Onboarding.prototype = Object.create(Quiz.prototype);
  Onboarding.prototype.constructor = Onboarding;

  Onboarding.prototype.shape = function () {
    var shape = Quiz.prototype.shape.call(this);
    shape.draw = this.draw;
    return shape;
  };

  /* A new attempt, preferring questions that were not in the previous one; options shuffled, true/false kept. */
  Onboarding.prototype.fresh = function (previous) {
    var drawing = core.draw(this.pool, this.draw, this.perChapter, previous);
    var state = { version: this.form.dataset.quizVersion, drawn: drawing.drawn, options: {}, answers: {}, checked: [],
      submitted: false };
    drawing.drawn.forEach(function (id) {
      var question = this.poolById[id];
      state.options[id] = question.type === "true-false" ? question.values.slice() : core.shuffle(question.values);
    }, this);
    return { state: state, fresh: drawing.fresh };
  };

  Onboarding.prototype.start = function () {
    var intro = this.slot(this.form, "intro");
    var texts = this.host.texts || {};
    if (intro) {
      if (texts.intro) intro.textContent = core.format(texts.intro, { count: this.draw, pass_mark: this.passMark });
      intro.hidden = false;
    }
    this.errors = this.clone("errors");
    this.errors.hidden = true;
    this.form.insertBefore(this.errors, intro ? intro.nextSibling : this.form.firstChild);
    Quiz.prototype.start.call(this);
    this.confirm = this.clone("confirm");
    this.controls.appendChild(this.confirm);
    this.confirm.addEventListener("cancel", function () {
      if (this.returnFocus) window.setTimeout(this.returnFocus.focus.bind(this.returnFocus), 0);
    }.bind(this));
  };

  /* Fetch the drawn questions the page does not hold yet, one file each, all at once; then(). While they come the
     form is busy; when one cannot be had (offline, a server error, not our question), a message and a retry take
     their place, said once by the live region. Each file is our own template's output for one question: parsed
     as a document of its own (no script runs there) and only its fieldset is taken, if it is the one asked for. */
  Onboarding.prototype.fetchDrawn = function (then) {
    var ids = core.missing(this.state.drawn, this.byId);
    if (!ids.length) {
      if (this.pending) this.showLoading(false);  // an earlier load that failed is no longer wanted
      this.pending = null;
      this.form.removeAttribute("aria-busy");
      then.call(this);
      return;
    }
    this.pending = then;
    this.form.setAttribute("aria-busy", "true");
    this.showLoading(true);
    var folder = this.form.dataset.quizFragments;
    var version = this.form.dataset.quizFragmentsVersion;
    var self = this;
    Promise.all(ids.map(function (id) {
      return self.fetchQuestion(core.questionPath(folder, id, version), id);
    })).then(function (fieldsets) {
      fieldsets.forEach(function (fieldset) {
        if (self.byId[fieldset.dataset.question]) return;
        fieldset.hidden = true;
        self.form.insertBefore(fieldset, self.controls);
        var question = new Question(fieldset);
        self.adopt(question);
        self.questions.push(question);
        self.byId[question.id] = question;
      });
      if (self.pending !== then) return;  // a newer attempt was drawn meanwhile: its own load goes on
      self.showLoading(false);
      self.form.removeAttribute("aria-busy");
      self.pending = null;
      then.call(self);
    }, function () {
      if (self.pending !== then) return;
      self.form.removeAttribute("aria-busy");
      self.showLoading(false, true);
      self.announce(self.t("load_failed"));
    });
  };

  Onboarding.prototype.fetchQuestion = function (path, id) {
    var url = new URL(path, document.baseURI);
    if (url.origin !== window.location.origin) return Promise.reject(new Error("not this site's file"));
    var entry = this.poolById[id];
    // A request that never ends (a phone between networks) fails after a while, so the reader gets the retry.
    var abort = typeof AbortController === "function" ? new AbortController() : null;
    var timer = abort ? window.setTimeout(function () { abort.abort(); }, FETCH_TIMEOUT) : null;
    return window.fetch(url.href, { credentials: "same-origin", signal: abort ? abort.signal : undefined })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      }).then(function (text) {
        window.clearTimeout(timer);
        var fieldset = new DOMParser().parseFromString(text, "text/html").querySelector("fieldset[data-question]");
        if (!fieldset || fieldset.dataset.question !== id) throw new Error("not the question " + id);
        var values = toArray(fieldset.querySelectorAll("[data-quiz-options] input")).map(function (input) {
          return input.value;
        });
        if (!core.fits(entry, fieldset.dataset.type, values)) throw new Error("another version of " + id);
        return document.importNode(fieldset, true);
      }, function (error) {
        window.clearTimeout(timer);
        throw error;
      });
  };

  /* While the questions come: a line that says so; when they could not be had: the message and its retry. */
  Onboarding.prototype.showLoading = function (loading, failed) {
    if (!this.loadBox) {
      this.loadBox = this.clone("load-error");
      this.form.insertBefore(this.loadBox, this.controls);
    }
    this.loadBox.hidden = !(loading || failed);
    this.slot(this.loadBox, "load-error-text").textContent = failed ? this.t("load_failed") : this.t("loading");
    this.loadBox.querySelector('[data-quiz-action="load"]').hidden = !failed;
  };

  Onboarding.prototype.retryLoad = function () {
    if (!this.pending) return;
    var then = this.pending;
    this.fetchDrawn(function () {
      then.call(this);
      // The retry button is gone: the reader goes on from the first question.
      var first = this.drawnQuestions()[0];
      var active = document.activeElement;
      if (first && (!active || active === document.body || this.loadBox.contains(active))) first.first().focus();
    });
  };

  Onboarding.prototype.act = function (action, question, button) {
    if (action === "load") this.retryLoad();
    if (action === "reset" || action === "retake") this.askToRestart(button);
    if (action === "confirm") this.closeConfirm(true);
    if (action === "cancel") this.closeConfirm(false);
    if (action === "print") this.printReceipt();
  };

  Onboarding.prototype.onSubmit = function (event) {
    event.preventDefault();
    if (!this.state.submitted && !this.pending) this.submit();  // not before the attempt's questions are here
  };

  Onboarding.prototype.score = function () {
    return core.score(this.drawnQuestions().map(function (question) {
      return { chosen: question.chosen(), correct: question.correct };
    }));
  };

  Onboarding.prototype.result = function () {
    var score = this.score();
    score.passed = core.passed(score.right, score.total, this.passMark);
    return score;
  };

  Onboarding.prototype.unanswered = function () {
    return this.drawnQuestions().filter(function (question) { return !question.chosen().length; });
  };

  /* The error summary at the top of the form, like GOV.UK's: how many are left, a link to each, and a message in
     each unanswered question. Kept up to date while the reader answers. */
  Onboarding.prototype.showErrors = function () {
    var drawn = this.drawnQuestions();
    var missing = this.unanswered();
    var list = this.slot(this.errors, "error-list");
    list.textContent = "";
    missing.forEach(function (question) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + question.fieldset.id;
      link.textContent = this.t("unanswered_item", { number: drawn.indexOf(question) + 1 });
      link.addEventListener("click", function (click) {
        click.preventDefault();
        question.fieldset.querySelector("legend").scrollIntoView();
        question.first().focus({ preventScroll: true });
      });
      item.appendChild(link);
      list.appendChild(item);
      this.setMessage(question, this.t("unanswered_inline"));
    }, this);
    this.slot(this.errors, "error-count").textContent = this.t("unanswered_count", { count: missing.length });
    this.errors.hidden = !missing.length;
    return missing.length;
  };

  Onboarding.prototype.changed = function () {
    if (!this.errors.hidden) this.showErrors();
  };

  Onboarding.prototype.submit = function () {
    if (this.showErrors()) {
      this.errors.focus();
      return;
    }
    this.state.submitted = true;
    this.state.submittedOn = new Date().toISOString().slice(0, 10);
    this.save();
    this.showResult();
    this.slot(this.resultBox, "result-title").focus();
  };

  Onboarding.prototype.restore = function () {
    if (this.state.submitted) this.showResult();
  };

  Onboarding.prototype.showResult = function () {
    var result = this.result();
    var box = this.clone("result");
    this.resultBox = box;
    this.slot(box, "score").textContent = this.t("score", { right: result.right, total: result.total,
      percent: result.percent, count: result.total });
    this.slot(box, "verdict").textContent = result.passed ? this.t("passed", { pass_mark: this.passMark }) :
      this.t("failed", { pass_mark: this.passMark });
    this.slot(box, "receipt-form").hidden = !result.passed;
    this.form.insertBefore(box, this.form.firstChild);
    this.form.dataset.quizState = result.passed ? "passed" : "failed";
    this.controls.querySelector('[data-quiz-action="submit"]').hidden = true;
    this.drawnQuestions().forEach(function (question) { this.showFeedback(question); }, this);
    var name = this.slot(box, "name");
    name.addEventListener("input", this.fillReceipt.bind(this));
    if (result.passed && this.host.learnerName && !name.value) name.value = this.host.learnerName;
    if (result.passed) this.fillReceipt();
    if (this.host.onResult) this.host.onResult({ right: result.right, total: result.total, passed: result.passed });
  };

  /* The receipt speaks of the person in the third person and says it is self-issued. It is filled as soon as the
     attempt passes, so that printing from the browser's menu before a name is typed still gives a receipt, with a
     line to sign. */
  Onboarding.prototype.fillReceipt = function () {
    var box = this.resultBox;
    var field = this.slot(box, "name");
    var name = field.value.trim();
    var result = this.result();
    var organization = this.form.dataset.organizationGenitive;
    this.slot(box, "receipt-text").textContent = name ?
      this.t("receipt_text", { name: name, organization: organization }) :
      this.t("receipt_text_unnamed", { organization: organization });
    this.slot(box, "receipt-name").textContent = name;
    var day = this.state.submittedOn ? new Date(this.state.submittedOn + "T12:00:00") : new Date();
    var language = document.documentElement.lang || "fi";
    this.slot(box, "receipt-date").textContent = day.toLocaleDateString(language + "-FI");
    this.slot(box, "receipt-score").textContent = this.t("receipt_score", { right: result.right, total: result.total,
      percent: result.percent });
    this.slot(box, "receipt-version").textContent = this.form.dataset.guidelineVersion;
    this.slot(box, "receipt-organization").textContent = this.form.dataset.organization;
    var receipt = this.slot(box, "receipt");
    receipt.hidden = false;
    receipt.dataset.quizNamed = name ? "true" : "false";
    if (name) {
      this.slot(box, "name-error").hidden = true;
      field.removeAttribute("aria-invalid");
      field.setAttribute("aria-describedby", field.id + "-hint");
    }
    return name;
  };

  Onboarding.prototype.printReceipt = function () {
    var field = this.slot(this.resultBox, "name");
    if (!this.fillReceipt()) {
      this.slot(this.resultBox, "name-error").hidden = false;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", field.id + "-error " + field.id + "-hint");
      field.focus();
      return;
    }
    window.print();
  };

  /* Starting again loses answers, or a passed result and its receipt: ask first (D12), in a native modal dialog
     (Escape cancels, focus comes back to the button). A failed result is simply retaken. */
  Onboarding.prototype.askToRestart = function (button) {
    var passed = this.form.dataset.quizState === "passed";
    var answered = !this.state.submitted && Object.keys(this.state.answers).length > 0;
    if (!(passed || answered) || typeof this.confirm.showModal !== "function") {
      this.restart();
      return;
    }
    this.returnFocus = button;
    this.slot(this.confirm, "confirm-text").textContent = passed ? this.t("confirm_passed") : this.t("confirm_answers");
    this.confirm.showModal();
    this.confirm.querySelector('[data-quiz-action="cancel"]').focus();
  };

  Onboarding.prototype.closeConfirm = function (confirmed) {
    this.confirm.close();
    if (confirmed) this.restart();
    else if (this.returnFocus) this.returnFocus.focus();
  };

  Onboarding.prototype.restart = function () {
    var next = this.fresh(this.state.drawn);
    this.state = next.state;
    this.save();
    if (this.resultBox) this.resultBox.remove();
    this.resultBox = null;
    this.errors.hidden = true;
    this.controls.querySelector('[data-quiz-action="submit"]').hidden = false;
    this.form.removeAttribute("data-quiz-state");
    this.questions.forEach(function (question) { question.fieldset.hidden = true; });
    this.fetchDrawn(function () { this.showRestarted(next); });
  };

  Onboarding.prototype.showRestarted = function (next) {
    this.layout();
    // What is new in this attempt, said honestly (D13); the reader goes on from there to the first question.
    var note = this.slot(this.form, "drawn") || this.clone("drawn");
    var total = this.state.drawn.length;
    note.textContent = next.fresh === total ? this.t("drawn_all_new") : next.fresh === 0 ?
      this.t("drawn_none_new") : this.t("drawn_some_new", { count: next.fresh });
    this.form.insertBefore(note, this.errors);
    note.focus();
  };

  /* --- Start: once per form, also when Material's instant navigation swaps the page in (document$) ---------- */

  var COMPONENTS = { "self-check": SelfCheck, onboarding: Onboarding };

  function init() {
    each(document.querySelectorAll("form[data-quiz]:not([data-quiz-ready])"), function (form) {
      var Component = COMPONENTS[form.dataset.quizMode];
      if (!Component) return;
      var hosts = window.GuidelineQuizHosts || {};
      new Component(form, hosts[form.dataset.quiz]).start();
    });
  }

  window.GuidelineQuiz = { SelfCheck: SelfCheck, Onboarding: Onboarding, init: init };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
