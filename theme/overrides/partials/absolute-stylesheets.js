for (const link of /** @type {NodeListOf<HTMLLinkElement>} */ (document.querySelectorAll("link[rel=stylesheet]"))) {
  link.setAttribute("href", link.href); // href reads back absolute
}
