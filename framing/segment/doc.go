// Package segment splits the analysis text of a news report into sentences.
//
// Split returns byte spans into the text. Every byte that is not white space
// lies in exactly one span, spans are in order and do not overlap, and each
// span is trimmed of the white space around it. The text is read as UTF-8;
// invalid bytes are kept inside sentences and never cause a failure. A
// carriage return is white space.
//
// The rules, in the order they matter:
//
// Lines. A blank line always ends a sentence. The first line of the text
// (the headline) is a sentence of its own, even without final punctuation,
// unless the next line plainly continues it (it starts in lower case, the
// headline ends in a comma, a dash or a word such as "the", or a headline
// without final punctuation is wrapped over two to four lines). A line
// that is a credit or label ("Photo: ...", "Source: ...", "Reporting by
// ..."), a whole parenthetical ("(Reporting by X; Editing by Y)") or a list
// item ("1. First item", "• item") is a sentence of its own. In
// hard-wrapped text (lines of 40 to 110 characters) a line break is white
// space, except after a line without final punctuation that stops short:
// when the next line's first word would have fitted, the break was made on
// purpose (a subhead, a byline) and ends the sentence. When each line is a
// paragraph (longer lines) or the lines are all short, every line break
// ends a sentence, unless the next line starts in lower case or the line
// ends in a comma, a dash or a word such as "the".
//
// Terminal punctuation. A sentence ends after ".", "!", "?", an ellipsis,
// or the CJK marks "。", "！" and "？", together with any closing quotes and
// brackets that follow ("." then "”", "?»", "。」"). Western marks must be
// followed by white space and then by something that can start a
// sentence: a lower-case word, a comma or a dash continues the sentence, so
// a quote and its attribution stay together (“Who is taking whom
// hostage?” asked one operator). A sentence that is only a quotation also
// keeps a capitalised attribution: a name or pronoun and a reporting verb
// that ends the sentence or takes a short phrase (“Is this terror?”
// President X wrote on Telegram), while “It is over.” He left. is two
// sentences. CJK marks need no space after them; a comma after the closing
// quote continues the sentence. Colons, semicolons and dashes never end a
// sentence. An ellipsis ends a sentence only when a capital letter
// follows.
//
// Abbreviations. Titles before names (Mr., Dr., Gen., Sen., St. ...) and
// e.g., i.e., vs., approx., т.е. never end a sentence. Other known
// abbreviations (U.S., U.N., a.m., p.m., Inc., Jr., months such as Jan. and
// Sept., initials such as J. R. R., Cyrillic г., им., В. В.) end one only
// when the next word is a common sentence opener (The, It, But, In, В, Он
// ...): a single period then does both jobs, as in "... strayed into the
// U.S. On Sunday, China said ...", while "U.S. President" and "Jan. 28"
// continue. "etc." and "т.д." end a sentence before any capitalised word.
// "No." followed by a figure is an abbreviation. Decimals, times and
// version numbers (3.5, 10.30, 1.2.3) never split because no space follows
// the period, and a number with a period at the start of a line is a list
// number.
//
// Parentheticals. A sentence that starts with "(" ends at its matching ")"
// when a new sentence follows, so an editor's note between sentences is a
// sentence of its own. A parenthetical inside a sentence ("(... – ed.),")
// and an agency name in a dateline ("(Reuters) -") do not split.
//
// Datelines. A dateline belongs to the first body sentence: the periods in
// "MOSCOW, July 13. /TASS/. Russia ..." and "BEIJING, Aug. 7 — ..." do not
// end a sentence.
package segment
