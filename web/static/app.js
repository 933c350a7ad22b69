// cyberintake web: keyboard shortcuts for the review queue and the
// message page. No inline handlers (the CSP forbids them): everything is
// bound here. j/k move, a accepts, e opens the correction form.
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  function items() { return queue ? Array.prototype.slice.call(queue.querySelectorAll("li[data-id]")) : []; }
  function current() { return queue ? queue.querySelector("li.current") : null; }
  function select(li) {
    var c = current();
    if (c) { c.classList.remove("current"); c.removeAttribute("aria-current"); }
    if (!li) return;
    li.classList.add("current");
    li.setAttribute("aria-current", "true");
    li.scrollIntoView({ block: "nearest" });
    try { sessionStorage.setItem("review-current", li.getAttribute("data-id")); } catch (e) {}
  }
  if (queue) {
    var list = items(), keep = null;
    try { keep = sessionStorage.getItem("review-current"); } catch (e) {}
    var start = list.filter(function (li) { return li.getAttribute("data-id") === keep; })[0] || list[0];
    select(start);
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    if (queue) {
      var list = items(), i = list.indexOf(current());
      if (e.key === "j") { select(list[Math.min(i + 1, list.length - 1)]); e.preventDefault(); }
      else if (e.key === "k") { select(list[Math.max(i - 1, 0)]); e.preventDefault(); }
      else if (e.key === "a") {
        var f = current() && current().querySelector("form.accept");
        if (f) { f.submit(); e.preventDefault(); }
      } else if (e.key === "e" || e.key === "Enter") {
        var c = current();
        if (c) { location.href = c.getAttribute("data-href") + (e.key === "e" ? "#correct" : ""); e.preventDefault(); }
      }
      return;
    }
    if (e.key === "e") {
      var form = document.getElementById("correct");
      if (form) { var first = form.querySelector("textarea, input, select"); if (first) first.focus(); e.preventDefault(); }
    } else if (e.key === "a") {
      var acc = document.querySelector("form.accept");
      if (acc) { acc.submit(); e.preventDefault(); }
    }
  });
})();
