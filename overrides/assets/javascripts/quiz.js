/*
 * Quizzes generated from quizzes/ (hooks/quizzes.py): a self-check per chapter and the onboarding quiz.
 *
 * Progressive enhancement: without JavaScript every question already reads well, its answer behind a
 * disclosure. This script replaces the disclosure with checking and feedback, draws the onboarding
 * questions, keeps progress in this browser's localStorage and fills a printable receipt. Its strings
 * come from the page (a JSON block of the fi/sv table) and its markup from <template>s, filled with
 * textContent only. Nothing is ever sent anywhere.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "guideline-quiz:";

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var kept = list[i];
      list[i] = list[j];
      list[j] = kept;
    }
    return list;
  }

  /* localStorage may be missing (private mode, blocked) or full: the quiz then works without saving. */
  function openStorage() {
    try {
      var store = window.localStorage;
      store.setItem(STORAGE_PREFIX + "probe", "1");
      store.removeItem(STORAGE_PREFIX + "probe");
      return store;
    } catch (error) {
      return null;
    }
  }

  /* At least perChapter questions from every chapter, the rest at random, in random order. */
  function drawQuestions(questions, count, perChapter) {
    var byChapter = {};
    questions.forEach(function (question) {
      (byChapter[question.chapter] = byChapter[question.chapter] || []).push(question.id);
    });
    var chosen = [];
    Object.keys(byChapter).forEach(function (chapter) {
      chosen = chosen.concat(shuffle(byChapter[chapter].slice()).slice(0, perChapter));
    });
    var rest = shuffle(questions.map(function (question) { return question.id; }).filter(function (id) {
      return chosen.indexOf(id) < 0;
    }));
    return shuffle(chosen.concat(rest.slice(0, Math.max(0, count - chosen.length))));
  }

  function sameSet(first, second) {
    return first.length === second.length && first.every(function (id) { return second.indexOf(id) >= 0; });
  }

  function Quiz(form) {
    this.form = form;
    this.id = form.dataset.quiz;
    this.onboarding = form.dataset.quizMode === "onboarding";
    this.parts = document.querySelector('[data-quiz-parts="' + this.id + '"]');
    this.strings = JSON.parse(this.parts.querySelector("[data-quiz-strings]").textContent);
    this.store = openStorage();
    this.key = STORAGE_PREFIX + this.id;
    this.questions = Array.prototype.map.call(form.querySelectorAll("fieldset[data-question]"), function (fieldset) {
      return { id: fieldset.dataset.question, chapter: fieldset.dataset.chapter, fieldset: fieldset };
    });
    this.byId = {};
    this.questions.forEach(function (question) { this.byId[question.id] = question; }, this);
    this.state = this.load() || this.fresh([]);
  }

  Quiz.prototype.t = function (key, values) {
    return format(this.strings[key], values || {});
  };

  Quiz.prototype.clone = function (name) {
    return this.parts.querySelector('[data-quiz-template="' + name + '"]').content.firstElementChild.cloneNode(true);
  };

  Quiz.prototype.slot = function (root, name) {
    return root.querySelector('[data-quiz-slot="' + name + '"]');
  };

  /* Saved progress counts only for the same content: a changed quiz drops it rather than applying answers
     to questions they were not given to. */
  Quiz.prototype.load = function () {
    if (!this.store) return null;
    try {
      var saved = JSON.parse(this.store.getItem(this.key));
      if (saved && saved.version === this.form.dataset.quizVersion) return saved;
      this.store.removeItem(this.key);
    } catch (error) {
      /* unreadable: start afresh */
    }
    return null;
  };

  Quiz.prototype.save = function () {
    if (!this.store) return;
    try {
      this.store.setItem(this.key, JSON.stringify(this.state));
    } catch (error) {
      /* full quota: go on without saving */
    }
  };

  Quiz.prototype.fresh = function (previous) {
    var state = { version: this.form.dataset.quizVersion, answers: {}, checked: [], options: {}, submitted: false };
    if (this.onboarding) {
      var count = Number(this.form.dataset.quizDraw);
      var perChapter = Number(this.form.dataset.quizPerChapter);
      var drawn = drawQuestions(this.questions, count, perChapter);
      for (var attempt = 0; attempt < 10 && previous.length && sameSet(drawn, previous); attempt++) {
        drawn = drawQuestions(this.questions, count, perChapter);
      }
      state.drawn = drawn;
      drawn.forEach(function (id) {
        var values = this.values(this.byId[id]);
        state.options[id] = this.byId[id].fieldset.dataset.type === "true-false" ? values : shuffle(values);
      }, this);
    } else {
      state.drawn = this.questions.map(function (question) { return question.id; });
    }
    return state;
  };

  Quiz.prototype.values = function (question) {
    return Array.prototype.map.call(question.fieldset.querySelectorAll("input"), function (input) {
      return input.value;
    });
  };

  Quiz.prototype.chosen = function (question) {
    return Array.prototype.filter.call(question.fieldset.querySelectorAll("input"), function (input) {
      return input.checked;
    }).map(function (input) { return input.value; });
  };

  Quiz.prototype.correct = function (question) {
    return Array.prototype.filter.call(question.fieldset.querySelectorAll("details .quiz-answer__option"), function (item) {
      return item.dataset.correct === "true";
    }).map(function (item) { return item.dataset.option; });
  };

  Quiz.prototype.isRight = function (question) {
    var chosen = this.chosen(question);
    return chosen.length > 0 && sameSet(chosen, this.correct(question));
  };

  Quiz.prototype.drawnQuestions = function () {
    return this.state.drawn.map(function (id) { return this.byId[id]; }, this).filter(Boolean);
  };

  Quiz.prototype.start = function () {
    this.form.dataset.quizReady = "true";
    this.form.classList.add("quiz--enhanced");
    this.controls = this.clone("controls");
    this.form.appendChild(this.controls);
    this.slot(this.controls, "storage").textContent = this.t(this.store ? "storage_note" : "storage_off");
    this.questions.forEach(function (question) {
      question.fieldset.querySelector("details.quiz-answer").hidden = true;
      // The live region exists before anything is written into it, so screen readers announce the feedback.
      var region = document.createElement("div");
      region.className = "quiz-feedback-region";
      region.setAttribute("role", "status");
      question.fieldset.appendChild(region);
      question.region = region;
      if (!this.onboarding) {
        var check = this.clone("check");
        question.fieldset.appendChild(check);
      }
    }, this);
    this.layout();
    this.form.addEventListener("change", this.remember.bind(this));
    // Choosing an option never submits: Enter on a radio or checkbox would submit the form implicitly.
    this.form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && /^(radio|checkbox)$/.test(event.target.type)) event.preventDefault();
    });
    this.form.addEventListener("click", this.act.bind(this));
    this.form.addEventListener("submit", this.submit.bind(this));
  };

  /* Show the drawn questions in their order, options in their order, answers as saved. */
  Quiz.prototype.layout = function () {
    var drawn = this.drawnQuestions();
    this.questions.forEach(function (question) {
      question.fieldset.hidden = drawn.indexOf(question) < 0;
      this.clearFeedback(question);
      question.fieldset.querySelectorAll("input").forEach(function (input) {
        input.disabled = false;
        input.checked = false;
      });
    }, this);
    drawn.forEach(function (question, index) {
      this.form.insertBefore(question.fieldset, this.controls);
      question.fieldset.querySelector(".quiz-question__number").textContent = (index + 1) + ".";
      var order = this.state.options[question.id];
      if (order) {
        var list = question.fieldset.querySelector(".quiz-options");
        order.forEach(function (value) {
          var input = question.fieldset.querySelector('input[value="' + value + '"]');
          if (input) list.appendChild(input.closest("li"));
        });
      }
      (this.state.answers[question.id] || []).forEach(function (value) {
        var input = question.fieldset.querySelector('input[value="' + value + '"]');
        if (input) input.checked = true;
      });
    }, this);
    if (this.onboarding && this.state.submitted) {
      this.showResult(false);
    } else if (!this.onboarding) {
      this.state.checked.forEach(function (id) {
        if (this.byId[id] && this.chosen(this.byId[id]).length) this.showFeedback(this.byId[id], false);
      }, this);
      this.progress();
    }
  };

  Quiz.prototype.remember = function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset || event.target.type === "text") return;
    var question = this.byId[fieldset.dataset.question];
    this.state.answers[question.id] = this.chosen(question);
    this.save();
  };

  Quiz.prototype.act = function (event) {
    var button = event.target.closest("[data-quiz-action]");
    if (!button) return;
    var action = button.dataset.quizAction;
    var fieldset = button.closest("fieldset[data-question]");
    var question = fieldset && this.byId[fieldset.dataset.question];
    if (action === "check") this.check(question);
    if (action === "retry") this.retry(question);
    if (action === "reset" || action === "retake") this.restart();
    if (action === "print") this.printReceipt();
  };

  Quiz.prototype.check = function (question) {
    if (!this.chosen(question).length) {
      var status = this.feedbackBox(question);
      this.slot(status, "verdict").textContent = this.t("choose_first");
      this.slot(status, "verdict").focus();
      return;
    }
    if (this.state.checked.indexOf(question.id) < 0) this.state.checked.push(question.id);
    this.save();
    this.showFeedback(question, true);
    this.progress();
  };

  Quiz.prototype.retry = function (question) {
    this.state.checked = this.state.checked.filter(function (id) { return id !== question.id; });
    delete this.state.answers[question.id];
    this.save();
    this.clearFeedback(question);
    question.fieldset.querySelectorAll("input").forEach(function (input) {
      input.disabled = false;
      input.checked = false;
    });
    question.fieldset.querySelector("input").focus();
    this.progress();
  };

  Quiz.prototype.restart = function () {
    var previous = this.state.drawn || [];
    this.state = this.fresh(previous);
    this.save();
    var result = this.slot(this.form, "result");
    if (result) result.remove();
    this.slot(this.controls, "errors").hidden = true;
    var submit = this.controls.querySelector('[data-quiz-action="submit"]');
    if (submit) submit.hidden = false;
    this.form.removeAttribute("data-quiz-state");
    this.layout();
    var first = this.drawnQuestions()[0];
    if (first) first.fieldset.querySelector("input").focus();
  };

  /* The feedback of a question, written into its live region. */
  Quiz.prototype.feedbackBox = function (question) {
    question.region.textContent = "";
    var box = this.clone("feedback");
    question.region.appendChild(box);
    return box;
  };

  Quiz.prototype.clearFeedback = function (question) {
    if (question.region) question.region.textContent = "";
    var retry = question.fieldset.querySelector(".quiz-feedback__retry");
    if (retry) retry.remove();
    var check = question.fieldset.querySelector(".quiz-check");
    if (check) check.hidden = false;
    question.fieldset.removeAttribute("data-quiz-result");
  };

  /* The verdict in words (never colour alone), the chosen and the right options with their feedback,
     the explanation and the link to the rule, all taken from the question's own disclosure. */
  Quiz.prototype.showFeedback = function (question, moveFocus) {
    var chosen = this.chosen(question);
    var correct = this.correct(question);
    var right = chosen.length > 0 && sameSet(chosen, correct);
    var partly = !right && chosen.some(function (value) { return correct.indexOf(value) >= 0; });
    var box = this.feedbackBox(question);
    var verdict = this.slot(box, "verdict");
    verdict.textContent = chosen.length ? this.t(right ? "right" : partly ? "partly" : "wrong") : this.t("no_answer");
    question.fieldset.dataset.quizResult = right ? "right" : "wrong";
    var list = this.slot(box, "options");
    var answer = question.fieldset.querySelector("details.quiz-answer");
    var items = Array.prototype.slice.call(answer.querySelectorAll(".quiz-answer__option"));
    var mine = items.filter(function (item) { return chosen.indexOf(item.dataset.option) >= 0; });
    var missed = right ? [] : items.filter(function (item) {
      return item.dataset.correct === "true" && mine.indexOf(item) < 0;
    });
    mine.concat(missed).forEach(function (item) {
      var copy = item.cloneNode(true);
      var label = document.createElement("span");
      label.className = "quiz-feedback__label";
      label.textContent = this.t(mine.indexOf(item) >= 0 ? "your_choice" : "right_choice");
      copy.insertBefore(label, copy.firstChild);
      list.appendChild(copy);
    }, this);
    var explanation = this.slot(box, "explanation");
    explanation.appendChild(answer.querySelector(".quiz-answer__explanation").cloneNode(true));
    explanation.appendChild(answer.querySelector(".quiz-answer__see").cloneNode(true));
    question.fieldset.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
    if (!this.onboarding) {
      question.fieldset.querySelector(".quiz-check").hidden = true;
      question.region.after(this.clone("retry"));
    }
    if (moveFocus) verdict.focus();
  };

  Quiz.prototype.progress = function () {
    var checked = this.state.checked.filter(function (id) { return this.byId[id]; }, this);
    var right = checked.filter(function (id) { return this.isRight(this.byId[id]); }, this).length;
    this.slot(this.controls, "status").textContent = checked.length ?
      this.t("progress", { checked: checked.length, total: this.questions.length, right: right }) : "";
  };

  Quiz.prototype.submit = function (event) {
    event.preventDefault();
    if (!this.onboarding || this.state.submitted) return;
    var drawn = this.drawnQuestions();
    var errors = this.slot(this.controls, "errors");
    var list = this.slot(this.controls, "error-list");
    list.textContent = "";
    drawn.forEach(function (question, index) {
      if (this.chosen(question).length) return;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + question.fieldset.id;
      link.textContent = this.t("unanswered_item", { number: index + 1 });
      link.addEventListener("click", function (click) {
        click.preventDefault();
        question.fieldset.querySelector("input").focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    }, this);
    if (list.children.length) {
      errors.hidden = false;
      errors.focus();
      return;
    }
    errors.hidden = true;
    this.state.submitted = true;
    this.state.submittedOn = new Date().toISOString().slice(0, 10);
    this.save();
    this.showResult(true);
  };

  Quiz.prototype.score = function () {
    var drawn = this.drawnQuestions();
    var right = drawn.filter(this.isRight, this).length;
    return { right: right, total: drawn.length, percent: Math.round((100 * right) / drawn.length) };
  };

  Quiz.prototype.showResult = function (moveFocus) {
    var score = this.score();
    var passMark = Number(this.form.dataset.quizPassMark);
    var passed = score.right * 100 >= passMark * score.total;  // 79.5 % does not pass at 80, rounded or not
    var result = this.clone("result");
    this.slot(result, "score").textContent = this.t("score", score);
    this.slot(result, "verdict").textContent = this.t(passed ? "passed" : "failed", { pass_mark: passMark });
    this.slot(result, "receipt-form").hidden = !passed;
    this.form.insertBefore(result, this.form.firstChild);
    this.form.dataset.quizState = passed ? "passed" : "failed";
    this.controls.querySelector('[data-quiz-action="submit"]').hidden = true;
    this.drawnQuestions().forEach(function (question) { this.showFeedback(question, false); }, this);
    var name = this.slot(result, "name");
    name.addEventListener("input", this.fillReceipt.bind(this));
    if (moveFocus) this.slot(result, "result-title").focus();
  };

  Quiz.prototype.fillReceipt = function () {
    var result = this.slot(this.form, "result");
    var name = this.slot(result, "name").value.trim();
    var score = this.score();
    var language = document.documentElement.lang || "fi";
    this.slot(result, "receipt-text").textContent = this.t("receipt_text", {
      name: name, organization: this.form.dataset.organizationGenitive
    });
    var day = this.state.submittedOn ? new Date(this.state.submittedOn + "T12:00:00") : new Date();
    this.slot(result, "receipt-date").textContent = day.toLocaleDateString(language + "-FI");
    this.slot(result, "receipt-score").textContent = this.t("score", score);
    this.slot(result, "receipt-version").textContent = this.form.dataset.guidelineVersion;
    this.slot(result, "receipt-organization").textContent = this.form.dataset.organization;
    this.slot(result, "receipt").hidden = !name;
    if (name) {
      var field = this.slot(result, "name");
      this.slot(result, "name-error").hidden = true;
      field.removeAttribute("aria-invalid");
      field.setAttribute("aria-describedby", field.id + "-hint");
    }
    return name;
  };

  Quiz.prototype.printReceipt = function () {
    var result = this.slot(this.form, "result");
    var field = this.slot(result, "name");
    if (!this.fillReceipt()) {
      this.slot(result, "name-error").hidden = false;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", field.id + "-error " + field.id + "-hint");
      field.focus();
      return;
    }
    window.print();
  };

  /* Once per form, also when Material's instant navigation swaps the page in (document$). */
  function init() {
    document.querySelectorAll("form[data-quiz]:not([data-quiz-ready])").forEach(function (form) {
      new Quiz(form).start();
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
