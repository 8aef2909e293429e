for (const link of document.querySelectorAll("link[rel=stylesheet]")) link.href = link.href;
