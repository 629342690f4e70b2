package segment

// abbrevKind says how a word that ends in a period behaves before the next
// word.
type abbrevKind uint8

const (
	// plainWord is an ordinary word: its period ends the sentence when
	// something that can start a sentence follows.
	plainWord abbrevKind = iota
	// neverEnds is a title or a Latin abbreviation that is always followed
	// by more of the same sentence (Mr., Gen., e.g.).
	neverEnds
	// endsBeforeOpener ends a sentence only when the next word is a common
	// sentence opener (U.S., Inc., Jan., p.m., initials).
	endsBeforeOpener
	// endsBeforeCapital ends a sentence before any capitalised word (etc.).
	endsBeforeCapital
	// numberSign is "No." and the like: an abbreviation before a figure,
	// a plain word otherwise.
	numberSign
)

// abbreviations maps a word, without its final period, to its kind. Words
// made of one- or two-letter parts joined by periods (U.S., a.m., т.е.) and
// single letters (initials) are recognised without being listed.
var abbreviations = map[string]abbrevKind{
	// Titles and ranks before a name.
	"Mr": neverEnds, "Mrs": neverEnds, "Ms": neverEnds, "Mx": neverEnds,
	"Messrs": neverEnds, "Mmes": neverEnds, "Mme": neverEnds, "Mlle": neverEnds,
	"Dr": neverEnds, "Prof": neverEnds, "Gen": neverEnds, "Gens": neverEnds,
	"Lt": neverEnds, "Col": neverEnds, "Sgt": neverEnds, "Capt": neverEnds,
	"Cpt": neverEnds, "Maj": neverEnds, "Adm": neverEnds, "Cmdr": neverEnds,
	"Cdr": neverEnds, "Cpl": neverEnds, "Pvt": neverEnds, "Brig": neverEnds,
	"Sen": neverEnds, "Sens": neverEnds, "Rep": neverEnds, "Reps": neverEnds,
	"Gov": neverEnds, "Govs": neverEnds, "Pres": neverEnds, "Rev": neverEnds,
	"Hon": neverEnds, "Fr": neverEnds, "Msgr": neverEnds, "Supt": neverEnds,
	"Insp": neverEnds, "Det": neverEnds, "Atty": neverEnds, "Amb": neverEnds,
	"Sec": neverEnds, "Gov-Gen": neverEnds, "Lt-Gen": neverEnds, "Maj-Gen": neverEnds,
	"St": neverEnds, "Ste": neverEnds, "Mt": neverEnds, "Ft": neverEnds,
	// Latin and similar abbreviations that always lead on.
	"vs": neverEnds, "Vs": neverEnds, "v": neverEnds, "cf": neverEnds,
	"viz": neverEnds, "approx": neverEnds, "Approx": neverEnds, "ca": neverEnds,
	"e.g": neverEnds, "E.g": neverEnds, "i.e": neverEnds, "I.e": neverEnds,
	"incl": neverEnds, "esp": neverEnds,
	// Cyrillic abbreviations that always lead on.
	"т.е": neverEnds, "т.к": neverEnds, "напр": neverEnds, "см": neverEnds,
	"ген": neverEnds, "проф": neverEnds, "акад": neverEnds, "св": neverEnds,
	"ул": neverEnds, "пр-т": neverEnds, "вул": neverEnds, "просп": neverEnds,
	"ім": neverEnds, "тов": neverEnds, "гр": neverEnds,

	// After a name or a figure: may end a sentence.
	"Jr": endsBeforeOpener, "Sr": endsBeforeOpener, "Inc": endsBeforeOpener,
	"Co": endsBeforeOpener, "Corp": endsBeforeOpener, "Ltd": endsBeforeOpener,
	"Bros": endsBeforeOpener, "Dept": endsBeforeOpener, "Govt": endsBeforeOpener,
	"Univ": endsBeforeOpener, "Assn": endsBeforeOpener, "Ave": endsBeforeOpener,
	"Blvd": endsBeforeOpener, "Rd": endsBeforeOpener, "Esq": endsBeforeOpener,
	"Art": endsBeforeOpener, "Vol": endsBeforeOpener, "Fig": endsBeforeOpener,
	"pp": endsBeforeOpener, "al": endsBeforeOpener, "ed": endsBeforeOpener,
	"eds": endsBeforeOpener, "est": endsBeforeOpener, "min": endsBeforeOpener,
	"max": endsBeforeOpener, "sq": endsBeforeOpener, "mln": endsBeforeOpener,
	"bln": endsBeforeOpener,
	"Jan": endsBeforeOpener, "Feb": endsBeforeOpener, "Mar": endsBeforeOpener,
	"Apr": endsBeforeOpener, "Jun": endsBeforeOpener, "Jul": endsBeforeOpener,
	"Aug": endsBeforeOpener, "Sep": endsBeforeOpener, "Sept": endsBeforeOpener,
	"Oct": endsBeforeOpener, "Nov": endsBeforeOpener, "Dec": endsBeforeOpener,
	"Mon": endsBeforeOpener, "Tue": endsBeforeOpener, "Tues": endsBeforeOpener,
	"Wed": endsBeforeOpener, "Thu": endsBeforeOpener, "Thur": endsBeforeOpener,
	"Thurs": endsBeforeOpener, "Fri": endsBeforeOpener, "Sat": endsBeforeOpener,
	"Sun": endsBeforeOpener,
	"г":   endsBeforeOpener, "гг": endsBeforeOpener, "им": endsBeforeOpener,
	"обл": endsBeforeOpener, "руб": endsBeforeOpener, "долл": endsBeforeOpener,
	"млн": endsBeforeOpener, "млрд": endsBeforeOpener, "трлн": endsBeforeOpener,
	"тыс": endsBeforeOpener, "тис": endsBeforeOpener, "грн": endsBeforeOpener,
	"чел": endsBeforeOpener, "стр": endsBeforeOpener, "ст": endsBeforeOpener,
	"рр": endsBeforeOpener, "коп": endsBeforeOpener, "рис": endsBeforeOpener,
	"табл": endsBeforeOpener, "гл": endsBeforeOpener,

	// Ends a list: a capitalised word after it starts a new sentence.
	"etc": endsBeforeCapital, "т.д": endsBeforeCapital, "т.п": endsBeforeCapital,
	"т.ін": endsBeforeCapital, "др": endsBeforeCapital, "пр": endsBeforeCapital,

	"No": numberSign, "Nos": numberSign, "no": numberSign, "nos": numberSign,
	"Nr": numberSign, "nr": numberSign,
}

// openers are words that are capitalised only at the start of a sentence.
// After an abbreviation such as "U.S." they show that the period also ends
// the sentence.
var openers = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true,
	"These": true, "Those": true, "It": true, "Its": true, "He": true,
	"She": true, "They": true, "We": true, "I": true, "You": true,
	"His": true, "Her": true, "Their": true, "Our": true, "My": true,
	"Your": true, "There": true, "Here": true, "But": true, "And": true,
	"Or": true, "So": true, "Yet": true, "However": true, "Meanwhile": true,
	"Moreover": true, "Also": true, "Still": true, "Instead": true,
	"Then": true, "Now": true, "Later": true, "Earlier": true,
	"In": true, "On": true, "At": true, "For": true, "From": true,
	"With": true, "Without": true, "After": true, "Before": true,
	"During": true, "As": true, "If": true, "When": true, "While": true,
	"Although": true, "Though": true, "Since": true, "Because": true,
	"Despite": true, "According": true, "By": true, "To": true, "Of": true,
	"Under": true, "Over": true, "Some": true, "Many": true, "Most": true,
	"Several": true, "Few": true, "Both": true, "All": true, "Each": true,
	"Every": true, "Neither": true, "Nor": true, "Such": true, "What": true,
	"Who": true, "Why": true, "How": true, "Where": true, "Which": true,
	"Whether": true, "No": true, "Not": true, "Asked": true, "Last": true,
	"Officials": true, "Thus": true, "Further": true, "Furthermore": true,
	"Nevertheless": true, "Nonetheless": true, "Otherwise": true,
	// Russian and Ukrainian.
	"В": true, "Во": true, "На": true, "Он": true, "Она": true, "Оно": true,
	"Они": true, "Это": true, "Эти": true, "Этот": true, "Эта": true,
	"Но": true, "И": true, "А": true, "По": true, "Как": true, "Так": true,
	"Также": true, "При": true, "После": true, "До": true, "Для": true,
	"С": true, "Со": true, "К": true, "О": true, "Об": true, "Из": true,
	"За": true, "Однако": true, "Кроме": true, "Тем": true, "Там": true,
	"Здесь": true, "Мы": true, "Я": true, "Вы": true, "Ранее": true,
	"Позже": true, "Сейчас": true, "Теперь": true, "Когда": true,
	"Если": true, "Хотя": true, "Все": true, "Всего": true, "Между": true,
	"У": true, "Він": true, "Вона": true, "Вони": true, "Це": true,
	"Але": true, "Та": true, "Як": true, "Також": true, "Раніше": true,
	"Проте": true, "Водночас": true, "Після": true, "Ми": true,
}

// reportingVerbs introduce or close a quotation: "..." Zelensky said.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "wrote": true,
	"writes": true, "told": true, "tells": true, "added": true, "adds": true,
	"stated": true, "declared": true, "noted": true, "notes": true,
	"insisted": true, "insists": true, "claimed": true, "claims": true,
	"warned": true, "warns": true, "stressed": true, "tweeted": true,
	"posted": true, "replied": true, "answered": true, "explained": true,
	"continued": true, "recalled": true, "remarked": true, "exclaimed": true,
	"shouted": true, "concluded": true, "argued": true, "emphasised": true,
	"emphasized": true, "wondered": true, "quipped": true,
	"сказал": true, "сказала": true, "заявил": true, "заявила": true,
	"написал": true, "написала": true, "отметил": true, "отметила": true,
	"подчеркнул": true, "подчеркнула": true, "спросил": true, "спросила": true,
	"добавил": true, "добавила": true, "сказав": true,
	"заявив": true, "написав": true, "зазначив": true, "наголосив": true,
	"додав": true, "запитав": true,
}

// afterReporting are the words that may follow a reporting verb in a short
// attribution: "... wrote on Telegram", "... told reporters".
var afterReporting = map[string]bool{
	"on": true, "in": true, "at": true, "to": true, "during": true,
	"after": true, "before": true, "from": true, "via": true, "through": true,
	"later": true, "earlier": true, "yesterday": true, "today": true,
	"tonight": true, "afterwards": true, "reporters": true,
	"journalists": true, "adding": true, "when": true, "while": true,
	"в": true, "на": true, "журналистам": true, "журналістам": true,
}

// months are the month names and abbreviations a dateline may use.
var months = map[string]bool{
	"January": true, "February": true, "March": true, "April": true,
	"May": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true,
}

// joiningWords are words after which a line cannot end a sentence: a line
// that ends in one of them runs on to the next line.
var joiningWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "at": true,
	"by": true, "for": true, "from": true, "with": true, "and": true,
	"or": true, "but": true, "as": true, "that": true, "which": true,
	"whose": true, "than": true, "its": true, "their": true, "his": true,
	"her": true, "our": true, "were": true, "been": true, "will": true,
	"would": true, "could": true, "should": true, "into": true,
	"onto": true, "between": true, "against": true, "this": true,
	"these": true, "those": true, "such": true,
	"в": true, "во": true, "на": true, "и": true, "с": true, "со": true,
	"по": true, "к": true, "из": true, "от": true, "для": true, "что": true,
	"та": true, "що": true,
}

// labels start lines that are credits or captions and stand alone.
var labels = []string{
	"Photo:", "Photos:", "Photograph:", "Photo credit:", "Image:", "Images:",
	"Video:", "Picture:", "Pictured:", "Source:", "Sources:", "Credit:",
	"Credits:", "Caption:", "Read also:", "Read more:", "Also read:",
	"See also:", "Related:", "Editor's note:", "Editor’s note:",
	"Reporting by ", "Additional reporting by ", "Writing by ",
	"Editing by ", "Compiled by ", "Translated by ", "Written by ",
	"Фото:", "Источник:", "Читайте также:", "Джерело:", "Читайте також:",
	"图片：", "来源：", "图：", "写真：",
}
