/*
 * Guards around Material's own start-up, loaded in <head> on every page (main.html, block extrahead): after
 * Material's inline script has defined __md_get/__md_set, before its palette script and its bundle run.
 * Each part works around one thing in Material 9.8 that a reader would otherwise meet; none is needed
 * without JavaScript, where Material hides search and the theme toggle itself.
 */
(function () {
  "use strict";

  /*
   * Stored preferences. Material reads localStorage unguarded: where site data is blocked, reading it
   * throws (SecurityError), and a stored value that is not JSON throws too. Either stops Material's palette
   * script and its bundle, so search never starts and the theme toggle stays hidden. A preference that
   * cannot be read is treated as never stored; one that cannot be written is lost.
   */
  var read = window.__md_get;
  var write = window.__md_set;

  /* Material's bundle computes with the stored palette's index: a value of another shape crashes it too. */
  function usable(key, value) {
    return key !== "__palette" || value === null ||
      (typeof value === "object" && Number.isInteger(value.index) && typeof value.color === "object");
  }

  window.__md_get = function (key) {
    try {
      var value = read.apply(null, arguments);
      return usable(key, value) ? value : null;
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function () {
    try {
      write.apply(null, arguments);
    } catch (error) {
      /* storage blocked: the choice holds on this page only */
    }
  };

  /*
   * The language links in <head>. Material fetches sitemap.xml relative to every link[rel=alternate] it
   * finds when it starts, to map pages between site versions: here that is <page>/sitemap.xml for both
   * languages, two 404s on every page (and, with fully qualified links, requests to the published host
   * from a copy served elsewhere). The language menu already links each page to its twin, so Material
   * does not need them: they are taken out while Material starts (on DOMContentLoaded) and put back after.
   */
  var alternates = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate][hreflang]"));
  alternates.forEach(function (link) { link.remove(); });
  document.addEventListener("DOMContentLoaded", function () {
    setTimeout(function () {
      alternates.forEach(function (link) { document.head.appendChild(link); });
    });
  });

  /*
   * The theme toggle. Material draws it as two visually hidden radios whose labels are the icons: Tab lands
   * on a checked radio named as an action, and Space does nothing. Each label becomes a button with the
   * label's name ("Switch to dark theme") that checks the other radio; Material still does the switching,
   * and shows the button for the next switch, which then takes focus. This runs before Material mounts
   * the palette (it listens to the same event, registered later), so Material toggles the buttons.
   */
  function paletteButtons() {
    var form = document.querySelector("[data-md-component=palette]");
    if (!form) return;
    var buttons = [];
    form.querySelectorAll("label[for]").forEach(function (label) {
      var radio = document.getElementById(label.htmlFor);
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.title = label.title;
      /* Material turns a title into its own tooltip (content.tooltips), which leaves no name behind */
      button.setAttribute("aria-label", label.title);
      button.hidden = label.hidden;
      while (label.firstChild) button.appendChild(label.firstChild);
      button.addEventListener("keydown", function (event) {
        /* Material switches on Enter anywhere in the form: the button's own click is enough */
        if (event.key === "Enter") event.stopPropagation();
      });
      button.addEventListener("click", function () {
        radio.click();
        buttons.forEach(function (other) {
          if (!other.hidden) other.focus();
        });
      });
      label.replaceWith(button);
      buttons.push(button);
    });
    form.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.tabIndex = -1;
      radio.setAttribute("aria-hidden", "true");
    });
  }

  /* The search dialog is named like its options ("Haku", "Sök"); Material leaves it unnamed. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var options = dialog && dialog.querySelector(".md-search__options[aria-label]");
    if (options) dialog.setAttribute("aria-label", options.getAttribute("aria-label"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    paletteButtons();
    nameSearchDialog();
  });
})();
