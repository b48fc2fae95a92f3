// veille: the little the pages need beyond HTML and CSS (no library, no network requests).
// - article page: click an event's sentence or badge to pin its card; Escape closes it;
//   #ev-3 (or ?ev=3) scrolls to the event and highlights every fragment of its sentence.
(function () {
  "use strict";

  function fragments(ref) {
    return document.querySelectorAll('mark.ev[data-ref="' + ref + '"]');
  }

  function closeCards(except) {
    document.querySelectorAll(".card.open").forEach(function (card) {
      if (card !== except) {
        card.classList.remove("open");
        var button = document.querySelector('[aria-controls="' + card.id + '"]');
        if (button) button.setAttribute("aria-expanded", "false");
      }
    });
  }

  function toggleCard(ref) {
    var card = document.getElementById("card-" + ref);
    if (!card) return;
    var open = !card.classList.contains("open");
    closeCards(card);
    card.classList.toggle("open", open);
    var button = document.querySelector('[aria-controls="' + card.id + '"]');
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function focusEvent(ref, scroll) {
    document.querySelectorAll("mark.ev.focus").forEach(function (m) { m.classList.remove("focus"); });
    var marks = fragments(ref);
    marks.forEach(function (m) { m.classList.add("focus"); });
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  function fromLocation() {
    var match = /^#(ev-\d+)$/.exec(window.location.hash);
    if (match) return match[1];
    var ev = new URLSearchParams(window.location.search).get("ev");
    return ev !== null && /^\d+$/.test(ev) ? "ev-" + ev : null;
  }

  document.addEventListener("click", function (event) {
    var badge = event.target.closest(".ev-badge");
    if (badge) {
      badge.removeAttribute("data-dismissed");
      toggleCard(badge.getAttribute("data-ref"));
      return;
    }
    var mark = event.target.closest("mark.ev");
    if (mark && !event.target.closest("a")) {
      toggleCard(mark.getAttribute("data-ref"));
      focusEvent(mark.getAttribute("data-ref"), false);
      return;
    }
    if (!event.target.closest(".card")) closeCards(null);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    closeCards(null);
    var active = document.activeElement;
    if (active && active.classList.contains("ev-badge")) active.setAttribute("data-dismissed", "");
  });

  document.addEventListener("focusout", function (event) {
    if (event.target.classList && event.target.classList.contains("ev-badge")) {
      event.target.removeAttribute("data-dismissed");
    }
  });

  // Filter forms send only what the user filled: empty fields and "any" options are left out
  // of the URL (the server ignores blank parameters too, for forms submitted without script).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-send-filled")) return;
    form.querySelectorAll("input[name], select[name]").forEach(function (field) {
      if (!String(field.value).trim()) field.disabled = true;
    });
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-send-filled] [disabled]").forEach(function (field) {
      field.disabled = false;
    });
  });

  window.addEventListener("hashchange", function () {
    var ref = fromLocation();
    if (ref) focusEvent(ref, true);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var ref = fromLocation();
    if (ref) focusEvent(ref, true);
  });
})();
