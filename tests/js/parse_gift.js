// Reads a GIFT file with gift-pegjs, an independent parser, and prints what it found as JSON (tests/test_exports.py).
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], "utf8"))));
