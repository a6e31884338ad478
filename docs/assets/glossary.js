/* The glossary index's filter box and kind facet: shown and wired when JavaScript runs (without it, the page is
   a plain A–Z list). Typing narrows the list to the terms whose name holds the text; the select keeps one kind;
   a letter with no term left is hidden. Material's instant navigation swaps pages without reloading: the
   script hooks `document$` when there is one. */
(function () {
  function setUp() {
    var box = document.querySelector(".glossary-filter");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    box.hidden = false;
    var input = box.querySelector("input");
    var select = box.querySelector("select");
    var none = document.querySelector(".glossary-none");
    var lists = Array.prototype.slice.call(document.querySelectorAll(".glossary-index"));
    var items = lists.map(function (list) {
      return Array.prototype.map.call(list.children, function (li) {
        return { li: li, text: li.querySelector("a").textContent.toLowerCase(), kind: li.dataset.kind };
      });
    });
    function apply() {
      var words = input.value.toLowerCase().trim();
      var kind = select.value;
      var shown = 0;
      lists.forEach(function (list, i) {
        var left = 0;
        items[i].forEach(function (item) {
          var keep = (!kind || item.kind === kind) && (!words || item.text.indexOf(words) >= 0);
          item.li.hidden = !keep;
          if (keep) left += 1;
        });
        var block = list.closest(".unsearched") || list;
        var heading = block.previousElementSibling;
        block.hidden = left === 0;
        if (heading && /^H2$/.test(heading.tagName)) heading.hidden = left === 0;
        shown += left;
      });
      if (none) none.hidden = shown > 0;
    }
    input.addEventListener("input", apply);
    select.addEventListener("change", apply);
    apply();
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
