// bordermap view, first: errors from anywhere (window.onerror, unhandled rejections,
// console.error) are kept in ERRORS, which the page's state shows (tests read it).
"use strict";

// Errors first: window.onerror, unhandled rejections and console.error end up in the state.
var ERRORS = [];
window.addEventListener("error", function (e) {
  ERRORS.push("error: " + (e.message || String(e.error)) + (e.lineno ? " (line " + e.lineno + ")" : ""));
});
window.addEventListener("unhandledrejection", function (e) {
  ERRORS.push("unhandled rejection: " + String(e.reason));
});
(function () {
  var original = console.error;
  console.error = function () {
    ERRORS.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
})();
