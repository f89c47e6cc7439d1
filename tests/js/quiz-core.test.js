// The quiz's rules (overrides/assets/javascripts/quiz-core.js), run by Node's own test runner: `node --test tests/js/`
// (tests/test_quiz_core.py runs it in pytest's unit tier).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../overrides/assets/javascripts/quiz-core.js");

/* A repeatable random(): the same sequence every run. */
function seeded(seed) {
  let value = seed;
  return () => {
    value = (value * 1103515245 + 12345) % 2147483648;
    return value / 2147483648;
  };
}

function pool(chapters) {
  const questions = [];
  Object.entries(chapters).forEach(([chapter, count]) => {
    for (let i = 1; i <= count; i++) questions.push({ id: `${chapter}-${i}`, chapter });
  });
  return questions;
}

test("the pass mark is a lower bound: 16 of 20 passes at 80 %, 15 of 20 fails", () => {
  assert.equal(core.passed(16, 20, 80), true);
  assert.equal(core.passed(15, 20, 80), false);
  assert.equal(core.passed(20, 20, 80), true);
  assert.equal(core.passed(4, 5, 80), true);
  assert.equal(core.passed(1, 1, 100), true);
});

test("79.5 % does not pass at 80, whatever the rounding", () => {
  assert.equal(core.passed(159, 200, 80), false);
  assert.equal(core.passed(160, 200, 80), true);
});

test("0 of 0 never passes, not even at a pass mark of 0 (D5)", () => {
  assert.equal(core.passed(0, 0, 80), false);
  assert.equal(core.passed(0, 0, 0), false);
});

test("verdict: exactly the right options is right", () => {
  assert.equal(core.verdict(["2"], ["2"]), "right");
  assert.equal(core.verdict(["3", "1"], ["1", "3"]), "right");
  assert.equal(core.verdict(["true"], ["true"]), "right");
});

test("verdict: some right options but not exactly them is partly right", () => {
  assert.equal(core.verdict(["1"], ["1", "3"]), "partly");
  assert.equal(core.verdict(["1", "2", "3"], ["1", "3"]), "partly");
});

test("verdict: no right option chosen is wrong, nothing chosen is none", () => {
  assert.equal(core.verdict(["2"], ["1", "3"]), "wrong");
  assert.equal(core.verdict(["false"], ["true"]), "wrong");
  assert.equal(core.verdict([], ["1"]), "none");
});

test("score counts only exactly right answers, partly right ones do not count", () => {
  const result = core.score([
    { chosen: ["1"], correct: ["1"] },
    { chosen: ["1"], correct: ["1", "2"] },
    { chosen: ["2"], correct: ["1"] },
    { chosen: [], correct: ["1"] },
  ]);
  assert.deepEqual(result, { right: 1, total: 4, percent: 25 });
  assert.deepEqual(core.score([]), { right: 0, total: 0, percent: 0 });
});

test("the percentage never rounds up to the pass mark", () => {
  const answers = Array.from({ length: 200 }, (_, i) => ({ chosen: [i < 159 ? "1" : "2"], correct: ["1"] }));
  assert.equal(core.score(answers).percent, 79);
});

test("draw takes at least perChapter of every chapter, count in all, no question twice", () => {
  const questions = pool({ a: 7, b: 7, c: 3, d: 10 });
  for (let seed = 1; seed < 50; seed++) {
    const { drawn } = core.draw(questions, 12, 2, [], seeded(seed));
    assert.equal(drawn.length, 12);
    assert.equal(new Set(drawn).size, 12);
    for (const chapter of ["a", "b", "c", "d"]) {
      assert.ok(drawn.filter((id) => id.startsWith(chapter + "-")).length >= 2, chapter);
    }
  }
});

test("a retake prefers questions not in the previous attempt and says how many are new (D13)", () => {
  const questions = pool({ a: 10, b: 10, c: 10, d: 10, e: 9 });  // 49, as on the site
  const first = core.draw(questions, 20, 2, [], seeded(3));
  assert.equal(first.fresh, 20, "a first attempt is all new");
  const second = core.draw(questions, 20, 2, first.drawn, seeded(4));
  assert.equal(second.fresh, 20, "29 unseen questions are enough for 20 new ones");
  assert.equal(second.drawn.filter((id) => first.drawn.includes(id)).length, 0);
});

test("a retake repeats only what a chapter or the pool lacks, and counts it honestly", () => {
  const questions = pool({ a: 3, b: 20 });
  const first = { drawn: ["a-1", "a-2", "b-1", "b-2", "b-3"] };
  const second = core.draw(questions, 5, 2, first.drawn, seeded(9));
  // chapter a has one unseen question: one of its two must repeat
  assert.ok(second.drawn.includes("a-3"));
  assert.equal(second.fresh, 4);
  assert.equal(second.fresh, second.drawn.filter((id) => !first.drawn.includes(id)).length);
  const all = core.draw(pool({ a: 3 }), 3, 1, ["a-1", "a-2", "a-3"], seeded(1));
  assert.equal(all.fresh, 0);
});

test("a chapter with one question gives that one, every time, and the draw still fills the count", () => {
  const questions = pool({ a: 1, b: 10, c: 10 });
  for (let seed = 1; seed < 30; seed++) {
    const { drawn } = core.draw(questions, 8, 2, [], seeded(seed));
    assert.equal(drawn.length, 8);
    assert.equal(new Set(drawn).size, 8);
    assert.ok(drawn.includes("a-1"), "the only question of chapter a");
  }
});

test("draw shuffles: the order is not the pool's order", () => {
  const questions = pool({ a: 10, b: 10 });
  const orders = new Set();
  for (let seed = 1; seed < 10; seed++) orders.add(core.draw(questions, 20, 2, [], seeded(seed)).drawn.join());
  assert.ok(orders.size > 1);
});

test("shuffle keeps every item and leaves its input alone", () => {
  const list = ["1", "2", "3", "4"];
  const shuffled = core.shuffle(list, seeded(5));
  assert.deepEqual([...shuffled].sort(), list);
  assert.deepEqual(list, ["1", "2", "3", "4"]);
});

test("format fills placeholders and picks the plural form by count, as strings.py does", () => {
  const text = { one: "{count} kysymys on vastaamatta", other: "{count} kysymystä on vastaamatta" };
  assert.equal(core.format(text, { count: 1 }), "1 kysymys on vastaamatta");
  assert.equal(core.format(text, { count: 3 }), "3 kysymystä on vastaamatta");
  assert.equal(core.format(text, { count: 0 }), "0 kysymystä on vastaamatta");
  const sv = { one: "{count} fråga är obesvarad", other: "{count} frågor är obesvarade" };
  assert.equal(core.format(sv, { count: 1 }), "1 fråga är obesvarad");
  assert.equal(core.format(sv, { count: 20 }), "20 frågor är obesvarade");
  assert.equal(core.format("Kysymys {number}", { number: 4 }), "Kysymys 4");
  assert.equal(core.pluralForm(1), "one");
  assert.equal(core.pluralForm(21), "other", "Finnish and Swedish have no 'one' for 21");
});

test("format fails loudly on a placeholder it is not given", () => {
  assert.throws(() => core.format("{right}/{total}", { right: 1 }), /total/);
  assert.throws(() => core.format({ one: "a", other: "b" }, {}), /count/);
  assert.throws(() => core.format(undefined, {}));
});

const SHAPE = { version: "v1", draw: 2, values: { q1: ["1", "2", "3"], q2: ["true", "false"], q3: ["1", "2"] } };

test("saved progress of the right shape comes back as it was", () => {
  const saved = { version: "v1", drawn: ["q2", "q1"], options: { q1: ["3", "1", "2"], q2: ["true", "false"] },
    answers: { q1: ["3"], q2: ["false"] }, checked: [], submitted: true, submittedOn: "2026-12-02" };
  assert.deepEqual(core.validState(saved, SHAPE), saved);
});

test("another version, or something that is not an object, starts afresh", () => {
  for (const saved of [null, "x", 3, [], { version: "v0", drawn: ["q1", "q2"] }]) {
    assert.equal(core.validState(saved, SHAPE), null);
  }
});

test("drawn questions that do not fit the quiz make a new attempt (D1, D5)", () => {
  const cases = [
    { version: "v1" },
    { version: "v1", drawn: "q1" },
    { version: "v1", drawn: ["no-such", "other"] },
    { version: "v1", drawn: ["q1"] },
    { version: "v1", drawn: ["q1", "q1"] },
    { version: "v1", drawn: ["q1", "q2", "q3"] },
    { version: "v1", drawn: ["q1", { id: "q2" }] },
  ];
  for (const saved of cases) assert.equal(core.validState(saved, SHAPE), null, JSON.stringify(saved));
});

test("fields of the wrong shape are dropped, the rest is kept (D1)", () => {
  const saved = { version: "v1", drawn: ["q1", "q2"], options: { q1: ["1", "2"], q2: "true", q9: ["1"] },
    answers: { q1: ["2", "7", "2"], q2: "true", q9: ["1"], constructor: ["1"] }, checked: "q1", submitted: "yes",
    extra: { nested: true } };
  assert.deepEqual(core.validState(saved, SHAPE), {
    version: "v1", drawn: ["q1", "q2"], options: {}, answers: { q1: ["2"] }, checked: [], submitted: false,
  });
  assert.deepEqual(core.validState({ version: "v1", drawn: ["q1", "q2"], options: [], answers: null }, SHAPE),
    { version: "v1", drawn: ["q1", "q2"], options: {}, answers: {}, checked: [], submitted: false });
});

test("a submitted attempt counts only with every question answered and a real date", () => {
  const saved = { version: "v1", drawn: ["q1", "q2"], answers: { q1: ["1"] }, submitted: true,
    submittedOn: "2026-12-02" };
  assert.equal(core.validState(saved, SHAPE).submitted, false);
  saved.answers.q2 = ["true"];
  saved.submittedOn = "<img src=x>";
  const state = core.validState(saved, SHAPE);
  assert.equal(state.submitted, true);
  assert.equal("submittedOn" in state, false);
});

test("a self-check keeps every question in the page's order and only checked answers that exist", () => {
  const shape = { version: "s", draw: 0, values: { a: ["1", "2"], b: ["true", "false"] } };
  const state = core.validState({ version: "s", drawn: ["zzz"], answers: { a: ["1"] }, checked: ["a", "b", "x"] },
    shape);
  assert.deepEqual(state.drawn, ["a", "b"]);
  assert.deepEqual(state.checked, ["a"]);
});

test("the onboarding pool comes from the page's index in its order, and entries of another shape are left out", () => {
  const index = {
    chapters: ["purpose.md", "security.md"],
    questions: [
      ["a", 0, "single", ["1", "2", "3"]],
      ["b", 1, "true-false", ["true", "false"]],
      ["a", 1, "single", ["1", "2"]],          // an id given twice
      ["c", 5, "single", ["1", "2"]],          // no such chapter
      ["d", 0, "multiple", []],                // no options
      ["e", 0, "multiple", [1, 2]],            // values that are not text
      "f",
      ["g", 1, "multiple", ["1", "2", "3", "4"]]
    ]
  };
  assert.deepEqual(core.poolOf(index), [
    { id: "a", chapter: "purpose.md", type: "single", values: ["1", "2", "3"] },
    { id: "b", chapter: "security.md", type: "true-false", values: ["true", "false"] },
    { id: "g", chapter: "security.md", type: "multiple", values: ["1", "2", "3", "4"] }
  ]);
  assert.deepEqual(core.poolOf(null), []);
  assert.deepEqual(core.poolOf({ chapters: "x", questions: [] }), []);
});

test("a question's file is beside the page, named by its id, with the content version", () => {
  assert.equal(core.questionPath("questions/", "respond-quickly", "e641b5fdb26a"),
    "questions/respond-quickly.html?v=e641b5fdb26a");
  assert.equal(core.questionPath("questions/", "a/../b?", "v 1"), "questions/a%2F..%2Fb%3F.html?v=v%201");
});

test("only the drawn questions the page lacks are fetched, each once, in the draw's order", () => {
  assert.deepEqual(core.missing(["c", "a", "b", "c"], { a: {} }), ["c", "b"]);
  assert.deepEqual(core.missing(["a"], { a: {} }), []);
});

test("a fetched question is used only if it is the one the index describes", () => {
  const entry = { id: "a", chapter: "x.md", type: "single", values: ["1", "2", "3"] };
  assert.equal(core.fits(entry, "single", ["1", "2", "3"]), true);
  assert.equal(core.fits(entry, "single", ["1", "2"]), false, "an answer fewer");
  assert.equal(core.fits(entry, "multiple", ["1", "2", "3"]), false, "another type");
  assert.equal(core.fits(entry, "single", ["1", "3", "2"]), false, "another order");
  assert.equal(core.fits(undefined, "single", ["1"]), false, "not in the index");
});
