// Suggestions as you type in the header search box. Without JavaScript the form still
// submits to the search page; this only fills the <datalist> the input points at.
(function () {
  "use strict";
  var form = document.querySelector("form.site-search[data-suggest-url]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById(input.getAttribute("list"));
  var language = document.documentElement.lang || "vi";
  var timer = null;
  var lastQuery = "";

  function fill(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (suggestion) {
      var option = document.createElement("option");
      option.value = suggestion.title;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    window.clearTimeout(timer);
    if (query.length < 2 || query === lastQuery) { return; }
    timer = window.setTimeout(function () {
      lastQuery = query;
      var url = form.getAttribute("data-suggest-url") + "?lang=" + encodeURIComponent(language) +
        "&q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (query === input.value.trim()) { fill(data.suggestions); } })
        .catch(function () { fill([]); });
    }, 150);
  });
})();
