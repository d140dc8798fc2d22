// Placeholder: the page's script (replaced by the view page work).
"use strict";
const scene = JSON.parse(document.getElementById("bordermap-data").textContent);
document.getElementById("app").textContent = scene.title + ": " + scene.events.length + " events";
