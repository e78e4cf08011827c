/** Articles in the runtime project's archive fixture: the front page's 30, and archive pages 1 (the 30 oldest), 2 and 3 (the 5 newest). */
export const ARCHIVE_ARTICLES = 65;
