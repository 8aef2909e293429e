// Material's script swaps this page's "no-js" class for "js", and its
// focus-visible helper adds "js-focus-visible", once the whole lesson has been
// parsed. In Chromium any class change on <html> restyles every element on the
// page; on "How Python Works" that was about a tenth of what Lighthouse counts
// as blocking time on a phone. Set both here, before the body exists, where it
// costs nothing; Material's own changes then find nothing left to change.
document.documentElement.classList.replace("no-js", "js");
document.documentElement.classList.add("js-focus-visible");
