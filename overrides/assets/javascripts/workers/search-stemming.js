/*
 * Search worker that stems the reader's words before Material's own worker sees them.
 *
 * Material's worker appends "*" to every query term, and lunr skips its pipeline (the stemmer
 * included) for terms with a wildcard: a query "lösenorden" would never meet the stem "lösenord"
 * in the index. This wrapper loads Material's worker (its file name comes in the "material"
 * parameter, so a Material upgrade needs no change here), then rewrites each plain word of a
 * query into its stem in the index's language (fi or sv, one index per language).
 */
(function () {
  "use strict";

  var language = null;
  var listen = self.addEventListener.bind(self);

  function stem(word) {
    var stemmer = language && self.lunr && self.lunr[language] && self.lunr[language].stemmer;
    return stemmer ? stemmer(new self.lunr.Token(word.toLowerCase())).toString() : word;
  }

  // Plain words only: quoted phrases, +required, -excluded and field: terms pass unchanged.
  function stemQuery(query) {
    return query.split(/(\s+)/).map(function (part) {
      return /^[\p{L}\p{N}]+$/u.test(part) ? stem(part) : part;
    }).join("");
  }

  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === 0) language = message.data.config.lang[0];
      if (message && message.type === 2 && typeof message.data === "string") {
        return handler({ data: { type: 2, data: stemQuery(message.data) } });
      }
      return handler(event);
    }, options);
  };

  importScripts(new URL(location.href).searchParams.get("material"));
})();
