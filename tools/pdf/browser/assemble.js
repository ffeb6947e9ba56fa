// Runs inside the page that prints the book (plain JavaScript: it is evaluated as text, so no
// compiler helpers leak into it). It replaces the page's body with every chapter, one after the
// other, and makes the links between chapters point inside the book.
var fieldguideBook = {
  /**
   * chapters: [{slug, path, html}] in sidebar order (path: the chapter's URL path, html: its page);
   * siteUrl: the published site, for links that leave the book; css: the print stylesheet.
   * Returns the outline: [{id, title, level}] of every chapter (level 1) and section (level 2).
   */
  assemble: function (args) {
    var chapters = args.chapters;
    var slugByPath = {};
    chapters.forEach(function (c) {
      slugByPath[c.path] = c.slug;
    });
    var book = document.createElement('main');
    book.className = 'book';
    var front = document.createElement('div');
    front.id = 'front';
    book.appendChild(front);
    var outline = [];
    var sections = chapters.map(function (c) {
      var doc = new DOMParser().parseFromString(c.html, 'text/html');
      var content = doc.querySelector('.theme-doc-markdown');
      if (!content) throw new Error(c.path + ': no .theme-doc-markdown in the built page');
      var section = document.createElement('section');
      section.className = 'chapter';
      section.id = c.slug;
      section.appendChild(document.importNode(content, true));
      fieldguideBook.prepare(section, c.slug);
      var h1 = section.querySelector('h1');
      outline.push({id: c.slug, title: h1 ? h1.textContent.trim() : c.slug, level: 1});
      section.querySelectorAll('h2[id]').forEach(function (h) {
        outline.push({id: h.id, title: fieldguideBook.headingText(h), level: 2});
      });
      return section;
    });
    sections.forEach(function (section) {
      book.appendChild(section);
    });
    document.body.replaceChildren(book);
    // Once every chapter is in the page, so that a link can find a heading of a later chapter.
    sections.forEach(function (section, i) {
      fieldguideBook.relink(section, chapters[i].slug, slugByPath, args.siteUrl);
    });
    document.documentElement.setAttribute('data-theme', 'light');
    var style = document.createElement('style');
    style.textContent = args.css;
    document.head.appendChild(style);
    return outline;
  },

  headingText: function (h) {
    var copy = h.cloneNode(true);
    copy.querySelectorAll('.hash-link').forEach(function (a) {
      a.remove();
    });
    return copy.textContent.replace(/\u200b/g, '').trim();
  },

  /** Print form of a chapter: every file tab shown, no buttons, heading ids made unique in the book. */
  prepare: function (section, slug) {
    section.querySelectorAll('.hash-link, button, [role=tablist], .theme-doc-toc-mobile').forEach(function (e) {
      e.remove();
    });
    section.querySelectorAll('[role=tabpanel][hidden]').forEach(function (p) {
      p.removeAttribute('hidden');
    });
    section.querySelectorAll('details').forEach(function (d) {
      d.setAttribute('open', '');
    });
    section.querySelectorAll('h2[id], h3[id], h4[id]').forEach(function (h) {
      h.id = slug + '--' + h.id;
    });
  },

  /**
   * Links to a chapter (and its headings) become links inside the book; other links to the site
   * (the gallery, .zip downloads) become absolute links to the published site.
   */
  relink: function (section, slug, slugByPath, siteUrl) {
    section.querySelectorAll('a[href]').forEach(function (a) {
      var raw = a.getAttribute('href');
      var url = new URL(raw, location.origin + '/');
      if (url.origin !== location.origin) return;
      var target = raw.charAt(0) === '#' ? slug : slugByPath[url.pathname];
      if (target === undefined) {
        a.setAttribute('href', siteUrl + url.pathname + url.hash);
        return;
      }
      var hash = decodeURIComponent(url.hash.slice(1));
      var inBook =
        hash && document.getElementById(target + '--' + hash)
          ? target + '--' + hash
          : hash && document.getElementById(hash)
            ? hash
            : target;
      a.setAttribute('href', '#' + inBook);
    });
  },

  /** The cover and the table of contents, before the first chapter. */
  front: function (html) {
    document.getElementById('front').innerHTML = html;
  },
};
