document.documentElement.classList.replace("no-js", "js");
document.documentElement.classList.add("js-focus-visible");
