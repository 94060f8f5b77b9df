// Khabar web reader: links facts in the panel with their highlights in the text.
// Written for this project (Apache-2.0, like the rest of Khabar); no dependencies.
(function () {
  "use strict";
  function marks(fact) {
    return document.querySelectorAll('#text [data-facts~="' + CSS.escape(fact) + '"]');
  }
  function focus(fact, on) {
    marks(fact).forEach(function (el) { el.classList.toggle("focus", on); });
    document.querySelectorAll('.fact[data-fact="' + CSS.escape(fact) + '"]').forEach(function (el) { el.classList.toggle("focus", on); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".facts .fact").forEach(function (li) {
      var fact = li.getAttribute("data-fact");
      li.addEventListener("mouseenter", function () { focus(fact, true); });
      li.addEventListener("mouseleave", function () { focus(fact, false); });
    });
    document.querySelectorAll("#text [data-facts]").forEach(function (span) {
      span.addEventListener("click", function () {
        var facts = span.getAttribute("data-facts").split(" ");
        document.querySelectorAll(".fact.focus").forEach(function (el) { el.classList.remove("focus"); });
        facts.forEach(function (f) {
          var li = document.querySelector('.fact[data-fact="' + CSS.escape(f) + '"]');
          if (li) { li.classList.add("focus"); li.scrollIntoView({ block: "nearest" }); }
        });
      });
    });
    document.documentElement.setAttribute("data-reader", "ready");
  });
})();
